import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { chunk, defaultJobs, parallelScan } from '../../../src/cli/parallel-scan';
import {
  type AnalysisUnit,
  buildReportData,
  defaultAnalyzers,
  defaultConfig,
  Engine,
  paths,
  toJson,
} from '../../../src/engine';

const ROOT = path.resolve(__dirname, '../../../..');

describe('parallel scan', () => {
  it('cuts units into contiguous chunks of about equal size, in plan order', () => {
    const unit = (key: string): AnalysisUnit => ({ language: 'terraform', key, files: [key] });
    const sizes = new Map([
      ['a', 100],
      ['b', 10],
      ['c', 60],
      ['d', 50],
      ['e', 5],
    ]);
    const chunks = chunk(['a', 'b', 'c', 'd', 'e'].map(unit), sizes, 3);
    assert.deepEqual(
      chunks.map((s) => s.map((u) => u.key)),
      [['a'], ['b', 'c', 'd'], ['e']],
    );
    assert.deepEqual(chunk([], sizes, 4), []);
  });

  it('uses one thread per core beyond the first by default', () => {
    assert.equal(defaultJobs(1), 1);
    assert.equal(defaultJobs(2), 1);
    assert.equal(defaultJobs(8), 7);
  });

  it('tells a single-threaded scan each file size as it is read, without looking sizes up first', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-bytes-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.tf'), 'provider "aws" {}\n');
      fs.writeFileSync(path.join(dir, 'b.tf'), `locals {\n  x = "${'x'.repeat(1000)}"\n}\n`);
      const read: number[] = [];
      const looked: string[] = [];
      const told: number[][] = [];
      await parallelScan({
        engine: new Engine({
          readRoots: [dir],
          fs: nodeFs,
          analyzers: defaultAnalyzers(),
          onSourceRead: (bytes) => read.push(bytes),
        }),
        roots: [dir],
        readRoots: [dir],
        cwd: dir,
        cacheBytes: 1 << 20,
        parseCacheBytes: 1 << 20,
        jobs: 1,
        sizeOf: async (p) => {
          looked.push(p);
          return (await nodeFs.stat(p))?.size ?? 0;
        },
        onSourceBytes: (bytes, largest) => told.push([bytes, largest]),
        run: { config: defaultConfig(), root: dir },
      });
      const a = fs.statSync(path.join(dir, 'a.tf')).size;
      const b = fs.statSync(path.join(dir, 'b.tf')).size;
      // Each file once (the second analysis reads from the cache); a huge file gets the smaller heap from this.
      assert.deepEqual(
        read.sort((x, y) => x - y),
        [a, b],
      );
      assert.deepEqual(looked, []);
      assert.deepEqual(told, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same report with worker threads as in-process', async () => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-par-'));
    for (let i = 0; i < 12; i++) {
      const region = ['eu-central-1', 'eu-west-1', 'us-east-1'][i % 3];
      fs.mkdirSync(path.join(dir, `m${i}`));
      fs.writeFileSync(
        path.join(dir, `m${i}`, 'main.tf'),
        `provider "aws" {\n  region = "${region}"\n}\n\nresource "aws_s3_bucket" "b${i}" {}\n`,
      );
    }
    const failures: string[] = [];
    const planned: number[][] = [];
    const told: number[][] = [];
    const scan = async (jobs: number, workerFile = path.join(ROOT, 'dist/scan-worker.js')) => {
      const engine = new Engine({
        readRoots: ['/'],
        fs: nodeFs,
        analyzers: defaultAnalyzers(),
        displayPath: (p) => paths.relative(dir, p),
      });
      const result = await parallelScan({
        engine,
        roots: [dir],
        readRoots: [dir],
        cwd: dir,
        cacheBytes: 1 << 20,
        parseCacheBytes: 1 << 20,
        jobs,
        minParallelBytes: 0,
        workerFile,
        onWorkerFailure: (m) => failures.push(m),
        onPlanned: (files, units, threads) => planned.push([files, units, threads]),
        onSourceBytes: (bytes, largest) => told.push([bytes, largest]),
        sizeOf: async (p) => (await nodeFs.stat(p))?.size ?? 0,
        run: { config: defaultConfig() },
      });
      return toJson(buildReportData(result, dir));
    };
    try {
      const one = await scan(1);
      const two = await scan(2);
      assert.equal(two, one);
      assert.equal(JSON.parse(one).resources.length, 12);
      // `--timings` is told how much was planned and how many threads analyse it.
      assert.deepEqual(planned, [
        [12, 12, 1],
        [12, 12, 2],
      ]);
      // With threads, the files' sizes are looked up first (to size the chunks), and the scan is told them.
      const each = fs.statSync(path.join(dir, 'm0', 'main.tf')).size;
      assert.equal(told.length, 1);
      assert.equal(told[0][1], each);
      // Workers stopped at the end of a scan exit with code 1 a little later: that is not a failure.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(failures, []);
      // A worker that fails is reported, and its share is analysed in the main thread: the report is whole.
      const broken = path.join(dir, 'broken-worker.js');
      fs.writeFileSync(broken, `throw new Error('worker broke on purpose');\n`);
      assert.equal(await scan(2, broken), one);
      assert.equal(failures.length, 1, failures.join(' | '));
      assert.match(failures[0], /worker broke on purpose/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
