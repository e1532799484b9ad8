import { MAX_ITEMS } from '../../../evaluation';
import {
  asString,
  bool,
  equals,
  failure,
  firstUnknown,
  inherit,
  list,
  map,
  num,
  str,
  unknown,
  type Val,
} from '../values';
import { characters, distinct, elements, type Fn, items, setFn } from './support';

/** The largest collection a set function builds (`setproduct` of many sets grows fast). */
const MAX_ELEMENTS = MAX_ITEMS;

function has(vals: Val[], v: Val): boolean {
  return vals.some((o) => equals(o, v) === true);
}

function addDistinct(out: Val[], v: Val): void {
  if (!has(out, v)) {
    out.push(v);
  }
}

/** Compares strings by Unicode code point, as Terraform (Go) orders them. */
function byCodePoint(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) {
      return x.done && y.done ? 0 : x.done ? -1 : 1;
    }
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) {
      return d;
    }
  }
}

/**
 * `alltrue` (`decisive` false) and `anytrue` (`decisive` true): the first element equal to `decisive`
 * decides, otherwise the result is its opposite. Elements may be booleans or the strings "true"/"false".
 */
function boolFold(name: string, items: Val[], decisive: boolean): Val {
  for (const e of items) {
    const b = e.t === 'bool' ? e.v : e.t === 'str' && (e.v === 'true' || e.v === 'false') ? e.v === 'true' : undefined;
    if (b === undefined) {
      return failure(`${name}() expects a list of booleans`);
    }
    if (b === decisive) {
      return bool(decisive);
    }
  }
  return bool(!decisive);
}

