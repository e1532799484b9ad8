import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisUnit, Engine, LensConfig, RunOptions, RunResult } from '../engine';

export interface WorkerInput {
  units: AnalysisUnit[];
  config: LensConfig;
  root?: string;
  cwd: string;
  cacheBytes: number;
}

export type WorkerMessage =
  { type: 'progress'; done: number } | { type: 'result'; result: RunResult } | { type: 'failed'; message: string };

/** Below this much source, starting a worker costs more than it saves. */
const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;

/** Splits units into `n` shares of about equal size, keeping the original order within each share. */
export function partition(units: AnalysisUnit[], sizes: Map<string, number>, n: number): AnalysisUnit[][] {
  const weight = (u: AnalysisUnit) => u.files.reduce((s, f) => s + (sizes.get(f) ?? 1024), 0);
  const order = units.map((u, i) => ({ u, i, w: weight(u) })).sort((a, b) => b.w - a.w);
  const shares = Array.from({ length: n }, () => ({ total: 0, items: [] as Array<{ u: AnalysisUnit; i: number }> }));
  for (const item of order) {
    const lightest = shares.reduce((a, b) => (b.total < a.total ? b : a));
    lightest.items.push(item);
    lightest.total += item.w;
  }
  return shares.map((s) => s.items.sort((a, b) => a.i - b.i).map((x) => x.u));
}

export interface ParallelOptions {
  engine: Engine;
  roots: string[];
  run: RunOptions;
  cwd: string;
  cacheBytes: number;
  /** Size of each discovered file, to balance the shares. */
  sizeOf: (path: string) => Promise<number>;
  jobs?: number;
  /** Overrides for tests: the worker bundle and the size below which the scan stays in-process. */
  workerFile?: string;
  minParallelBytes?: number;
}

/**
 * A scan that uses every core: the main thread plans (discovers and groups files), keeps one share of
 * the units and hands the others to worker threads; results are merged in plan order. Small workspaces,
 * or a missing worker bundle, run in-process.
 */
export async function parallelScan(opts: ParallelOptions): Promise<RunResult> {
  const { engine, run } = opts;
  const plan = await engine.plan(opts.roots, run);
  const workerFile = opts.workerFile ?? nodePath.join(__dirname, 'scan-worker.js');
  const jobs = Math.max(1, Math.min(opts.jobs ?? os.availableParallelism(), 8));
  const sizes = new Map<string, number>();
  let total = 0;
  if (jobs > 1 && existsSync(workerFile)) {
    for (const f of plan.files) {
      const size = await opts.sizeOf(f);
      sizes.set(f, size);
      total += size;
    }
  }
  if (jobs === 1 || total < (opts.minParallelBytes ?? MIN_PARALLEL_BYTES) || plan.units.length < 2 * jobs) {
    const result = await engine.runPlan(plan.units, run, plan.files.length);
    result.errors.unshift(...plan.errors);
    return result;
  }
  const shares = partition(plan.units, sizes, jobs);
  const done = new Array<number>(jobs).fill(0);
  const report = () =>
    run.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: plan.units.length, files: plan.files.length });
  const workers = shares.slice(1).map(
    (units, k) =>
      new Promise<RunResult>((resolve, reject) => {
        const input: WorkerInput = {
          units,
          config: run.config,
          root: run.root,
          cwd: opts.cwd,
          cacheBytes: opts.cacheBytes,
        };
        const worker = new Worker(workerFile, { workerData: input });
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'progress') {
            done[k + 1] = m.done;
            report();
          } else if (m.type === 'result') {
            resolve(m.result);
            void worker.terminate();
          } else {
            reject(new Error(m.message));
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) =>
          code === 0 ? undefined : reject(new Error(`scan worker exited with code ${code}`)),
        );
      }),
  );
  const mine = await engine.runPlan(
    shares[0],
    { ...run, onProgress: ({ done: d }) => ((done[0] = d), report()) },
    plan.files.length,
  );
  const theirs = await Promise.all(workers);
  const merged: RunResult = {
    placements: [mine, ...theirs].flatMap((r) => r.placements),
    findings: [mine, ...theirs].flatMap((r) => r.findings),
    errors: [...plan.errors, ...[mine, ...theirs].flatMap((r) => r.errors)],
    files: plan.files.length,
    units: plan.units,
  };
  return merged;
}
