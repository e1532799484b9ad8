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
});
