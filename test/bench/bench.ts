/**
 * The benchmark: `npm run bench [-- --real DIR]... [--hcl-reference CMD] [--single-file-mb N]
 * [--tf-modules N] [--bicep-files N] [--big-mb N] [--runs N] [--keep]`, or `npm run bench -- --edit-only [--corpus DIR]
 * [--profile-edits FILE]` for the edit latency alone.
 * Generates a deterministic corpus (or uses a real one), then measures parse-only throughput, the whole
 * CLI scan (node start-up included), per-file latency, peak memory and the latency of re-analysing one
 * edited 5,000-line file in a large workspace. Prints a table and writes bench-results/*.json.
 * Performance is measured here, never by timed tests.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { parseTimings } from '../../src/cli/timings';
import { editLatency, percentile } from './editor-latency';
import { generateCorpus } from './generate-corpus';
import { PARSERS } from './parsers';

// Bundled to out/bench/bench.js.
const ROOT = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, def: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
/** Whole-scan runs per corpus (`--runs N`): this machine's speed varies, so take the fastest of several. */
const SCAN_RUNS = value('--runs', 1);
/** `--profile-edits FILE`: a CPU profile of the edits only (open it in Chrome DevTools or VS Code). */
const profileEdits = flag('--profile-edits') ? args[args.indexOf('--profile-edits') + 1] : undefined;

function listFiles(dir: string, ext: string[], out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== '.git' && e.name !== 'node_modules' && e.name !== '.terraform') {
        listFiles(full, ext, out);
      }
    } else if (ext.some((x) => e.name.endsWith(x))) {
      out.push(full);
    }
  }
  return out;
}

interface ParseRow {
  language: string;
  files: number;
  mb: number;
  seconds: number;
  mbPerSec: number;
  filesPerSec: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
  errors: number;
}

function parseOnly(language: string, files: string[]): ParseRow | undefined {
  const parser = PARSERS[language];
  if (!parser || files.length === 0) {
    return undefined;
  }
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  // One warm-up pass so that the JIT has compiled the parser, as it has in a long-lived extension host.
  for (const t of texts.slice(0, 200)) {
    parser(t);
  }
  const times: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  for (const t of texts) {
    const s = performance.now();
    errors += parser(t);
    times.push(performance.now() - s);
  }
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return {
    language,
    files: files.length,
    mb: bytes / 1e6,
    seconds,
    mbPerSec: bytes / 1e6 / seconds,
    filesPerSec: files.length / seconds,
    p50ms: percentile(times, 50),
    p99ms: percentile(times, 99),
    maxMs: times[times.length - 1],
    errors,
  };
}

interface ScanRow {
  target: string;
  files: number;
  mb: number;
  /** The fastest of `runs` scans (the machine's own noise only ever adds time). */
  seconds: number;
  /** The median of the runs. */
  medianSeconds: number;
  runs: number;
  mbPerSec: number;
  peakRssMb: number;
  resources: number;
  errors: number;
  /** Where the fastest run's time went (the CLI's `--timings`), in seconds. */
  startupS: number;
  planS: number;
  analysisS: number;
  reportS: number;
  /** Size of the JSON report against the source it describes (target: at most 1.5). */
  reportBytes: number;
  reportRatio: number;
  /**
   * `--hcl-reference CMD`: the fastest whole-process run of CMD on the same folder (e.g. a program that
   * reads and parses every `.tf` file with hashicorp/hcl/v2), alternated with the CLI's runs, and
   * `vsReference` = the median over those pairs of its time / the CLI's (at least 1 means the CLI is as
   * fast).
   */
  referenceSeconds?: number;
  vsReference?: number;
}

/**
 * Resources and errors in a JSON report, read line by line in chunks: the report of a large corpus is
 * too big for one string. Relies on the report's fixed layout (two-space indentation, one element
 * per line starting `    {` inside each top-level list).
 */
