import { asString, bool, failure, firstUnknown, list, originOf, str, type Val } from '../values';
import { characters, type Fn, items, strArg, strFn } from './support';

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

function strTest(args: Val[], f: (a: string, b: string) => boolean): Val {
  const u = firstUnknown(args);
  if (u) {
    return u;
  }
  const [a, b] = args.map(asString);
  return a === undefined || b === undefined ? failure('expects strings') : bool(f(a, b));
}

/** String functions: case, trimming, replacing, formatting, splitting and joining, prefix and suffix tests. */
export const STRING_FUNCTIONS: Record<string, Fn> = {
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
  strcontains: (args) => {
    const u = firstUnknown(args);
    if (u) {
      return u;
    }
    const [s, sub] = args.map(asString);
    return s === undefined || sub === undefined ? failure('strcontains() expects strings') : bool(s.includes(sub));
  },
  chomp: (args) => strArg(args, 'chomp', (s, a) => str(s.replace(/(?:\r\n|\r|\n)+$/, ''), a.o)),
};
