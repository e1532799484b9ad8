import assert from 'node:assert/strict';

import { LruCache } from '../../../src/engine/workspace/lru';

describe('LruCache', () => {
  it('evicts the least recently used entries beyond its budget', () => {
    const c = new LruCache<string>();
    c.budget = 10;
    c.set('a', 'A', 4);
    c.set('b', 'B', 4);
    assert.equal(c.get('a'), 'A'); // a is now the most recent
    c.set('c', 'C', 4); // over budget: b goes
    assert.equal(c.has('b'), false);
    assert.equal(c.get('a'), 'A');
    assert.equal(c.get('c'), 'C');
  });

  it('keeps an entry larger than the budget until the next one arrives', () => {
    const c = new LruCache<string>();
    c.budget = 3;
    c.set('big', 'x', 10);
    assert.equal(c.get('big'), 'x');
    c.set('small', 'y', 1);
    assert.equal(c.has('big'), false);
  });

  it('keeps entries that were read over entries that were not, and stays within its budget', () => {
    const c = new LruCache<number>();
    c.budget = 100;
    for (let i = 0; i < 1000; i++) {
      c.set(`k${i}`, i, 10);
      c.get('k0'); // read all the time: never evicted
      assert.ok(c.has('k0'), `k0 evicted at ${i}`);
      assert.ok(c.has(`k${i}`));
      let total = 0;
      for (let j = 0; j <= i; j++) {
        total += c.has(`k${j}`) ? 10 : 0;
      }
      assert.ok(total <= 100, `over budget at ${i}: ${total}`);
    }
    assert.equal(c.has('k500'), false);
  });
});
