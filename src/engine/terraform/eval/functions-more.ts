import { MAX_ITEMS, MAX_STRING } from '../../evaluation';
import { fromData } from './decoded';
import {
  asString,
  bool,
  equals,
  failure,
  firstUnknown,
  inherit,
  list,
  num,
  originOf,
  str,
  unknown,
  type Val,
  withOrigin,
} from './values';
import { decodeYaml } from './yaml-decode';

// More Terraform built-in functions: sets, numbers, conversions, paths, JSON and YAML. Each follows the
// behaviour documented for Terraform; where that cannot be matched exactly (a result too large, a number
// beyond double precision) the result is an unknown that says so, never an approximation.

/** A built-in function over evaluated arguments. */
export type Fn = (args: Val[]) => Val;

/** The largest collection a set function builds (`setproduct` of many sets grows fast). */
const MAX_ELEMENTS = MAX_ITEMS;

/** Elements of a list or set argument, or the unknown/failure to return instead. */
function elements(v: Val | undefined, fn: string): Val[] | Val {
  if (!v) {
    return failure(`${fn}() is missing an argument`);
  }
  if (v.t === 'unknown') {
    return v;
  }
  if (v.t !== 'list') {
    return failure(`${fn}() expects a list or set`);
  }
  const u = firstUnknown(v.items);
  return u ?? v.items.map((e) => inherit(v, e));
}

function has(vals: Val[], v: Val): boolean {
  return vals.some((o) => equals(o, v) === true);
}

function addDistinct(out: Val[], v: Val): void {
  if (!has(out, v)) {
    out.push(v);
  }
}

/** Applies `f` to the element lists of every argument (at least `min` of them). */
function setFn(name: string, min: number, f: (sets: Val[][]) => Val[] | Val): Fn {
  return (args) => {
    if (args.length < min) {
      return failure(`${name}() needs at least ${min} arguments`);
    }
    const sets: Val[][] = [];
    for (const a of args) {
      const e = elements(a, name);
      if (!Array.isArray(e)) {
        return e;
      }
      sets.push(e);
    }
    const out = f(sets);
    return Array.isArray(out) ? list(out) : out;
  };
}

function numFn(name: string, f: (n: number) => number): Fn {
  return (args) => {
    const a = args[0];
    if (!a || a.t === 'unknown') {
      return a ?? failure(`${name}() needs a number`);
    }
    return a.t === 'num' ? num(f(a.v), a.o) : failure(`${name}() expects a number`);
  };
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

/** A digit's value in `parseint`: 0-9, then a-z, then (above base 36) A-Z; letters ignore case up to base 36. */
function digitValue(c: string, base: number): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) {
    return code - 48;
  }
  if (code >= 97 && code <= 122) {
    return code - 87;
  }
  if (code >= 65 && code <= 90) {
    return base <= 36 ? code - 55 : code - 29;
  }
  return Infinity;
}

function parseInt62(text: string, base: number): number | undefined {
  const neg = text.startsWith('-');
  const digits = neg || text.startsWith('+') ? text.slice(1) : text;
  if (digits === '') {
    return undefined;
  }
  let n = 0n;
  for (const c of digits) {
    const d = digitValue(c, base);
    if (d >= base) {
      return undefined;
    }
    n = n * BigInt(base) + BigInt(d);
  }
  const out = Number(neg ? -n : n);
  return Number.isSafeInteger(out) ? out : NaN;
}

