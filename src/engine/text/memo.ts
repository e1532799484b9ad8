import { detach } from './intern';

/**
 * `compute` remembered per key. For classifications of type names, which a workspace repeats thousands
 * of times but has only a few hundred of: past `limit` keys (made-up names in a generated or hostile
 * file) the memo starts again rather than growing without end. Each key is kept as a copy of its own: a
 * type name sliced from a file's text would otherwise keep that whole text alive as long as the memo.
 */
export function memoByKey<V>(compute: (key: string) => V, limit = 10_000): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    if (memo.has(key)) {
      return memo.get(key)!;
    }
    const value = compute(key);
    if (memo.size >= limit) {
      memo.clear();
    }
    memo.set(detach(key), value);
    return value;
  };
}
