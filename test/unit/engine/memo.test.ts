import assert from 'node:assert/strict';

import { memoByKey } from '../../../src/engine/text/memo';

describe('memo by key', () => {
  it('computes each key once, and starts again past its limit instead of growing', () => {
    const computed: string[] = [];
    const upper = memoByKey((k) => (computed.push(k), k.toUpperCase()), 2);
    assert.equal(upper('a'), 'A');
    assert.equal(upper('a'), 'A');
    assert.equal(upper('b'), 'B');
    assert.deepEqual(computed, ['a', 'b']);
    // A third key clears the memo: 'a' is computed again afterwards, with the same result.
    assert.equal(upper('c'), 'C');
    assert.equal(upper('a'), 'A');
    assert.deepEqual(computed, ['a', 'b', 'c', 'a']);
  });
});
