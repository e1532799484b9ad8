import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import * as nodePath from 'node:path';
import { setFlagsFromString } from 'node:v8';

import {
  baselineEntries,
  baselineText,
  buildReportData,
  catalog,
  defaultAnalyzers,
  defaultConfig,
  Engine,
  explainPolicies,
  formatNames,
  FORMATTERS,
  isTerraformEnvironment,
  type LensConfig,
  loadProjectConfig,
  parseBaseline,
  paths,
  type PolicyView,
  PROJECT_FILE,
  type RuleId,
  type Severity,
  STREAMING,
  TOOL_VERSION,
} from '../engine';
import { HELP, parseArgs, type PolicyArgs, type ScanArgs, UsageError } from './args';
import { explain } from './explain';
import { heapGrowthFor } from './heap-growth';
import { nodeFs } from './node-fs';
import { parallelScan } from './parallel-scan';
import { progressLine, wantColor } from './progress';
import { ReportWriter } from './report-writer';
import { ResultSpill } from './spill';
import { type ScanPhases, timingsLine } from './timings';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** A one-shot scan streams through the workspace: a small cache keeps memory bounded on huge trees. */
const CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Parse trees (estimated heap) kept so that files parsed while grouping, and local modules called by
 * many roots, are parsed once: about 10 MB of Terraform source or 14 MB of Bicep.
 */
const PARSE_CACHE_BYTES = 128 * 1024 * 1024;
/**
 * The same for a large scan, which cannot keep most of its trees anyway. The estimate leaves out the
 * module configurations built from cached trees: on the 200 MB corpus, 128 MB peaked at 945 MB RSS
 * and 96 MB at 882 MB, in the same time.
 */
const LARGE_SCAN_PARSE_CACHE_BYTES = 96 * 1024 * 1024;

function fail(message: string, code: number): never {
  process.stderr.write(`cloud-act-lens: ${message}\n`);
  process.exit(code);
}

