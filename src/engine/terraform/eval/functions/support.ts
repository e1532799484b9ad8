// What several groups of built-in functions share: the function type, argument checks and element access.
import { MAX_STRING } from '../../../evaluation';
import { asString, equals, failure, firstUnknown, inherit, list, originOf, str, type Val } from '../values';

export function needStr(v: Val, fn: string): string | Val {
  const s = asString(v);
  return s === undefined ? failure(`${fn}() expects a string`) : s;
}

/**
 * Applies a function of strings only (as many as `f` declares, at least), propagating unknowns and keeping
 * the first argument's origin.
 */
export function strFn(name: string, f: (...s: string[]) => string | undefined): Fn {
  return (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    // Terraform rejects a call with fewer arguments than the function's parameters (`replace("a")`).
    if (args.length < f.length) {
      return failure(`${name}() needs ${f.length} arguments`);
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

let graphemes: Intl.Segmenter | undefined;

/** ASCII without a CR LF pair: every character is a grapheme cluster of its own (Unicode UAX #29). */
function singleClusters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f || (c === 13 && s.charCodeAt(i + 1) === 10)) {
      return false;
    }
  }
  return true;
}

/**
 * Terraform counts the characters of a string as user-perceived characters (Unicode grapheme clusters).
 * The segmenter is made for the first string outside ASCII: making it loads ICU's data, about 10–20 ms
 * of a CLI run (measured) that most configurations never need.
 */
export function characters(s: string): string[] {
  if (singleClusters(s)) {
    return s.split('');
  }
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(graphemes.segment(s), (g) => g.segment);
}

export function items(v: Val): Val[] | undefined {
  if (v.t === 'list') {
    return v.items;
  }
  if (v.t === 'map') {
    return [...v.entries.values()];
  }
  return undefined;
}

export function distinct(vals: Val[]): Val[] {
  const out: Val[] = [];
  for (const v of vals) {
    if (!out.some((o) => equals(o, v) === true)) {
      out.push(v);
    }
  }
  return out;
}

// More Terraform built-in functions: sets, numbers, conversions, paths, JSON and YAML. Each follows the
// behaviour documented for Terraform; where that cannot be matched exactly (a result too large, a number
// beyond double precision) the result is an unknown that says so, never an approximation.
export /** A built-in function over evaluated arguments. */
type Fn = (args: Val[]) => Val;

/** Elements of a list or set argument, or the unknown/failure to return instead. */
export function elements(v: Val | undefined, fn: string): Val[] | Val {
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

/** Applies `f` to the element lists of every argument (at least `min` of them). */
export function setFn(name: string, min: number, f: (sets: Val[][]) => Val[] | Val): Fn {
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

export function strArg(args: Val[], fn: string, f: (s: string, o: Val) => Val): Val {
  const a = args[0];
  if (!a || a.t === 'unknown') {
    return a ?? failure(`${fn}() needs a string`);
  }
  const s = asString(a);
  return s === undefined ? failure(`${fn}() expects a string`) : f(s, a);
}
