/**
 * A worker thread of a parallel scan: analyses the chunks of planned units it is given with its own
 * engine (so that its parse cache serves every chunk it gets) and posts each result back. Bundled to
 * dist/scan-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { defaultAnalyzers, Engine, paths } from '../engine';
import { nodeFs } from './node-fs';
import type { WorkerCommand, WorkerInput, WorkerMessage } from './parallel-scan';

const input = workerData as WorkerInput;
const engine = new Engine({
  fs: nodeFs,
  readRoots: input.readRoots,
  analyzers: defaultAnalyzers(),
  displayPath: paths.relativeTo(input.cwd),
  cacheBytes: input.cacheBytes,
  parseCacheBytes: input.parseCacheBytes,
  keepUnitResults: false,
  stableTree: true,
  // Node's file system calls here are synchronous (see node-fs.ts): nothing to overlap.
  readAhead: false,
});
const post = (m: WorkerMessage) => parentPort?.postMessage(m);

parentPort?.on('message', (command: WorkerCommand) => {
  if (command.type === 'stop') {
    parentPort?.close();
    return;
  }
  const { chunk, units, shared } = command;
  engine
    .runPlan(
      units,
      { config: input.config, root: input.root, onProgress: ({ done }) => post({ type: 'progress', chunk, done }) },
      units.length,
      shared,
    )
    .then(
      (result) => post({ type: 'result', chunk, result }),
      (e: unknown) => post({ type: 'failed', chunk, message: String((e as Error).stack ?? e) }),
    );
});
post({ type: 'next' });
