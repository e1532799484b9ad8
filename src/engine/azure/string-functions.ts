import { MAX_STRING } from '../evaluation';
import type { SourceLocation } from '../model';
import { carry, type Fn, strict, toNumber } from './call';
import { arr, asString, bool, fromJson, num, str, unknown, type Value, valuesEqual } from './value';

/** A string function; the result keeps where its input came from (`toLower(location)` still points there). */
function mapString(name: string, f: (s: string, rest: Value[]) => string | undefined): Fn {
  return strict(([v, ...rest], at) => {
    const s = v && asString(v);
    const out = s === undefined ? undefined : f(s, rest);
    return out === undefined ? unknown(`${name}() got arguments it cannot use`, at) : carry(str(out, at), v);
  });
}

/** startsWith(), endsWith(): case-insensitive, as ARM compares. */
function affix(name: string, test: (s: string, part: string) => boolean): Fn {
  return strict(([a, b], at) => {
    const [x, y] = [a, b].map(asString);
    return x === undefined || y === undefined
      ? unknown(`${name}() needs two strings`, at)
      : bool(test(x.toLowerCase(), y.toLowerCase()), at);
  });
}

/** ARM's format(): .NET composite formatting, with `{n}` and `{n:spec}` (the spec is ignored). */
function format(vals: Value[], at?: SourceLocation): Value {
  const fmt = asString(vals[0]);
  if (fmt === undefined) {
    return unknown('format() needs a format string', at);
  }
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if ((c === '{' || c === '}') && fmt[i + 1] === c) {
      out += c;
      i++;
    } else if (c === '{') {
      const close = fmt.indexOf('}', i);
      if (close < 0) {
        return unknown('format() has an unterminated placeholder', at);
      }
      const spec = fmt.slice(i + 1, close);
      const arg = vals[Number(spec.split(':')[0]) + 1];
      const s = arg ? asString(arg) : undefined;
      if (s === undefined) {
        return unknown(`format() has no value for {${spec}}`, at);
      }
      out += s;
      if (out.length > MAX_STRING) {
        return unknown('format() builds a value too large to evaluate', at);
      }
      i = close;
    } else {
      out += c;
    }
  }
  // A format with one sourced argument keeps its provenance (`format('{0}', location)`).
  const sourced = vals.slice(1).filter((v) => v.prov && v.prov.length > 0);
  return sourced.length === 1 ? carry(str(out, at), sourced[0]) : str(out, at);
}

function concat(vals: Value[], at?: SourceLocation): Value {
  if (vals.length > 0 && vals.every((v) => v.k === 'array')) {
    return arr(
      vals.flatMap((v) => (v.k === 'array' ? v.items : [])),
      at,
    );
  }
  const parts = vals.map(asString);
  if (parts.some((p) => p === undefined)) {
    return unknown('concat() got a value that is not a string', at);
  }
  // A concatenation with one non-literal part keeps that part's origin and provenance.
  const sourced = vals.filter((v) => v.prov && v.prov.length > 0);
  const out = str(parts.join(''), at);
  return sourced.length === 1 ? carry(out, sourced[0]) : vals.length === 1 ? carry(out, vals[0]) : out;
}

/** String functions: case, trimming, replacing, formatting, splitting and joining, searching, URIs, JSON. */
export const STRING_FUNCTIONS: Record<string, Fn> = {
  tolower: mapString('toLower', (s) => s.toLowerCase()),
  toupper: mapString('toUpper', (s) => s.toUpperCase()),
  trim: mapString('trim', (s) => s.trim()),
  string: mapString('string', (s) => s),
  replace: mapString('replace', (s, [a, b]) => {
    const [x, y] = [a, b].map(asString);
    return x === undefined || y === undefined || x === '' ? undefined : s.split(x).join(y);
  }),
  substring: mapString('substring', (s, [start, length]) => {
    const from = toNumber(start) ?? 0;
    const n = length === undefined ? s.length - from : toNumber(length);
    return n === undefined || from < 0 || n < 0 || from + n > s.length ? undefined : s.slice(from, from + n);
  }),
  padleft: mapString('padLeft', (s, [width, pad]) => {
    const w = toNumber(width);
    const p = pad ? asString(pad) : ' ';
    return w === undefined || w > MAX_STRING || !p ? undefined : s.padStart(w, p[0]);
  }),
  format: strict(format),
  concat: strict(concat),
  split: strict(([s, d], at) => {
    const x = s && asString(s);
    const seps = d?.k === 'array' ? d.items.map(asString) : [d && asString(d)];
    if (x === undefined || seps.some((y) => y === undefined || y === '')) {
      return unknown('split() needs a string and separators', at);
    }
    let parts = [x];
    for (const sep of seps as string[]) {
      parts = parts.flatMap((p) => p.split(sep));
    }
    return arr(
      parts.map((p) => str(p, at)),
      at,
    );
  }),
  join: strict(([a, sep], at) => {
    const parts = a?.k === 'array' ? a.items.map(asString) : undefined;
    const s = sep && asString(sep);
    return parts && s !== undefined && !parts.includes(undefined)
      ? str(parts.join(s), at)
      : unknown('join() needs an array of strings and a separator', at);
  }),
  startswith: affix('startsWith', (x, y) => x.startsWith(y)),
  endswith: affix('endsWith', (x, y) => x.endsWith(y)),
  indexof: strict(([a, b], at) =>
    a?.k === 'array' && b
      ? num(
          a.items.findIndex((i) => valuesEqual(i, b, false) === true),
          at,
        )
      : a?.k === 'string' && b?.k === 'string'
        ? num(a.v.toLowerCase().indexOf(b.v.toLowerCase()), at)
        : unknown('indexOf() of values it cannot search', at),
  ),
  uri: strict(([b, r], at) => {
    const [base, rel] = [b, r].map(asString);
    try {
      return base === undefined || rel === undefined
        ? unknown('uri() needs two strings', at)
        : str(new URL(rel, base).href, at);
    } catch {
      return unknown('uri() got an invalid URI', at);
    }
  }),
  json: strict(([v], at) => {
    try {
      const text = v && asString(v);
      return text === undefined ? unknown('json() needs a string', at) : fromJson(JSON.parse(text));
    } catch {
      return unknown('json() got text that is not JSON', at);
    }
  }),
};
