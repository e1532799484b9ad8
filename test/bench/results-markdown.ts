/**
 * Turns a benchmark result (bench-results/bench-*.json, written by `npm run bench`) into the Markdown
 * tables of docs/performance.md, so that the page shows measured numbers rather than retyped ones.
 *
 *   npm run bench:docs [-- bench-results/bench-....json]     (default: the newest result)
 *
 * replaces what stands between the two bench-results markers in docs/performance.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The parts of a benchmark result this page shows (bench.ts writes more). */
export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel?: string; memoryGb: number; node: string };
  parse: {
    language: string;
    files: number;
    mb: number;
    mbPerSec: number;
    p50ms: number;
    p99ms: number;
    maxMs: number;
    errors: number;
  }[];
  scan: {
    target: string;
    files: number;
    mb: number;
    seconds: number;
    medianSeconds: number;
    runs: number;
    mbPerSec: number;
    peakRssMb: number;
    resources: number;
    startupS: number;
    planS: number;
    analysisS: number;
    reportS: number;
    /** Absent in results written before these were measured. */
    reportRatio?: number;
    referenceSeconds?: number;
    vsReference?: number;
  }[];
  edit: {
    workspaceFiles: number;
    editedLines: number;
    p50ms: number;
    p90ms: number;
    p99ms?: number;
    maxMs: number;
    firstDiagnosticsMs?: number;
  };
  big?: { target: string; files: number; mb: number; seconds: number; mbPerSec: number; peakRssMb: number };
}

export const BEGIN = '<!-- bench-results:begin (npm run bench:docs) -->';
export const END = '<!-- bench-results:end -->';

const n = (x: number, digits: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The Markdown for one result: machine, whole scans, parse-only, edit latency, large corpus. */
export function benchMarkdown(r: BenchResult): string {
  const m = r.machine;
  const out = [
    `Latest \`npm run bench\` run: ${r.date.slice(0, 10)}, ${m.cpus} × ${m.cpuModel ?? 'CPU'}, ${m.memoryGb} GB, Node ${m.node}.`,
    '',
    table(
      [
        'whole CLI scan',
        'files',
        'MB',
        'fastest',
        'median',
        'MB/s',
        'peak RSS',
        'start-up',
        'grouping',
        'analysis',
        'report',
        'JSON report / source',
        'hcl/v2 reference',
      ],
      r.scan.map((s) => [
        `${s.target}, ${s.runs} run${s.runs === 1 ? '' : 's'}`,
        n(s.files, 0),
        n(s.mb, 1),
        `${n(s.seconds, 2)} s`,
        `${n(s.medianSeconds, 2)} s`,
        n(s.mbPerSec, 1),
        `${n(s.peakRssMb, 0)} MB`,
        `${n(s.startupS, 2)} s`,
        `${n(s.planS, 2)} s`,
        `${n(s.analysisS, 2)} s`,
        `${n(s.reportS, 2)} s`,
        s.reportRatio === undefined ? '–' : `${n(s.reportRatio, 2)}×`,
        s.referenceSeconds === undefined || s.vsReference === undefined
          ? '–'
          : `${n(s.referenceSeconds, 2)} s (CLI ${n(s.vsReference, 2)}× its speed)`,
      ]),
    ),
    '',
    table(
      ['parse only (warm)', 'files', 'MB', 'MB/s', 'p50 per file', 'p99 per file', 'slowest file', 'files with errors'],
      r.parse.map((p) => [
        p.language,
        n(p.files, 0),
        n(p.mb, 1),
        n(p.mbPerSec, 1),
        `${n(p.p50ms, 2)} ms`,
        `${n(p.p99ms, 2)} ms`,
        `${n(p.maxMs, 1)} ms`,
        n(p.errors, 0),
      ]),
    ),
    '',
    table(
      ['re-analysis of one edited file', 'workspace files', 'edited lines', 'p50', 'p90', 'p99', 'slowest'],
      [
        [
          'in the engine the extension uses',
          n(r.edit.workspaceFiles, 0),
          n(r.edit.editedLines, 0),
          `${n(r.edit.p50ms, 1)} ms`,
          `${n(r.edit.p90ms, 1)} ms`,
          r.edit.p99ms === undefined ? '–' : `${n(r.edit.p99ms, 1)} ms`,
          `${n(r.edit.maxMs, 1)} ms`,
        ],
      ],
    ),
    ...(r.edit.firstDiagnosticsMs === undefined
      ? []
      : [
          '',
          `First diagnostics of the open ${n(r.edit.editedLines, 0)}-line file of a freshly opened ` +
            `${n(r.edit.workspaceFiles, 0)}-file workspace, in a fresh engine while its workspace scan runs ` +
            `(reads yield as the editor's do; extension activation not included): ${n(r.edit.firstDiagnosticsMs, 0)} ms.`,
        ]),
  ];
  if (r.big) {
    const b = r.big;
    out.push(
      '',
      `Large corpus (${b.target}): ${n(b.files, 0)} files, ${n(b.mb, 0)} MB, ${n(b.seconds, 1)} s ` +
        `(${n(b.mbPerSec, 2)} MB/s), peak RSS ${n(b.peakRssMb, 0)} MB.`,
    );
  }
  return out.join('\n');
}

/** `page` with the text between the markers replaced by `body`. */
export function replaceBetweenMarkers(page: string, body: string): string {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin < 0 || end < begin) {
    throw new Error('docs/performance.md lacks the bench-results markers');
  }
  return `${page.slice(0, begin + BEGIN.length)}\n\n${body}\n\n${page.slice(end)}`;
}

function main(): void {
  // Run through `npm run bench:docs`, from the package root.
  const root = process.cwd();
  const dir = path.join(root, 'bench-results');
  const file =
    process.argv[2] ??
    (fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.startsWith('bench-') && f.endsWith('.json'))
          .sort()
          .map((f) => path.join(dir, f))
          .pop()
      : undefined);
  if (!file) {
    throw new Error('no benchmark result: run `npm run bench` first, or name a bench-results/*.json file');
  }
  const page = path.join(root, 'docs/performance.md');
  const result = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult;
  fs.writeFileSync(page, replaceBetweenMarkers(fs.readFileSync(page, 'utf8'), benchMarkdown(result)));
  process.stdout.write(`docs/performance.md updated from ${path.relative(root, file)}\n`);
}

if (require.main === module) {
  main();
}
