import assert from 'node:assert/strict';

import { parseArgs } from '../../../src/cli/args';
import { parseTimings, timingsLine } from '../../../src/cli/timings';

describe('--timings', () => {
  it('is off unless asked for', () => {
    const formats = ['table', 'json'];
    assert.equal((parseArgs(['scan', '.'], formats) as { timings: boolean }).timings, false);
    assert.equal((parseArgs(['scan', '.', '--timings'], formats) as { timings: boolean }).timings, true);
  });

  it('prints each phase from the process start, and the benchmark reads them back', () => {
    const line = timingsLine({
      started: 205,
      planned: 1705,
      analysed: 3045,
      reported: 3690,
      files: 2435,
      units: 1234,
      threads: 1,
      peakRss: 312e6,
    });
    assert.equal(
      line,
      'timings: start-up 0.20 s, discovery and grouping 1.50 s (2,435 files, 1,234 units), analysis 1.34 s (1 thread), report 0.65 s, total 3.69 s, peak memory 312 MB',
    );
    assert.deepEqual(parseTimings(`cloud-act-lens: ${line}\n`), {
      startup: 0.2,
      plan: 1.5,
      analysis: 1.34,
      report: 0.65,
      total: 3.69,
    });
    assert.match(
      timingsLine({ started: 1, planned: 2, analysed: 3, reported: 4, files: 1, units: 1, threads: 2, peakRss: 0 }),
      /\(2 threads\)/,
    );
    assert.equal(parseTimings('no timings here'), undefined);
  });
});
