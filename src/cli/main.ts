import { closeSync, openSync, writeSync } from 'node:fs';
import * as nodePath from 'node:path';
import {
  Engine,
  FORMATTERS,
  buildReportData,
  defaultAnalyzers,
  defaultConfig,
  formatNames,
  loadProjectConfig,
  paths,
  STREAMING,
  TOOL_VERSION,
  type ReportData,
  type LensConfig,
  type RuleId,
  type Severity,
} from '../engine';
import { HELP, parseArgs, UsageError, type ScanArgs } from './args';
import { explain } from './explain';
import { nodeFs } from './node-fs';
import { parallelScan } from './parallel-scan';
import { progressLine, wantColor } from './progress';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** A one-shot scan streams through the workspace: a small cache keeps memory bounded on huge trees. */
const CACHE_BYTES = 64 * 1024 * 1024;
/**
 * Parse trees (estimated heap) kept so that files parsed while grouping, and local modules called by
 * many roots, are parsed once: 16 MB of Terraform source, more of Bicep.
 */
const PARSE_CACHE_BYTES = 256 * 1024 * 1024;

function fail(message: string, code: number): never {
  process.stderr.write(`cloud-act-lens: ${message}\n`);
  process.exit(code);
}

async function scan(args: ScanArgs): Promise<number> {
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
  const engine = new Engine({
    fs: nodeFs,
    analyzers: defaultAnalyzers(),
    displayPath: paths.relativeTo(cwd),
    cacheBytes: CACHE_BYTES,
    parseCacheBytes: PARSE_CACHE_BYTES,
    keepUnitResults: false,
  });
  const progress = process.stderr.isTTY && !args.output?.startsWith('/dev/') ? progressLine(process.stderr) : undefined;
  const result = await parallelScan({
    engine,
    roots,
    cwd,
    cacheBytes: CACHE_BYTES,
    parseCacheBytes: PARSE_CACHE_BYTES,
    jobs: args.jobs,
    sizeOf: async (p) => (await nodeFs.stat(p))?.size ?? 0,
    run: {
      config,
      root: firstDir,
      onProgress: progress ? (p) => progress.report(p) : undefined,
    },
  });
  progress?.end();
  result.errors.unshift(...loaded.errors);
  const data = buildReportData(result, cwd);
  const color = wantColor(args.color, args.output !== undefined, process.env, process.stdout.isTTY === true);
  writeReport(args, data, color);
  if (args.failOn === 'none') {
    return 0;
  }
  const threshold = RANK[args.failOn];
  return result.findings.some((f) => !f.suppressed && RANK[f.severity] >= threshold) ? 1 : 0;
}

/** Writes the report to `--output` or standard output; streaming formats are written piece by piece. */
function writeReport(args: ScanArgs, data: ReportData, color: boolean): void {
  let fd: number | undefined;
  try {
    fd = args.output ? openSync(args.output, 'w') : undefined;
  } catch (e) {
    fail(`cannot write ${args.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 2);
  }
  const write = (chunk: string) => {
    if (fd === undefined) {
      process.stdout.write(chunk);
      return;
    }
    try {
      writeSync(fd, chunk);
    } catch (e) {
      fail(`cannot write ${args.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 2);
    }
  };
  const stream = STREAMING[args.format];
  try {
    if (stream) {
      stream(data, write);
    } else {
      write(FORMATTERS[args.format](data, { color }));
    }
  } catch (e) {
    if (e instanceof RangeError) {
      // V8 cannot build a string that large; the streaming formats have no such limit.
      const streaming = Object.keys(STREAMING).join(', ');
      fail(
        `the ${args.format} report of ${data.placements.length} resources is too large to build; use --format ${streaming}`,
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
        fail(`the catalog does not know region "${args.region}" of provider "${args.provider}"`, 2);
      }
      process.stdout.write(text);
      return 0;
    }
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