/** Collection functions: lookups, merging and flattening, keys and values, slicing, sets and sorting. */
export const COLLECTION_FUNCTIONS: Record<string, Fn> = {
  lookup: (args) => {
    const [m, k, dflt] = args;
    if (!m || !k) {
      return failure('lookup() needs a map and a key');
    }
    if (m.t === 'unknown') {
      return m;
    }
    if (k.t === 'unknown') {
      return k;
    }
    const key = asString(k);
    const hit = m.t === 'map' && key !== undefined ? m.entries.get(key) : undefined;
    return (hit && inherit(m, hit)) ?? dflt ?? failure(`lookup() found no key "${key}"`);
  },
  element: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const [l, i] = args;
    if (l.t !== 'list' || i.t !== 'num' || l.items.length === 0) {
      return failure('element() expects a non-empty list and a number');
    }
    return inherit(l, l.items[((Math.floor(i.v) % l.items.length) + l.items.length) % l.items.length]);
  },
  coalesce: (args) => {
    for (const a of args) {
      if (a.t === 'unknown') {
        return a;
      }
      if (a.t !== 'null' && !(a.t === 'str' && a.v === '')) {
        return a;
      }
    }
    return failure('coalesce() found no non-null argument');
  },
  coalescelist: (args) => {
    for (const a of args) {
      if (a.t === 'unknown') {
        return a;
      }
      if (a.t === 'list' && a.items.length > 0) {
        return a;
      }
    }
    return failure('coalescelist() found no non-empty list');
  },
  merge: (args) => {
    const out = new Map<string, Val>();
    for (const a of args) {
      if (a.t === 'unknown') {
        return a;
      }
      if (a.t === 'map') {
        a.entries.forEach((v, k) => out.set(k, inherit(a, v)));
      } else if (a.t !== 'null') {
        return failure('merge() expects maps');
      }
    }
    return map(out);
  },
  concat: (args) => {
    const out: Val[] = [];
    for (const a of args) {
      if (a.t === 'unknown') {
        return a;
      }
      if (a.t !== 'list') {
        return failure('concat() expects lists');
      }
      out.push(...a.items.map((v) => inherit(a, v)));
    }
    return list(out);
  },
  flatten: (args) => {
    const out: Val[] = [];
    const walk = (v: Val, depth: number): Val | undefined => {
      if (v.t === 'unknown') {
        return v;
      }
      if (v.t !== 'list' || depth > 32) {
        out.push(v);
        return undefined;
      }
      for (const e of v.items) {
        const bad = walk(e, depth + 1);
        if (bad) {
          return bad;
        }
      }
      return undefined;
    };
    return (args[0] && walk(args[0], 0)) ?? list(out);
  },
  distinct: (args) => (args[0]?.t === 'list' ? list(distinct(args[0].items)) : (args[0] ?? failure('distinct()'))),
  compact: (args) =>
    args[0]?.t === 'list'
      ? list(args[0].items.filter((e) => !(e.t === 'null' || (e.t === 'str' && e.v === ''))))
      : (args[0] ?? failure('compact()')),
  length: (args) => {
    const a = args[0];
    if (!a || a.t === 'unknown') {
      return a ?? failure('length() needs an argument');
    }
    const its = items(a);
    return its ? num(its.length) : a.t === 'str' ? num(characters(a.v).length) : failure('length() of a primitive');
  },
  keys: (args) =>
    args[0]?.t === 'map'
      ? list([...args[0].entries.keys()].sort().map((k) => str(k)))
      : (firstUnknown(args) ?? failure('keys() expects a map')),
  values: (args) =>
    args[0]?.t === 'map'
      ? list([...args[0].entries].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v))
      : (firstUnknown(args) ?? failure('values() expects a map')),
  contains: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const its = items(args[0]);
    return its ? bool(its.some((e) => equals(e, args[1]) === true)) : failure('contains() expects a collection');
  },
  zipmap: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const [k, v] = args;
    if (k.t !== 'list' || v.t !== 'list' || k.items.length !== v.items.length) {
      return failure('zipmap() expects two lists of the same length');
    }
    const out = new Map<string, Val>();
    k.items.forEach((key, i) => out.set(asString(key) ?? '', v.items[i]));
    return map(out);
  },
  one: (args) => {
    const a = args[0];
    if (!a || a.t === 'unknown') {
      return a ?? failure('one() needs an argument');
    }
    const its = items(a);
    if (!its || its.length > 1) {
      return failure('one() expects at most one element');
    }
    return its[0] ?? { t: 'null', o: a.o };
  },
  reverse: (args) => (args[0]?.t === 'list' ? list([...args[0].items].reverse()) : (args[0] ?? failure('reverse()'))),
  range: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const ns = args.map((a) => (a.t === 'num' ? a.v : NaN));
    const [start, end, step] = ns.length === 1 ? [0, ns[0], 1] : [ns[0], ns[1], ns[2] ?? 1];
    if (![start, end, step].every(Number.isFinite) || step === 0 || Math.abs((end - start) / step) > 1024) {
      return failure('range() with unsupported arguments');
    }
    const out: Val[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) {
      out.push(num(i));
    }
    return list(out);
  },
  slice: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const [l, a, b] = args;
    return l.t === 'list' && a.t === 'num' && b?.t === 'num' ? list(l.items.slice(a.v, b.v)) : failure('slice()');
  },
  setproduct: setFn('setproduct', 2, (sets) => {
    if (sets.reduce((n, s) => n * s.length, 1) > MAX_ELEMENTS) {
      return unknown(`setproduct() would build more than ${MAX_ELEMENTS} elements; it is not evaluated`);
    }
    let rows: Val[][] = [[]];
    for (const s of sets) {
      rows = rows.flatMap((row) => s.map((e) => [...row, e]));
    }
    return rows.map((row) => list(row));
  }),
  setunion: setFn('setunion', 1, (sets) => {
    const out: Val[] = [];
    sets.forEach((s) => s.forEach((e) => addDistinct(out, e)));
    return out;
  }),
  setintersection: setFn('setintersection', 1, (sets) => {
    const out: Val[] = [];
    sets[0].filter((e) => sets.every((s) => has(s, e))).forEach((e) => addDistinct(out, e));
    return out;
  }),
  setsubtract: setFn('setsubtract', 2, (sets) => {
    const out: Val[] = [];
    sets[0].filter((e) => !has(sets[1], e)).forEach((e) => addDistinct(out, e));
    return out;
  }),
  sort: setFn('sort', 1, ([s]) => {
    const keyed: Array<[string, Val]> = [];
    for (const e of s) {
      const k = asString(e);
      if (k === undefined || e.t === 'null') {
        return failure('sort() expects a list of strings');
      }
      keyed.push([k, e.t === 'str' ? e : str(k, e.o)]);
    }
    return keyed.sort((a, b) => byCodePoint(a[0], b[0])).map(([, e]) => e);
  }),
  index: (args) => {
    const its = elements(args[0], 'index');
    if (!Array.isArray(its)) {
      return its;
    }
    const v = args[1];
    if (!v || v.t === 'unknown') {
      return v ?? failure('index() needs a value');
    }
    const i = its.findIndex((e) => equals(e, v) === true);
    return i < 0 ? failure('index() found no such element') : num(i);
  },
  alltrue: setFn('alltrue', 1, ([s]) => boolFold('alltrue', s, false)),
  anytrue: setFn('anytrue', 1, ([s]) => boolFold('anytrue', s, true)),
};