/** Go's `filepath.Clean` for slash-separated paths. */
function cleanPath(p: string): string {
  if (p === '') {
    return '.';
  }
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
      } else if (!rooted) {
        out.push('..');
      }
    } else {
      out.push(part);
    }
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Go's `filepath.Base` for slash-separated paths. */
function basePath(p: string): string {
  if (p === '') {
    return '.';
  }
  const trimmed = p.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's `filepath.Dir` for slash-separated paths. */
function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

function strArg(args: Val[], fn: string, f: (s: string, o: Val) => Val): Val {
  const a = args[0];
  if (!a || a.t === 'unknown') {
    return a ?? failure(`${fn}() needs a string`);
  }
  const s = asString(a);
  return s === undefined ? failure(`${fn}() expects a string`) : f(s, a);
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

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const MORE_FUNCTIONS: Record<string, Fn> = {
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
  sum: setFn('sum', 1, ([s]) => {
    if (s.length === 0) {
      return failure('sum() of an empty list');
    }
    let total = 0;
    for (const e of s) {
      const n = e.t === 'num' ? e.v : e.t === 'str' && e.v.trim() !== '' ? Number(e.v) : NaN;
      if (!Number.isFinite(n)) {
        return failure('sum() expects numbers');
      }
      total += n;
    }
    return num(total);
  }),
  abs: numFn('abs', Math.abs),
  ceil: numFn('ceil', Math.ceil),
  floor: numFn('floor', Math.floor),
  signum: numFn('signum', (n) => (n > 0 ? 1 : n < 0 ? -1 : 0)),
  parseint: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const [s, b] = args;
    const text = s && asString(s);
    if (text === undefined || b?.t !== 'num' || !Number.isInteger(b.v) || b.v < 2 || b.v > 62) {
      return failure('parseint() expects a string and a base from 2 to 62');
    }
    const n = parseInt62(text, b.v);
    if (n === undefined) {
      return failure(`parseint() cannot read "${text}" in base ${b.v}`);
    }
    return Number.isNaN(n) ? unknown('parseint() of a number too large to hold exactly is not evaluated') : num(n, s.o);
  },
  tobool: (args) => {
    const a = args[0];
    if (!a || a.t === 'unknown' || a.t === 'bool' || a.t === 'null') {
      return a ?? failure('tobool() needs an argument');
    }
    return a.t === 'str' && (a.v === 'true' || a.v === 'false') ? bool(a.v === 'true', a.o) : failure('tobool()');
  },
  strcontains: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const [s, sub] = args.map(asString);
    return s === undefined || sub === undefined ? failure('strcontains() expects strings') : bool(s.includes(sub));
  },
  chomp: (args) => strArg(args, 'chomp', (s, a) => str(s.replace(/(?:\r\n|\r|\n)+$/, ''), a.o)),
  basename: (args) => strArg(args, 'basename', (s, a) => str(basePath(s), a.o)),
  dirname: (args) => strArg(args, 'dirname', (s, a) => str(dirPath(s), a.o)),
  // Sensitivity only hides a value in Terraform's output; the value itself is unchanged.
  sensitive: (args) => args[0] ?? failure('sensitive() needs an argument'),
  nonsensitive: (args) => args[0] ?? failure('nonsensitive() needs an argument'),
  jsondecode: (args) =>
    strArg(args, 'jsondecode', (s, a) => {
      if (s.length > MAX_STRING) {
        return unknown('jsondecode() of a string over 1 MB is not evaluated');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(s);
      } catch {
        return failure('jsondecode() of text that is not JSON');
      }
      return withOrigin(fromData(parsed, 'jsondecode() of JSON'), originOf([a]));
    }),
  yamldecode: (args) =>
    strArg(args, 'yamldecode', (s, a) => {
      if (s.length > MAX_STRING) {
        return unknown('yamldecode() of a string over 1 MB is not evaluated');
      }
      const decoded = decodeYaml(s, a.o.source);
      if (!decoded) {
        return failure('yamldecode() of text that is not a single YAML document');
      }
      return inherit(a, decoded);
    }),
  base64decode: (args) =>
    strArg(args, 'base64decode', (s, a) => {
      if (s.length > MAX_STRING || !BASE64.test(s)) {
        return failure('base64decode() of text that is not Base64');
      }
      const bytes = Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      try {
        return str(new TextDecoder('utf-8', { fatal: true }).decode(bytes), a.o);
      } catch {
        return failure('base64decode() of bytes that are not UTF-8');
      }
    }),
  base64encode: (args) =>
    strArg(args, 'base64encode', (s, a) => {
      if (s.length > MAX_STRING) {
        return failure('base64encode() of a string over 1 MB');
      }
      let binary = '';
      for (const byte of new TextEncoder().encode(s)) {
        binary += String.fromCharCode(byte);
      }
      return str(btoa(binary), a.o);
    }),
};