async function scan(args: ScanArgs): Promise<number> {
  const phases: ScanPhases = {
    started: performance.now(),
    planned: 0,
    analysed: 0,
    reported: 0,
    files: 0,
    units: 0,
    threads: 1,
    peakRss: 0,
  };
  const cwd = paths.toEnginePath(process.cwd());
  const roots = args.paths.map((p) => paths.toEnginePath(nodePath.resolve(p)));
  for (let i = 0; i < roots.length; i++) {
    if (!(await nodeFs.stat(roots[i]))) {
      fail(`cannot read ${args.paths[i]}: no such file or directory`, 2);
    }
  }
  const firstDir = (await nodeFs.stat(roots[0]))?.type === 'directory' ? roots[0] : paths.dirname(roots[0]);
  const explicit = args.config ? paths.toEnginePath(nodePath.resolve(args.config)) : undefined;
  if (explicit && !(await nodeFs.stat(explicit))) {
    fail(`cannot read config ${args.config}: no such file`, 2);
  }
  const loaded = await loadProjectConfig(nodeFs, firstDir, defaultConfig(), explicit);
  // What the scan reads on behalf of the scanned code stays inside the scanned paths, and the files the
  // command line names itself.
  const config: LensConfig = loaded.config;
  config.varFiles = [...config.varFiles, ...args.varFiles.map((f) => paths.toEnginePath(nodePath.resolve(f)))];
  Object.assign(config.vars, args.vars);
  config.include = [...config.include, ...args.include];
  config.exclude = [...config.exclude, ...args.exclude];
  for (const [id, level] of Object.entries(args.rules)) {
    config.rules[id as RuleId] = level as Severity | 'off';
  }
  if (args.maxFileSize) {
    config.maxFileSize = args.maxFileSize;
  }
  if (args.baseline) {
    try {
      const baseline = parseBaseline(readFileSync(args.baseline, 'utf8'));
      baseline.problems.forEach((p) => process.stderr.write(`cloud-act-lens: baseline ${args.baseline}: ${p}\n`));
      config.accepted = [...config.accepted, ...baseline.accepted];
    } catch (e) {
      fail(`cannot read baseline ${args.baseline}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
    }
  }
  if (args.env) {
    config.environment = Object.fromEntries(
      Object.entries(process.env).filter(
        (e): e is [string, string] => e[1] !== undefined && isTerraformEnvironment(e[0]),
      ),
    );
  }
  const readRoots = [...roots, ...args.varFiles.map((f) => paths.toEnginePath(nodePath.resolve(f)))];
  config.deploymentLocation = args.deploymentLocation ?? config.deploymentLocation;
  config.resourceGroupLocation = args.resourceGroupLocation ?? config.resourceGroupLocation;
  let parseCacheBytes = PARSE_CACHE_BYTES;
  const source = { total: 0, largest: 0, growth: 0 };
  // Once the scan's source turns out to be large (told by each read, or by the file sizes that a scan
  // with worker threads looks up first), it trades some speed for a smaller heap.
  const noteSource = (total: number, largest: number) => {
    const growth = heapGrowthFor(total, largest);
    if (growth === undefined || (source.growth !== 0 && source.growth <= growth)) {
      return;
    }
    source.growth = growth;
    // The flag is read when V8 sizes the heap after a collection.
    setFlagsFromString(`--heap-growing-percent=${growth}`);
    parseCacheBytes = LARGE_SCAN_PARSE_CACHE_BYTES;
    engine.setCacheBudgets({ parses: parseCacheBytes });
  };
  const engine = new Engine({
    fs: nodeFs,
    readRoots,
    analyzers: defaultAnalyzers(),
    displayPath: paths.relativeTo(cwd),
    cacheBytes: CACHE_BYTES,
    parseCacheBytes: PARSE_CACHE_BYTES,
    keepUnitResults: false,
    stableTree: true,
    // The reads of nodeFs are synchronous (see node-fs.ts): reading ahead would overlap nothing.
    readAhead: false,
    onSourceRead: (bytes) => {
      source.total += bytes;
      source.largest = Math.max(source.largest, bytes);
      noteSource(source.total, source.largest);
    },
  });
  const progress = process.stderr.isTTY && !args.output?.startsWith('/dev/') ? progressLine(process.stderr) : undefined;
  // The JSON report can be written from results spilled to disk, so a huge scan never holds them all.
  // A baseline is written from every finding, so a scan that writes one keeps them in memory.
  const spill =
    args.format === 'json' && !args.writeBaseline
      ? new ResultSpill(cwd, undefined, config.residency?.policies)
      : undefined;
  const result = await parallelScan({
    engine,
    roots,
    readRoots,
    cwd,
    cacheBytes: CACHE_BYTES,
    // Read when worker threads start, after `onSourceBytes` may have lowered it.
    get parseCacheBytes() {
      return parseCacheBytes;
    },
    jobs: args.jobs,
    sizeOf: async (p) => (await nodeFs.stat(p))?.size ?? 0,
    onPlanned: (files, units, threads) => {
      Object.assign(phases, { planned: performance.now(), files, units, threads });
    },
    onWorkerFailure: (message) =>
      process.stderr.write(
        `cloud-act-lens: a scan thread failed (${message}); its share was analysed again in the main thread\n`,
      ),
    onSourceBytes: noteSource,
    run: {
      config,
      root: firstDir,
      onProgress: progress ? (p) => progress.report(p) : undefined,
      sink: spill?.add,
    },
  });
  progress?.end();
  phases.analysed = performance.now();
  result.errors.unshift(...loaded.errors);
  if (spill) {
    Object.assign(result, spill.inMemory());
  }
  const color = wantColor(args.color, args.output !== undefined, process.env, process.stdout.isTTY);
  if (spill?.spilled) {
    writeReport(args, spill.count, (write) => spill.writeJson(result.errors, write));
    spill.dispose();
  } else {
    const data = {
      ...buildReportData(result, cwd, config.residency?.policies),
      scan: { at: new Date(), paths: args.paths.map(scannedPathLabel) },
    };
    const stream = STREAMING[args.format];
    writeReport(args, data.placements.length, (write) =>
      stream ? stream(data, write) : write(FORMATTERS[args.format](data, { color, width: terminalWidth(args) })),
    );
  }
  if (args.writeBaseline) {
    const date = new Date().toISOString().slice(0, 10);
    const entries = baselineEntries(result.findings, firstDir, date);
    try {
      writeFileSync(args.writeBaseline, baselineText(entries, date));
    } catch (e) {
      fail(`cannot write baseline ${args.writeBaseline}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 2);
    }
    process.stderr.write(`cloud-act-lens: wrote ${entries.length} findings to the baseline ${args.writeBaseline}\n`);
  }
  if (args.timings) {
    phases.reported = performance.now();
    // maxRSS is in kilobytes.
    phases.peakRss = process.resourceUsage().maxRSS * 1024;
    process.stderr.write(`cloud-act-lens: ${timingsLine(phases)}\n`);
  }
  if (args.failOn === 'none') {
    return 0;
  }
  const threshold = RANK[args.failOn];
  const severities = spill
    ? [...spill.severities.keys()]
    : result.findings.filter((f) => !f.suppressed).map((f) => f.severity);
  return severities.some((s) => RANK[s as Severity] >= threshold) ? 1 : 0;
}

