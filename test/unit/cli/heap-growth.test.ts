import assert from 'node:assert/strict';

import { heapGrowthFor, LARGE_FILE_BYTES, LARGE_SCAN_BYTES } from '../../../src/cli/heap-growth';

describe('heap growth of a large scan', () => {
  it('keeps V8 default for ordinary scans, 40% for a large scan and 20% when one file is huge', () => {
    assert.equal(heapGrowthFor(8e6, 100_000), undefined);
    assert.equal(heapGrowthFor(LARGE_SCAN_BYTES + 1, 100_000), 40);
    assert.equal(heapGrowthFor(LARGE_FILE_BYTES + 1, LARGE_FILE_BYTES + 1), 20);
    assert.equal(heapGrowthFor(LARGE_SCAN_BYTES * 10, LARGE_FILE_BYTES + 1), 20);
  });
});