function countReport(file: string): { resources: { length: number }; errors: { length: number } } {
  const counts: Record<string, number> = {};
  let section = '';
  let rest = '';
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 24);
  try {
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) {
      const lines = (rest + buf.toString('utf8', 0, n)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ {2}"(\w+)": \[/.exec(line);
        if (m) {
          section = m[1];
        } else if (line.startsWith('    {')) {
          counts[section] = (counts[section] ?? 0) + 1;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return { resources: { length: counts.resources ?? 0 }, errors: { length: counts.errors ?? 0 } };
}

/** `--hcl-reference CMD`: the reference reader of `.tf` files, run as `CMD DIR` through the shell. */
const HCL_REFERENCE = (() => {
  const i = args.indexOf('--hcl-reference');
  return i >= 0 ? args[i + 1] : undefined;
})();

/** One whole-process run of the reference on `dir`, in seconds (start-up included, as for the CLI). */
function referenceOnce(command: string, dir: string): number {
  const t0 = performance.now();
  const r = spawnSync(`${command} ${JSON.stringify(dir)}`, { shell: true, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    throw new Error(`the reference failed on ${dir}: ${r.stderr}`);
  }
  return (performance.now() - t0) / 1000;
}

/**
 * Whole CLI scans of `dir`, `--runs N` times (default 1): the fastest and the median, the largest RSS.
 * With a `reference` command, each CLI run is followed by one of the reference, so that both see the
 * same moments of a machine whose speed varies.
 */
function cliScan(target: string, dir: string, exts: string[], runs = SCAN_RUNS, reference?: string): ScanRow {
  const files = listFiles(dir, exts);
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const times: number[] = [];
  const refTimes: number[] = [];
  let fastest: ScanRow | undefined;
  let peakRssMb = 0;
  for (let i = 0; i < Math.max(1, runs); i++) {
    const one = cliScanOnce(target, dir, files.length, bytes);
    times.push(one.seconds);
    fastest = !fastest || one.seconds < fastest.seconds ? one : fastest;
    peakRssMb = Math.max(peakRssMb, one.peakRssMb);
    if (reference) {
      refTimes.push(referenceOnce(reference, dir));
    }
  }
  // Each pair of runs (the CLI's, then the reference's) saw about the same moment of the machine: the
  // ratio is the median of the pairs' ratios, not fastest against fastest, which compared two moments
  // (one run saw 0.96× that way while runs alternated by hand gave 0.82–0.87×).
  const ratios = refTimes.map((r, i) => r / times[i]).sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const seconds = times[0];
  const referenceSeconds = refTimes.length > 0 ? Math.min(...refTimes) : undefined;
  return {
    ...fastest!,
    peakRssMb,
    seconds,
    medianSeconds: times[Math.floor(times.length / 2)],
    runs: times.length,
    mbPerSec: fastest!.mb / seconds,
    referenceSeconds,
    vsReference: ratios.length > 0 ? ratios[Math.floor(ratios.length / 2)] : undefined,
  };
}

function cliScanOnce(target: string, dir: string, fileCount: number, bytes: number): ScanRow {
  const out = path.join(os.tmpdir(), `cal-bench-${process.pid}.json`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--require',
      path.join(ROOT, 'out/bench/rss-probe.js'),
      path.join(ROOT, 'dist/cli.js'),
      'scan',
      '.',
      '--format',
      'json',
      '--output',
      out,
      '--fail-on',
      'none',
      '--timings',
    ],
    // From the scanned folder, as a user runs it: paths in the report are relative to it.
    { encoding: 'utf8', maxBuffer: 1 << 26, cwd: dir },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    throw new Error(`scan of ${dir} failed: ${r.stderr}`);
  }
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  const doc = countReport(out);
  const reportBytes = fs.statSync(out).size;
  fs.rmSync(out, { force: true });
  const phases = parseTimings(r.stderr);
  if (!phases) {
    throw new Error(`the scan of ${dir} printed no timings: ${r.stderr}`);
  }
  return {
    target,
    files: fileCount,
    mb: bytes / 1e6,
    seconds,
    medianSeconds: seconds,
    runs: 1,
    mbPerSec: bytes / 1e6 / seconds,
    peakRssMb: rss / 1024,
    resources: doc.resources.length,
    errors: doc.errors.length,
    startupS: phases.startup,
    planS: phases.plan,
    analysisS: phases.analysis,
    reportS: phases.report,
    reportBytes,
    reportRatio: reportBytes / bytes,
  };
}

function table(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) {
    return '';
  }
  const keys = Object.keys(rows[0]);
  const cells = rows.map((r) =>
    keys.map((k) => (typeof r[k] === 'number' ? r[k].toFixed(Number.isInteger(r[k]) ? 0 : 2) : String(r[k]))),
  );
  const widths = keys.map((k, i) => Math.max(k.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padStart(widths[i])).join('  ');
  return [line(keys), ...cells.map(line)].join('\n');
}

/**
 * `--big-mb N`: a corpus of about N MB (three quarters Terraform, one quarter Bicep) scanned in one CLI
 * run, for the peak-memory target (200 MB under 1 GB). Opt-in: generating and scanning it takes minutes.
 */
function bigScan(mb: number): ScanRow & { generateSeconds: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-big-'));
  try {
    // Measured sizes of the generator: 7.6 MB per 1,667 Terraform modules, 6.45 MB per 3,000 Bicep files.
    const tfModules = Math.round(((mb * 0.75) / 7.6) * 1667);
    const bicepFiles = Math.round(((mb * 0.25) / 6.45) * 3000);
    process.stderr.write(
      `generating a ${mb} MB corpus in ${dir} (${tfModules} modules, ${bicepFiles} Bicep files)...\n`,
    );
    const t0 = performance.now();
    generateCorpus(dir, { tfModules, bicepFiles });
    const generateSeconds = (performance.now() - t0) / 1000;
    process.stderr.write('scanning it...\n');
    return { ...cliScan(`all (${mb} MB generated)`, dir, ['.tf', '.bicep'], 1), generateSeconds };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `--single-file-mb N`: one Terraform file of 7,500 resources per MB (150,000 resources and about 20 MB for
 * 20, the shape of the issue's memory target: under 600 MB peak RSS), scanned by the CLI. Until
 * 2026-12-04 the file held 210,000 smaller resources for 20 MB.
 */
function singleFileScan(mb: number): ScanRow {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-single-'));
  try {
    const parts = ['provider "aws" {\n  region = "eu-central-1"\n}\n\n'];
    for (let i = 0; i < mb * 7500; i++) {
      parts.push(
        `resource "aws_s3_bucket" "b${i}" {\n  bucket        = "bucket-${i}"\n  force_destroy = false\n` +
          `  tags          = { Index = "${i}" }\n}\n\n`,
      );
    }
    fs.writeFileSync(path.join(dir, 'main.tf'), parts.join(''));
    return cliScan(`terraform (one file, ${(mb * 7500).toLocaleString('en')} resources)`, dir, ['.tf'], 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The edit latency, measured in a process of its own as in a warm extension host: in this process the
 * parse-only measurements leave hundreds of MB of trees for the collector, and a full collection of them
 * landed in one of the 30 edits (p99 70–80 ms in two runs of one afternoon, against 18–28 ms apart).
 */
function editLatencyApart(corpus: string): Awaited<ReturnType<typeof editLatency>> {
  const r = spawnSync(
    process.execPath,
    [__filename, '--edit-only', '--corpus', corpus, ...(profileEdits ? ['--profile-edits', profileEdits] : [])],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    throw new Error(`the edit latency measurement failed: ${r.stderr}`);
  }
  return JSON.parse(last) as Awaited<ReturnType<typeof editLatency>>;
}

async function main(): Promise<void> {
  if (flag('--edit-only')) {
    // Only the edit latency (e.g. with node --trace-gc to see what the slowest edits wait for), on a
    // corpus of its own or, with `--corpus DIR`, on one already generated (the full run's, see below).
    const given = flag('--corpus') ? args[args.indexOf('--corpus') + 1] : undefined;
    const dir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cal-corpus-'));
    try {
      if (!given) {
        generateCorpus(dir, { tfModules: value('--tf-modules', 1667), bicepFiles: 0 });
      }
      process.stdout.write(`${JSON.stringify(await editLatency(dir, { verbose: true, profileTo: profileEdits }))}\n`);
    } finally {
      if (!given) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    return;
  }
  // `--real DIR` (repeatable): folders of real code, e.g. one of Terraform and one of Bicep.
  const reals = args.flatMap((a, i) => (a === '--real' && args[i + 1] ? [path.resolve(args[i + 1])] : []));
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-corpus-'));
  const tfModules = value('--tf-modules', 1667);
  const bicepFiles = value('--bicep-files', 3000);
  process.stderr.write(
    `generating corpus in ${corpus} (${tfModules} Terraform modules, ${bicepFiles} Bicep files)...\n`,
  );
  const stats = generateCorpus(corpus, { tfModules, bicepFiles });

  const sets: Array<[string, string]> = [['generated', corpus]];
  for (const real of reals) {
    sets.push([`real: ${path.basename(real)}`, real]);
  }
  const parseRows: ParseRow[] = [];
  const scanRows: ScanRow[] = [];
  for (const [name, dir] of sets) {
    const tf = listFiles(dir, ['.tf']);
    const bicep = listFiles(dir, ['.bicep']);
    for (const row of [parseOnly('terraform', tf), parseOnly('bicep', bicep)]) {
      if (row) {
        parseRows.push({ ...row, language: `${row.language} (${name})` });
      }
    }
    if (name === 'generated') {
      scanRows.push(cliScan(`terraform (${name})`, path.join(dir, 'terraform'), ['.tf'], SCAN_RUNS, HCL_REFERENCE));
      scanRows.push(cliScan(`bicep (${name})`, path.join(dir, 'bicep'), ['.bicep']));
    } else {
      // A real folder is scanned whole, once, and named by the language most of its bytes are in: a Bicep
      // folder with a few .tf files is not a Terraform scan, and hcl/v2 on those few files is no reference.
      const bytes = (files: string[]) => files.reduce((n, f) => n + fs.statSync(f).size, 0);
      if (tf.length > 0 && bytes(tf) >= bytes(bicep)) {
        scanRows.push(cliScan(`terraform (${name})`, dir, ['.tf'], SCAN_RUNS, HCL_REFERENCE));
      } else if (bicep.length > 0) {
        scanRows.push(cliScan(`bicep (${name})`, dir, ['.bicep']));
      }
    }
  }
  const singleMb = value('--single-file-mb', 0);
  if (singleMb > 0) {
    scanRows.push(singleFileScan(singleMb));
  }
  const edit = editLatencyApart(corpus);
  const bigMb = value('--big-mb', 0);
  const big = bigMb > 0 ? bigScan(bigMb) : undefined;
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    corpus: stats,
    parse: parseRows,
    scan: scanRows,
    edit,
    big,
  };
  process.stdout.write(`\nParse only\n${table(parseRows as unknown as Array<Record<string, unknown>>)}\n`);
  process.stdout.write(
    `\nWhole CLI scan (node start-up, parse, resolve, assess, JSON output); the last four columns split the fastest run\n${table(scanRows as unknown as Array<Record<string, unknown>>)}\n`,
  );
  process.stdout.write(
    `\nRe-analysis of one edited ${edit.editedLines}-line file in a ${edit.workspaceFiles}-file workspace: p50 ${edit.p50ms.toFixed(1)} ms, p90 ${edit.p90ms.toFixed(1)} ms, p99 ${edit.p99ms.toFixed(1)} ms, max ${edit.maxMs.toFixed(1)} ms (initial in-process scan ${edit.initialScanSeconds.toFixed(1)} s); first diagnostics of the open file in a fresh engine ${edit.firstDiagnosticsMs.toFixed(0)} ms\n`,
  );
  if (big) {
    process.stdout.write(
      `\nLarge corpus: ${big.files} files, ${big.mb.toFixed(0)} MB, whole CLI scan ${big.seconds.toFixed(1)} s (${big.mbPerSec.toFixed(2)} MB/s), peak RSS ${big.peakRssMb.toFixed(0)} MB, ${big.resources} resources\n`,
    );
  }
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const out = path.join(ROOT, 'bench-results', `bench-${result.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  process.stdout.write(`\nwritten ${path.relative(ROOT, out)}\n`);
  if (!flag('--keep')) {
    fs.rmSync(corpus, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
