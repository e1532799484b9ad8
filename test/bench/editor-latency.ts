// The editor's latencies, measured in the engine the extension uses: re-analysis of an edited file in
// a large workspace, and the first diagnostics of an open file in a freshly opened one.
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { nodeFs } from '../../src/cli/node-fs';
import { defaultAnalyzers, defaultConfig, Engine } from '../../src/engine';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function editLatency(
  dir: string,
  opts: { profileTo?: string; verbose?: boolean } = {},
): Promise<{
  workspaceFiles: number;
  editedLines: number;
  p50ms: number;
  p90ms: number;
  p99ms: number;
  maxMs: number;
  initialScanSeconds: number;
  firstDiagnosticsMs: number;
}> {
  // One 5,000-line file in the workspace, edited repeatedly as a person would type.
  const stack = path.join(dir, 'terraform', 'stack-big');
  fs.mkdirSync(stack, { recursive: true });
  const block = (i: number) =>
    `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n  tags = {\n    Index = "${i}"\n  }\n}\n\n`;
  let text = 'provider "aws" {\n  region = "eu-central-1"\n}\n\n';
  for (let i = 0; text.split('\n').length < 5000; i++) {
    text += block(i);
  }
  const file = path.join(stack, 'main.tf');
  fs.writeFileSync(file, text);
  const config = defaultConfig();
  // As the extension makes its engines and runs them: the workspace folder is where they read, and where
  // the search for a module's callers stops.
  const workspace = path.join(dir, 'terraform');
  const engine = new Engine({
    readRoots: [workspace],
    fs: nodeFs,
    analyzers: defaultAnalyzers(),
  });
  const t0 = performance.now();
  const scan = await engine.scan([workspace], { config, root: workspace });
  const initialScanSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  const profileTo = opts.profileTo;
  const session = profileTo ? new Session() : undefined;
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session!.post(method, (err, res) => (err ? reject(err) : resolve(res))));
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  for (let i = 0; i < 30; i++) {
    const edited = text.replace('eu-central-1', i % 2 === 0 ? 'eu-west-1' : 'eu-central-1') + `# edit ${i}\n`;
    const s = performance.now();
    await engine.analyzePaths([file], { config, root: workspace, overlays: new Map([[file, edited]]) });
    times.push(performance.now() - s);
  }
  if (session) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(profileTo!, JSON.stringify(profile));
    session.disconnect();
  }
  if (opts.verbose) {
    process.stderr.write(`edits in order (ms): ${times.map((t) => t.toFixed(1)).join(' ')}\n`);
  }
  times.sort((a, b) => a - b);
  // Measured after the edits, so that its engine's garbage does not fall into their timings.
  const firstDiagnosticsMs = await firstDiagnostics(workspace, file);
  return {
    workspaceFiles: scan.files,
    editedLines: text.split('\n').length,
    p50ms: percentile(times, 50),
    p90ms: percentile(times, 90),
    p99ms: percentile(times, 99),
    maxMs: times[times.length - 1],
    initialScanSeconds,
    firstDiagnosticsMs,
  };
}

/** Lets other work in between, as the editor's file system does at each read (the CLI's reads do not). */
const yieldFirst =
  <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
  async (...a: A): Promise<R> => {
    await new Promise((resolve) => setImmediate(resolve));
    return f(...a);
  };

/**
 * The first diagnostics of an open file in a freshly opened workspace, in the engine the extension uses
 * and in the order it uses: a fresh engine starts the workspace scan, then analyses the open document
 * (its analysis waits for a timer turn, as the editor schedules it). The clock runs from the scan's start
 * to the open file's result; extension activation and VS Code's own start-up are not included.
 */
async function firstDiagnostics(workspace: string, file: string): Promise<number> {
  const editorFs = {
    ...nodeFs,
    readFile: yieldFirst(nodeFs.readFile.bind(nodeFs)),
    readFileLimited: yieldFirst(nodeFs.readFileLimited!.bind(nodeFs)),
    readDirectory: yieldFirst(nodeFs.readDirectory.bind(nodeFs)),
    stat: yieldFirst(nodeFs.stat.bind(nodeFs)),
  };
  const engine = new Engine({
    readRoots: [workspace],
    fs: editorFs,
    analyzers: defaultAnalyzers(),
  });
  const config = defaultConfig();
  const t0 = performance.now();
  const scan = engine.scan([workspace], { config, root: workspace });
  const first = await new Promise<number>((resolve, reject) => {
    setTimeout(() => {
      engine
        .analyzePaths([file], { config, root: workspace })
        .then((r) => (r.placements.length > 0 ? resolve(performance.now() - t0) : reject(new Error('no placements'))))
        .catch(reject);
    }, 0);
  });
  await scan;
  return first;
}
