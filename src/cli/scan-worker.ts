/**
 * A worker thread of a parallel scan: analyses its share of the planned units with its own engine and
 * posts the result back. Bundled to dist/scan-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultAnalyzers, Engine, paths } from '../engine';
import { nodeFs } from './node-fs';
import type { WorkerInput, WorkerMessage } from './parallel-scan';

async function run(input: WorkerInput): Promise<void> {
  const engine = new Engine({
    fs: nodeFs,
    analyzers: defaultAnalyzers(),
    displayPath: paths.relativeTo(input.cwd),
    cacheBytes: input.cacheBytes,
  });
  const result = await engine.runPlan(
    input.units,
    {
      config: input.config,
      root: input.root,
      onProgress: ({ done }) => parentPort?.postMessage({ type: 'progress', done } satisfies WorkerMessage),
    },
    input.units.length,
  );
  parentPort?.postMessage({ type: 'result', result } satisfies WorkerMessage);
}

run(workerData as WorkerInput).catch((e: unknown) => {
  parentPort?.postMessage({ type: 'failed', message: String((e as Error).stack ?? e) } satisfies WorkerMessage);
});
