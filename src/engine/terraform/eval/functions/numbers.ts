import { asString, failure, firstUnknown, num, unknown, type Val } from '../values';
import { type Fn, setFn } from './support';

function numFold(args: Val[], f: (...n: number[]) => number): Val {
  const u = firstUnknown(args);
  if (u) {
    return u;
  }
  return args.every((a) => a.t === 'num')
    ? num(f(...args.map((a) => (a as { v: number }).v)))
    : failure('expects numbers');
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

/** Numeric functions. */
export const NUMBER_FUNCTIONS: Record<string, Fn> = {
  min: (args) => numFold(args, Math.min),
  max: (args) => numFold(args, Math.max),
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
};
