import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';

import type { AnalysisUnit, Engine, LensConfig, RunOptions, RunResult } from '../engine';

/** What a worker thread is started with; its units come later, a chunk at a time. */
export interface WorkerInput {
  config: LensConfig;
  root?: string;
  readRoots: string[];
  cwd: string;
  cacheBytes: number;
  parseCacheBytes: number;
}

/** Main thread → worker. */
export type WorkerCommand =
  { type: 'units'; chunk: number; units: AnalysisUnit[]; shared: string[] } | { type: 'stop' };

/** Worker → main thread. A worker asks for work with `next` when it starts and after each result. */
export type WorkerMessage =
  | { type: 'next' }
  | { type: 'progress'; chunk: number; done: number }
  | { type: 'result'; chunk: number; result: RunResult }
  | { type: 'failed'; chunk?: number; message: string };

/**
 * Threads to scan with when `--jobs` is not given: one per core beyond the first. The main thread's
 * garbage collector already keeps a second core partly busy; on 2 cores a worker thread made scans of
 * 7.8 MB of Terraform and 12.4 MB of Bicep slower (measured with the benchmark), so it starts at 3 cores.
 */
export function defaultJobs(cores = os.availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/** Below this much source, starting a worker costs more than it saves. */
const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;
/** How long the main thread waits for workers still starting before it takes the work itself. */
const START_WAIT_MS = 5000;
/** Chunks per thread: enough to even out uneven units, few enough that shared modules stay in one cache. */
const CHUNKS_PER_THREAD = 8;

/**
 * Cuts the units into contiguous chunks of about equal source size, in plan order. Neighbouring units
 * (examples of one module, stacks of one tree) usually call the same local modules: keeping them in one
 * chunk lets one engine's parse cache serve them all.
 */
export function chunk(units: AnalysisUnit[], sizes: Map<string, number>, count: number): AnalysisUnit[][] {
  const weight = (u: AnalysisUnit) => u.files.reduce((s, f) => s + (sizes.get(f) ?? 1024), 0);
  const total = units.reduce((s, u) => s + weight(u), 0);
  const target = total / Math.max(1, count);
  const chunks: AnalysisUnit[][] = [];
  let current: AnalysisUnit[] = [];
  let size = 0;
  for (const u of units) {
    current.push(u);
    size += weight(u);
    if (size >= target) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) {
    chunks.push(current);
  }
  return chunks;
}

export interface ParallelOptions {
  engine: Engine;
  roots: string[];
  /** Where the engine may read (see `EngineOptions.readRoots`); worker threads get the same. */
  readRoots: string[];
  run: RunOptions;
  cwd: string;
  cacheBytes: number;
  parseCacheBytes: number;
  /** Size of each discovered file, to decide whether threads pay off and to size the chunks. */
  sizeOf: (path: string) => Promise<number>;
  jobs?: number;
  /**
   * With worker threads: told the source bytes of the scan in all, and of its largest file, before they
   * are grouped and analysed (a single-threaded scan does not look up the sizes).
   */
  onSourceBytes?: (bytes: number, largest: number) => void;
  /**
   * Told when a worker thread fails (its chunk is then analysed again in the main thread, so the report
   * is complete): the first line of the worker's error.
   */
  onWorkerFailure?: (message: string) => void;
  /** Told when discovery and grouping are done: how many files and units, and how many threads will analyse them. */
  onPlanned?: (files: number, units: number, threads: number) => void;
  /** Overrides for tests: the worker bundle and the size below which the scan stays in-process. */
  workerFile?: string;
  minParallelBytes?: number;
}

interface Helper {
  worker: Worker;
  /** The chunk it is working on. */
  chunk?: number;
  /** It has started and asked for work. */
  ready: boolean;
  failed: boolean;
}

/**
 * A scan that uses every core. Worker threads start as soon as discovery shows a large workspace, so
 * that their start-up overlaps the grouping; the main thread plans, then hands out chunks of units to
 * whichever thread is free, itself included. Results are merged in plan order, so the report is the
 * same as an in-process scan. A chunk whose worker fails is analysed again in the main thread.
 */
export async function parallelScan(opts: ParallelOptions): Promise<RunResult> {
  const { engine, run } = opts;
  const workerFile = opts.workerFile ?? nodePath.join(__dirname, 'scan-worker.js');
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), 8));
  const sizes = new Map<string, number>();
  const helpers: Helper[] = [];
  let onMessage: (h: Helper, m: WorkerMessage) => void = () => undefined;
  let onFailure: (h: Helper, message: string) => void = () => undefined;

  const startHelpers = async (files: string[]) => {
    if (jobs === 1 || !existsSync(workerFile)) {
      // One thread: no chunks to size (looking up every file's size was 2% of a scan of real Terraform).
      return;
    }
    let total = 0;
    let largest = 0;
    for (const f of files) {
      const size = await opts.sizeOf(f);
      sizes.set(f, size);
      total += size;
      largest = Math.max(largest, size);
    }
    opts.onSourceBytes?.(total, largest);
    if (total < (opts.minParallelBytes ?? MIN_PARALLEL_BYTES)) {
      return;
    }
    const input: WorkerInput = {
      config: run.config,
      root: run.root,
      readRoots: opts.readRoots,
      cwd: opts.cwd,
      cacheBytes: opts.cacheBytes,
      parseCacheBytes: opts.parseCacheBytes,
    };
    for (let i = 1; i < jobs; i++) {
      const h: Helper = { worker: new Worker(workerFile, { workerData: input }), ready: false, failed: false };
      h.worker.on('message', (m: WorkerMessage) => onMessage(h, m));
      h.worker.on('error', (e) => onFailure(h, String(e)));
      h.worker.on('exit', (code) => (code === 0 ? undefined : onFailure(h, `scan worker exited with code ${code}`)));
      helpers.push(h);
    }
  };

  const plan = await engine.plan(opts.roots, run, startHelpers);
  // A terminated worker exits with code 1: it is marked first, so that this is not taken for a failure.
  const stopHelpers = () =>
    helpers.forEach((h) => {
      h.failed = true;
      void h.worker.terminate();
    });
  if (helpers.length === 0 || plan.units.length < 2 * jobs) {
    stopHelpers();
    opts.onPlanned?.(plan.files.length, plan.units.length, 1);
    const result = await engine.runPlan(plan.units, run, plan.files.length, plan.shared);
    result.errors.unshift(...plan.errors);
    return result;
  }

  opts.onPlanned?.(plan.files.length, plan.units.length, helpers.length + 1);
  const chunks = chunk(plan.units, sizes, jobs * CHUNKS_PER_THREAD);
  const results = Array.from<RunResult | undefined>({ length: chunks.length });
  // With a sink, chunk results are handed on in plan order (as an in-process scan would) and dropped.
  const sink = run.sink;
  let sunk = 0;
  const flush = () => {
    while (sink && sunk < chunks.length && results[sunk] !== undefined) {
      const r = results[sunk]!;
      sink(r.placements, r.findings);
      results[sunk++] = { ...r, placements: [], findings: [] };
    }
  };
  const progress = new Array<number>(chunks.length).fill(0);
  const retry: number[] = [];
  let next = 0;
  let wake: (() => void) | undefined;
  const report = () =>
    run.onProgress?.({
      done: progress.reduce((a, b) => a + b, 0),
      total: plan.units.length,
      files: plan.files.length,
    });
  const dispatch = (h: Helper) => {
    if (h.failed) {
      return;
    }
    if (next < chunks.length) {
      h.chunk = next++;
      h.worker.postMessage({
        type: 'units',
        chunk: h.chunk,
        units: chunks[h.chunk],
        shared: plan.shared,
      } satisfies WorkerCommand);
    } else {
      h.chunk = undefined;
      h.worker.postMessage({ type: 'stop' } satisfies WorkerCommand);
    }
  };
  onMessage = (h, m) => {
    if (m.type === 'next') {
      h.ready = true;
      dispatch(h);
    } else if (m.type === 'progress') {
      progress[m.chunk] = m.done;
      report();
    } else if (m.type === 'result') {
      results[m.chunk] = m.result;
      flush();
      progress[m.chunk] = chunks[m.chunk].length;
      report();
      dispatch(h);
    } else {
      onFailure(h, m.message);
    }
    wake?.();
  };
  onFailure = (h, message) => {
    if (h.failed) {
      return;
    }
    h.failed = true;
    opts.onWorkerFailure?.(message.split('\n')[0]);
    if (h.chunk !== undefined && results[h.chunk] === undefined) {
      retry.push(h.chunk);
    }
    h.chunk = undefined;
    void h.worker.terminate();
    wake?.();
  };
  // Workers that asked for work while the main thread was grouping get it now. One still starting is
  // waited for (it started during discovery, so this is short), so every thread gets a share and one
  // that cannot start is reported before the main thread takes all the work.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const deadline = Date.now() + START_WAIT_MS;
  while (helpers.some((h) => !h.ready && !h.failed) && Date.now() < deadline) {
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, Math.max(1, deadline - Date.now())).unref();
    });
    wake = undefined;
  }

  const runHere = async (index: number) => {
    results[index] = await engine.runPlan(
      chunks[index],
      { ...run, sink: undefined, onProgress: ({ done }) => ((progress[index] = done), report()) },
      plan.files.length,
      plan.shared,
    );
    flush();
    // Let worker messages in (the engine's reads are synchronous, so the loop never yields by itself).
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  for (;;) {
    if (retry.length > 0) {
      await runHere(retry.shift()!);
    } else if (next < chunks.length) {
      await runHere(next++);
    } else if (helpers.some((h) => !h.failed && h.chunk !== undefined)) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    } else {
      break;
    }
  }
  stopHelpers();
  const all = results.filter((r): r is RunResult => r !== undefined);
  return {
    placements: all.flatMap((r) => r.placements),
    findings: all.flatMap((r) => r.findings),
    errors: [...plan.errors, ...all.flatMap((r) => r.errors)],
    files: plan.files.length,
    units: plan.units,
  };
}
