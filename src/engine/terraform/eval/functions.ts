import { MAX_STRING } from '../../evaluation';
import { own } from '../../own';
import { type Fn, MORE_FUNCTIONS } from './functions-more';
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
  originOf,
  str,
  unknown,
  type Val,
  withOrigin,
} from './values';

function needStr(v: Val, fn: string): string | Val {
  const s = asString(v);
  return s === undefined ? failure(`${fn}() expects a string`) : s;
}

/** Applies a function of strings only, propagating unknowns and keeping the first argument's origin. */
function strFn(name: string, f: (...s: string[]) => string | undefined): Fn {
  return (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const ss: string[] = [];
    for (const a of args) {
      const s = needStr(a, name);
      if (typeof s !== 'string') {
        return s;
      }
      ss.push(s);
    }
    const out = f(...ss);
    return out === undefined || out.length > MAX_STRING ? failure(`${name}() failed`) : str(out, originOf(args));
  };
}

/** Terraform counts the characters of a string as user-perceived characters (Unicode grapheme clusters). */
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
function characters(s: string): string[] {
  return Array.from(GRAPHEMES.segment(s), (g) => g.segment);
}

function items(v: Val): Val[] | undefined {
  if (v.t === 'list') {
    return v.items;
  }
  if (v.t === 'map') {
    return [...v.entries.values()];
  }
  return undefined;
}

function format(fmt: string, rest: Val[]): string | undefined {
  let i = 0;
  let out = '';
  for (let p = 0; p < fmt.length; p++) {
    const c = fmt[p];
    if (c !== '%') {
      out += c;
      continue;
    }
    // Skip flags, width and precision; only the verb decides how we render.
    let q = p + 1;
    while (q < fmt.length && '#+- 0123456789.'.includes(fmt[q])) {
      q++;
    }
    const verb = fmt[q];
    p = q;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const a = rest[i++];
    const s = a && asString(a);
    if (s === undefined) {
      return undefined;
    }
    out += verb === 'q' ? JSON.stringify(s) : s;
  }
  return out;
}

function distinct(vals: Val[]): Val[] {
  const out: Val[] = [];
  for (const v of vals) {
    if (!out.some((o) => equals(o, v) === true)) {
      out.push(v);
    }
  }
  return out;
}

/**
 * The Terraform built-in functions that matter for regions and instance keys; more are in
 * `functions-more.ts`. `try` and `can` need lazy arguments and live in the evaluator. A function in
 * neither yields an unknown that names it, so an unsupported call never turns into a guess.
 */
const FUNCTIONS: Record<string, Fn> = {
  lower: strFn('lower', (s) => s.toLowerCase()),
  upper: strFn('upper', (s) => s.toUpperCase()),
  title: strFn('title', (s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  trimspace: strFn('trimspace', (s) => s.trim()),
  trimprefix: strFn('trimprefix', (s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  trimsuffix: strFn('trimsuffix', (s, p) => (p && s.endsWith(p) ? s.slice(0, -p.length) : s)),
  trim: strFn('trim', (s, cut) => {
    let a = 0;
    let b = s.length;
    while (a < b && cut.includes(s[a])) {
      a++;
    }
    while (b > a && cut.includes(s[b - 1])) {
      b--;
    }
    return s.slice(a, b);
  }),
  // Regular-expression replacement (`/re/`) is not evaluated: an unknown is better than a wrong region.
  replace: strFn('replace', (s, search, rep) =>
    search.length > 1 && search.startsWith('/') && search.endsWith('/') ? undefined : s.split(search).join(rep),
  ),
  substr: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const [s, off, len] = args;
    if (s.t !== 'str' || off.t !== 'num' || len?.t !== 'num') {
      return failure('substr() expects a string and two numbers');
    }
    const chars = characters(s.v);
    const start = off.v < 0 ? chars.length + off.v : off.v;
    const end = len.v < 0 ? chars.length : start + len.v;
    return str(chars.slice(start, end).join(''), s.o);
  },
  format: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const f = args[0] && asString(args[0]);
    const out = f === undefined ? undefined : format(f, args.slice(1));
    return out === undefined ? failure('format() with unsupported arguments') : str(out, originOf(args.slice(1)));
  },
  join: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const sep = asString(args[0]);
    const parts: string[] = [];
    for (const l of args.slice(1)) {
      for (const e of items(l) ?? []) {
        if (e.t === 'unknown') {
          return e;
        }
        const s = asString(e);
        if (s === undefined) {
          return failure('join() expects strings');
        }
        parts.push(s);
      }
    }
    return sep === undefined ? failure('join() expects a separator') : str(parts.join(sep), originOf(args.slice(1)));
  },
  split: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const [sep, s] = args.map(asString);
    return sep === undefined || s === undefined
      ? failure('split() expects strings')
      : list(s.split(sep).map((p) => str(p, args[1].o)));
  },
  startswith: (args) => strTest(args, (s, p) => s.startsWith(p)),
  endswith: (args) => strTest(args, (s, p) => s.endsWith(p)),
  tostring: (args) => (args[0]?.t === 'null' ? args[0] : strFn('tostring', (s) => s)(args)),
  tonumber: (args) => {
    const a = args[0];
    if (!a || a.t === 'unknown' || a.t === 'num') {
      return a ?? failure('tonumber() needs an argument');
    }
    const n = Number(asString(a));
    return Number.isFinite(n) ? num(n, a.o) : failure('tonumber() of a non-number');
  },
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
  toset: (args) => {
    const a = args[0];
    if (!a || a.t === 'unknown') {
      return a ?? failure('toset() needs an argument');
    }
    const its = items(a);
    return its ? withOrigin(list(distinct(its)), a.o) : failure('toset() expects a collection');
  },
  tolist: (args) => {
    const a = args[0];
    if (!a || a.t === 'unknown' || a.t === 'list') {
      return a ?? failure('tolist() needs an argument');
    }
    return failure('tolist() expects a list or set');
  },
  tomap: (args) => (args[0]?.t === 'map' || args[0]?.t === 'unknown' ? args[0] : failure('tomap() expects a map')),
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
  min: (args) => numFold(args, Math.min),
  max: (args) => numFold(args, Math.max),
};

function strTest(args: Val[], f: (a: string, b: string) => boolean): Val {
  const u = firstUnknown(args);
  if (u) {
    return u;
  }
  const [a, b] = args.map(asString);
  return a === undefined || b === undefined ? failure('expects strings') : bool(f(a, b));
}

function numFold(args: Val[], f: (...n: number[]) => number): Val {
  const u = firstUnknown(args);
  if (u) {
    return u;
  }
  return args.every((a) => a.t === 'num')
    ? num(f(...args.map((a) => (a as { v: number }).v)))
    : failure('expects numbers');
}

/** Calls a built-in function; unknown functions (and provider-defined `provider::` ones) yield an unknown. */
export function callFunction(name: string, args: Val[]): Val {
  const bare = name.startsWith('core::') ? name.slice(6) : name;
  const fn = own(FUNCTIONS, bare) ?? own(MORE_FUNCTIONS, bare);
  if (!fn) {
    return unknown(`the function ${name}() is not evaluated statically`);
  }
  return fn(args);
}