/** Writes the report that `produce` renders to `--output` or standard output, piece by piece. */
function writeReport(args: ScanArgs, resources: number, produce: (write: (chunk: string) => void) => void): void {
  let fd: number | undefined;
  try {
    fd = args.output ? openSync(args.output, 'w') : undefined;
  } catch (e) {
    fail(`cannot write ${args.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 2);
  }
  const out = new ReportWriter((bytes) => {
    if (fd === undefined) {
      // A copy: standard output may still hold the bytes when this returns (a pipe), and the buffer is reused.
      process.stdout.write(Buffer.from(bytes));
      return;
    }
    try {
      for (let done = 0; done < bytes.length;) {
        done += writeSync(fd, bytes, done, bytes.length - done);
      }
    } catch (e) {
      fail(`cannot write ${args.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 2);
    }
  });
  try {
    produce((chunk) => out.write(chunk));
    out.flush();
  } catch (e) {
    if (e instanceof RangeError) {
      // V8 cannot build a string that large; the streaming formats have no such limit.
      fail(
        `the ${args.format} report of ${resources} resources is too large to build; use --format ${Object.keys(STREAMING).join(', ')}`,
        2,
      );
    }
    throw e;
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
    }
  }
}

/** `cloud-act-lens policy`: the residency policies the project file (and its imports) put in effect. */
async function policy(args: PolicyArgs): Promise<number> {
  const root = paths.toEnginePath(nodePath.resolve(args.path));
  const st = await nodeFs.stat(root);
  if (!st) {
    fail(`cannot read ${args.path}: no such file or directory`, 2);
  }
  const dir = st.type === 'directory' ? root : paths.dirname(root);
  const explicit = args.config ? paths.toEnginePath(nodePath.resolve(args.config)) : undefined;
  const loaded = await loadProjectConfig(nodeFs, dir, defaultConfig(), explicit);
  const cwd = paths.toEnginePath(process.cwd());
  const errors = loaded.errors.map((e) => `${paths.relative(cwd, e.file)}: ${e.message}`);
  const views = explainPolicies(loaded.config.residency?.policies ?? []);
  if (args.format === 'json') {
    process.stdout.write(`${JSON.stringify({ schemaVersion: 1, policies: views, errors }, null, 2)}\n`);
  } else {
    process.stdout.write(policyText(views, errors));
  }
  return errors.length > 0 ? 1 : 0;
}

function policyText(views: PolicyView[], errors: string[]): string {
  const out: string[] = [];
  if (views.length === 0) {
    out.push(`No residency policy is in effect ("residency" in ${PROJECT_FILE}), so CAL009 reports nothing.`);
  }
  for (const v of views) {
    out.push(`${v.policy} (${v.file}${v.line ? `:${v.line}` : ''})`);
    out.push(`  governs: ${v.governs}`);
    out.push(`  allows:  ${v.allows}`);
    for (const n of v.notes) {
      out.push(`  note:    ${n}`);
    }
    for (const e of v.expansions) {
      out.push(`  ${e.value}: ${e.meaning}${e.members.length ? ` — ${e.members.join(', ')}` : ''}`);
      if (e.source) {
        out.push(`    source: ${e.source}`);
      }
    }
    out.push('');
  }
  if (views.length > 1) {
    out.push('A placement, and every copy of its data, must satisfy every policy that governs it.');
  }
  for (const e of errors) {
    out.push(`error: ${e}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, formatNames());
  switch (args.command) {
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'version':
      process.stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    case 'explain': {
      const text = explain(args.provider, args.region, args.format);
      if (!text) {
        const provider = catalog.resolveProvider(args.provider);
        const near = provider ? catalog.suggestRegions(provider.id, args.region, 3).map((r) => r.id) : [];
        const hint = near.length > 0 ? `; did you mean ${near.join(' or ')}?` : '';
        fail(`the catalog does not know region "${args.region}" of provider "${args.provider}"${hint}`, 2);
      }
      process.stdout.write(text);
      return 0;
    }
    case 'policy':
      return policy(args);
    case 'scan':
      return scan(args);
  }
}

// `cloud-act-lens scan | head`: the reader went away; stop quietly as other command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
  }
  throw e;
});

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      fail(e.message, 2);
    }
    if (debug) {
      process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    }
    fail(`internal error: ${(e as Error).message ?? String(e)}${debug ? '' : ' (run with --debug for details)'}`, 2);
  },
);

/** The terminal's width when the table goes to a terminal; undefined for files and pipes. */
function terminalWidth(args: { output?: string }): number | undefined {
  return args.output === undefined && process.stdout.isTTY ? process.stdout.columns : undefined;
}

/**
 * How a report header names a scanned path: as given, except the current folder, which `.` alone does
 * not identify in an audit file: `. (terraform-aws-vpc)`.
 */
function scannedPathLabel(given: string): string {
  const full = nodePath.resolve(given);
  return full === process.cwd() ? `${given} (${nodePath.basename(full)})` : given;
}
