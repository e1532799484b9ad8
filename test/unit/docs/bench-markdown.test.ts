import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { BEGIN, benchMarkdown, type BenchResult, END, replaceBetweenMarkers } from '../../bench/results-markdown';

const ROOT = path.resolve(__dirname, '../../../..');

const RESULT: BenchResult = {
  date: '2026-12-02T20:00:00.000Z',
  machine: { cpus: 2, cpuModel: 'AMD EPYC', memoryGb: 24, node: 'v20.20.0' },
  parse: [
    {
      language: 'terraform (real)',
      files: 2463,
      mb: 7.9,
      mbPerSec: 31.2,
      p50ms: 0.41,
      p99ms: 3.1,
      maxMs: 19.5,
      errors: 0,
    },
  ],
  scan: [
    {
      target: 'terraform (real)',
      files: 2667,
      mb: 7.9,
      seconds: 2.09,
      medianSeconds: 2.5,
      runs: 5,
      mbPerSec: 3.78,
      peakRssMb: 301.4,
      resources: 5000,
      startupS: 0.16,
      planS: 0.69,
      analysisS: 1.55,
      reportS: 0.16,
      reportRatio: 0.67,
      referenceSeconds: 1.88,
      vsReference: 0.9,
    },
  ],
  edit: { workspaceFiles: 10004, editedLines: 5000, p50ms: 24.3, p90ms: 34.9, p99ms: 45.2, maxMs: 47.1 },
};

describe('benchmark results in docs/performance.md', () => {
  it('renders the whole-scan (with report size and the hcl/v2 reference), parse and edit (with p99) tables from a result', () => {
    const md = benchMarkdown(RESULT);
    assert.match(md, /^Latest `npm run bench` run: 2026-12-02, 2 × AMD EPYC, 24 GB, Node v20\.20\.0\./);
    assert.ok(
      md.includes(
        '| terraform (real), 5 runs | 2,667 | 7.9 | 2.09 s | 2.50 s | 3.8 | 301 MB | 0.16 s | 0.69 s | 1.55 s | 0.16 s | 0.67× | 1.88 s (CLI 0.90× its speed) |',
      ),
      md,
    );
    assert.ok(md.includes('| terraform (real) | 2,463 | 7.9 | 31.2 | 0.41 ms | 3.10 ms | 19.5 ms | 0 |'), md);
    assert.ok(
      md.includes('| in the engine the extension uses | 10,004 | 5,000 | 24.3 ms | 34.9 ms | 45.2 ms | 47.1 ms |'),
      md,
    );
  });

  it('replaces only what stands between the markers of the page', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs/performance.md'), 'utf8');
    const updated = replaceBetweenMarkers(page, 'NEW TABLES');
    assert.equal(updated.slice(0, updated.indexOf(BEGIN)), page.slice(0, page.indexOf(BEGIN)));
    assert.equal(updated.slice(updated.indexOf(END)), page.slice(page.indexOf(END)));
    assert.ok(updated.includes(`${BEGIN}\n\nNEW TABLES\n\n${END}`));
    assert.equal(replaceBetweenMarkers(updated, 'NEW TABLES'), updated, 'running it twice changes nothing');
  });
});
