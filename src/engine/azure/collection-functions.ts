import { MAX_ITEMS } from '../evaluation';
import type { SourceLocation } from '../model';
import { carry, type Fn, strict, toNumber } from './call';
import { arr, asString, bool, getProp, num, str, unknown, type Value, valuesEqual } from './value';

/** first(), last(), take(), skip() on arrays and strings. */
function slice(name: string, pick: (length: number, n: number) => [number, number], single: boolean): Fn {
  return strict(([v, n], at) => {
    const count = toNumber(n) ?? 0;
    if (v?.k === 'array') {
      const [from, to] = pick(v.items.length, count);
      if (single) {
        const item = v.items[from];
        return item ? carry(item, v) : { k: 'null', loc: at };
      }
      return arr(v.items.slice(from, to), at);
    }
    if (v?.k === 'string') {
      const [from, to] = pick(v.v.length, count);
      return carry(str(v.v.slice(from, to), at), v);
    }
    return unknown(`${name}() of a value that is not an array or a string`, at);
  });
}

function lengthOf(v: Value | undefined): number | undefined {
  switch (v?.k) {
    case 'array':
      return v.items.length;
    case 'string':
      return v.v.length;
    case 'object':
      return v.props.size;
    default:
      return undefined;
  }
}

function contains(c: Value | undefined, x: Value | undefined, at?: SourceLocation): Value {
  if (c?.k === 'array' && x) {
    const hits = c.items.map((i) => valuesEqual(i, x, false));
    return hits.includes(true)
      ? bool(true, at)
      : hits.includes(undefined)
        ? unknown('contains() over values not known statically', at)
        : bool(false, at);
  }
  if (c?.k === 'object' && x?.k === 'string') {
    return bool(getProp(c, x.v) !== undefined, at);
  }
  const s = c?.k === 'string' && x ? asString(x) : undefined;
  return c?.k === 'string' && s !== undefined
    ? bool(c.v.includes(s), at)
    : unknown('contains() of values it cannot compare', at);
}

/** tryGet(value, key1, key2, ...): the member or element, null when missing. */
function tryGet(vals: Value[], at?: SourceLocation): Value {
  let cur: Value | undefined = vals[0];
  for (const key of vals.slice(1)) {
    if (cur?.k === 'object' && key.k === 'string') {
      cur = getProp(cur, key.v);
    } else if (cur?.k === 'array' && key.k === 'number') {
      cur = cur.items[key.v];
    } else if (cur?.k === 'unknown') {
      return cur;
    } else {
      cur = undefined;
    }
    if (cur === undefined) {
      return { k: 'null', loc: at };
    }
  }
  return cur ? carry(cur, vals[0]) : { k: 'null', loc: at };
}

function union(vals: Value[], at?: SourceLocation): Value {
  if (vals.every((v) => v.k === 'object')) {
    const props = new Map<string, Value>();
    vals.forEach((v) => v.k === 'object' && v.props.forEach((val, key) => props.set(key, val)));
    return { k: 'object', props, loc: at };
  }
  if (vals.every((v) => v.k === 'array')) {
    const items: Value[] = [];
    for (const v of vals) {
      for (const i of v.k === 'array' ? v.items : []) {
        if (!items.some((x) => valuesEqual(x, i, false) === true)) {
          items.push(i);
        }
      }
    }
    return arr(items, at);
  }
  return unknown('union() of values that are neither all objects nor all arrays', at);
}

/** Functions on arrays and objects (and strings as sequences): picking, measuring, building, merging. */
export const COLLECTION_FUNCTIONS: Record<string, Fn> = {
  first: slice('first', () => [0, 1], true),
  last: slice('last', (n) => [n - 1, n], true),
  take: slice('take', (_n, k) => [0, Math.max(0, k)], false),
  skip: slice('skip', (n, k) => [Math.max(0, k), n], false),
  length: strict(([v], at) => {
    const n = lengthOf(v);
    return n === undefined
      ? unknown('length() of a value that is not an array, a string or an object', at)
      : num(n, at);
  }),
  empty: strict(([v], at) => bool(v?.k === 'null' || lengthOf(v) === 0, at)),
  contains: strict(([c, x], at) => contains(c, x, at)),
  createarray: strict((vals, at) => arr(vals, at)),
  array: strict(([v], at) => (v?.k === 'array' ? v : arr(v ? [v] : [], at))),
  createobject: strict((vals, at) => {
    const props = new Map<string, Value>();
    for (let i = 0; i + 1 < vals.length; i += 2) {
      props.set(asString(vals[i]) ?? '', vals[i + 1]);
    }
    return { k: 'object', props, loc: at };
  }),
  union: strict(union),
  shallowmerge: strict(([a], at) =>
    a?.k === 'array' ? union(a.items, at) : unknown('shallowMerge() needs an array', at),
  ),
  intersection: strict((vals, at) => {
    const [head, ...rest] = vals;
    if (head?.k === 'array' && rest.every((v) => v.k === 'array')) {
      const inAll = (i: Value) => rest.every((r) => r.k === 'array' && r.items.some((x) => valuesEqual(x, i, false)));
      return arr(head.items.filter(inAll), at);
    }
    return unknown('intersection() of values that are not arrays', at);
  }),
  tryget: strict(tryGet),
  items: strict(([v], at) => {
    if (v?.k !== 'object') {
      return unknown('items() of a value that is not an object', at);
    }
    const entries = [...v.props].sort(([x], [y]) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1));
    return arr(
      entries.map(([key, value]): Value => ({
        k: 'object',
        props: new Map([
          ['key', str(key)],
          ['value', value],
        ]),
      })),
      at,
    );
  }),
  range: strict(([s, c], at) => {
    const [start, count] = [toNumber(s), toNumber(c)];
    return start === undefined || count === undefined || count < 0 || count > MAX_ITEMS
      ? unknown('range() of values it cannot use', at)
      : arr(
          Array.from({ length: count }, (_, i) => num(start + i, at)),
          at,
        );
  }),
};
