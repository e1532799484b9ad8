import { MAX_ITEMS, MAX_STRING } from '../eval-limits';
import type { SourceLocation } from '../model';
import { own } from '../own';
import {
  arr,
  asString,
  bool,
  firstUnknown,
  fromJson,
  getProp,
  num,
  str,
  toText,
  truthy,
  unknown,
  valuesEqual,
  withProvenance,
  type Value,
} from './value';

/**
 * The one ARM template function library, for ARM JSON expressions and for Bicep, which compiles its
 * function calls to these very functions. Arguments are passed unevaluated (`if` and `coalesce` evaluate
 * only what they need); each is evaluated at most once.
 */
export type Arg = () => Value;

/** What a call can see of the template it is in. */
export interface CallContext {
  /** ARM `parameters()` and `variables()` (Bicep names them directly and has no such functions). */
  parameter?(name: string): Value;
  variable?(name: string): Value;
  /** ARM copy loops, innermost last, for `copyIndex()`. */
  loops?: ReadonlyArray<{ name: string; index: number | undefined }>;
  /** `resourceGroup()` of the template's target: its location when known, else unknown with the reason. */
  resourceGroup(): Value;
  /** `deployment()`: its location when known, else unknown with the reason. */
  deployment(): Value;
}

type Fn = (args: Arg[], ctx: CallContext, at: SourceLocation | undefined) => Value;

/** Functions whose value exists only at deployment; named in the CAL002 reason. */
const RUNTIME = new Set([
  'reference',
  'subscriptionresourceid',
  'tenantresourceid',
  'extensionresourceid',
  'managementgroupresourceid',
  'list',
  'uniquestring',
  'guid',
  'newguid',
  'utcnow',
  'environment',
  'pickzones',
  'providers',
  'deployer',
]);

/** Scope functions whose values are known only at deployment. */
const OTHER_SCOPES: Record<string, string> = {
  subscription: 'it comes from subscription(), which is known only at deployment',
  managementgroup: 'it comes from managementGroup(), which is known only at deployment',
  tenant: 'it comes from tenant(), which is known only at deployment',
};

const ANOTHER_RESOURCE_GROUP = 'it is the location of another resource group, known only at deployment';
const RESOURCE_GROUP =
  'it is resourceGroup().location, the location of the resource group the template is deployed to, chosen at deployment';
const DEPLOYMENT = 'it is deployment().location, the location chosen when the deployment is started';

/** `resourceGroup()` of a template deployed to a resource group in `location` (unknown: chosen at deployment). */
export function resourceGroupObject(location: Value = unknown(RESOURCE_GROUP)): Value {
  const later = unknown('the resource group is chosen at deployment');
  return {
    k: 'object',
    props: new Map([
      ['location', location],
      ['name', later],
      ['id', later],
    ]),
  };
}

/** `deployment()` of a template started at `location`; `file` gives `properties.templateLink.uri`. */
export function deploymentObject(location: Value = unknown(DEPLOYMENT), file?: string): Value {
  const props = new Map([
    ['location', location],
    ['name', unknown('the deployment name is chosen at deployment')],
  ]);
  if (file !== undefined) {
    const link = new Map([['uri', str(`file://${encodeURI(file)}`)]]);
    props.set('properties', { k: 'object', props: new Map([['templateLink', { k: 'object', props: link }]]) });
  }
  return { k: 'object', props };
}

/** A scope object whose location, name and id are known only at deployment. */
function scopeObject(reason: string, location = reason): Value {
  return {
    k: 'object',
    props: new Map([
      ['location', unknown(location)],
      ['name', unknown(`${reason} (its name)`)],
      ['id', unknown(`${reason} (its id)`)],
    ]),
  };
}

/** Applies `f` to fully known arguments; the first unknown argument decides otherwise. */
function strict(f: (vals: Value[], at?: SourceLocation) => Value): Fn {
  return (args, _ctx, at) => {
    const vals = args.map((a) => a());
    return firstUnknown(vals) ?? f(vals, at);
  };
}

/** A string function; the result keeps where its input came from (`toLower(location)` still points there). */
function mapString(name: string, f: (s: string, rest: Value[]) => string | undefined): Fn {
  return strict(([v, ...rest], at) => {
    const s = v && asString(v);
    const out = s === undefined ? undefined : f(s, rest);
    return out === undefined ? unknown(`${name}() got arguments it cannot use`, at) : carry(str(out, at), v);
  });
}

/** The result with the provenance (and, for a string, the literal's location) of the value it derives from. */
function carry(result: Value, from: Value | undefined): Value {
  return from?.prov || (result.k === 'string' && from?.loc)
    ? withProvenance(result, from.prov, result.k === 'string' ? (from.loc ?? result.loc) : result.loc)
    : result;
}

function toNumber(v: Value | undefined): number | undefined {
  if (v?.k === 'number') {
    return v.v;
  }
  return v?.k === 'string' && v.v.trim() !== '' && !isNaN(Number(v.v)) ? Number(v.v) : undefined;
}

function arithmetic(op: (a: number, b: number) => number): Fn {
  return strict(([a, b], at) => {
    const r = op(toNumber(a) ?? NaN, toNumber(b) ?? NaN);
    return Number.isFinite(r) ? num(r, at) : unknown('arithmetic on values that are not numbers', at);
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

/** min(), max() of numbers, given as arguments or as one array. */
function extreme(name: string, pick: (...ns: number[]) => number): Fn {
  return strict((vals, at) => {
    const ns = (vals[0]?.k === 'array' ? vals[0].items : vals).map(toNumber);
    return ns.length === 0 || ns.includes(undefined)
      ? unknown(`${name}() of values that are not numbers`, at)
      : num(pick(...(ns as number[])), at);
  });
}

/** greater(), less(), ...: numbers or strings (ordinal). */
function compare(test: (c: number) => boolean): Fn {
  return strict(([a, b], at) => {
    if (a?.k === 'number' && b?.k === 'number') {
      return bool(test(a.v - b.v), at);
    }
    if (a?.k === 'string' && b?.k === 'string') {
      return bool(test(a.v < b.v ? -1 : a.v > b.v ? 1 : 0), at);
    }
    return unknown('a comparison of values that are neither numbers nor strings', at);
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

/** The type and name `resourceId([subscription], [group], type, name1, name2, ...)` names, when known. */
function namedBy(vals: Value[]): { type: string; name: string } | undefined {
  const t = vals.findIndex((v) => v.k === 'string' && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/.test(v.v));
  const names = vals.slice(t + 1).map(toText);
  if (t < 0 || names.length === 0 || names.some((n) => n === undefined || vals[t + 1].k !== 'string')) {
    return undefined;
  }
  return { type: (vals[t] as { v: string }).v, name: names.join('/') };
}

const FUNCTIONS: Record<string, Fn> = {
  // Strings.
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
  // Arrays, strings and objects.
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
  // Logic and comparison.
  if: (args, _ctx, at) => {
    const cond = args[0]?.() ?? unknown('if() lacks a condition', at);
    const t = truthy(cond);
    if (t === undefined) {
      const [a, b] = [args[1]?.(), args[2]?.()];
      if (a && b && valuesEqual(a, b, false) === true) {
        return a;
      }
      return cond.k === 'unknown' ? cond : unknown('if() has a condition that is not a boolean', at);
    }
    return args[t ? 1 : 2]?.() ?? unknown('if() lacks a branch', at);
  },
  coalesce: (args, _ctx, at) => {
    for (const a of args) {
      const v = a();
      if (v.k !== 'null') {
        return v;
      }
    }
    return { k: 'null', loc: at };
  },
  equals: strict(([a, b], at) => {
    const eq = a && b ? valuesEqual(a, b, false) : false;
    return eq === undefined ? unknown('a comparison of values not known statically', at) : bool(eq, at);
  }),
  not: strict(([v], at) => {
    const t = v && truthy(v);
    return t === undefined ? unknown('not() of a value that is not a boolean', at) : bool(!t, at);
  }),
  and: strict((vals, at) =>
    bool(
      vals.every((v) => truthy(v) === true),
      at,
    ),
  ),
  or: strict((vals, at) =>
    bool(
      vals.some((v) => truthy(v) === true),
      at,
    ),
  ),
  bool: strict(([v], at) => {
    const t = v && truthy(v);
    return t === undefined ? unknown('bool() of a value that is not a boolean', at) : bool(t, at);
  }),
  true: (_a, _c, at) => bool(true, at),
  false: (_a, _c, at) => bool(false, at),
  null: (_a, _c, at) => ({ k: 'null', loc: at }),
  greater: compare((c) => c > 0),
  greaterorequals: compare((c) => c >= 0),
  less: compare((c) => c < 0),
  lessorequals: compare((c) => c <= 0),
  // Numbers.
  int: strict(([v], at) => {
    const n = toNumber(v);
    return n === undefined ? unknown('int() of a value that is not a number', at) : num(Math.trunc(n), at);
  }),
  add: arithmetic((a, b) => a + b),
  sub: arithmetic((a, b) => a - b),
  mul: arithmetic((a, b) => a * b),
  div: arithmetic((a, b) => (b === 0 ? NaN : Math.trunc(a / b))),
  mod: arithmetic((a, b) => (b === 0 ? NaN : a % b)),
  min: extreme('min', Math.min),
  max: extreme('max', Math.max),
  // The template and its deployment.
  copyindex: (_a, _c, at) => unknown('copyIndex() is used outside a copy loop', at),
  resourcegroup: (args, ctx, at) =>
    located(args.length > 0 ? scopeObject(ANOTHER_RESOURCE_GROUP) : ctx.resourceGroup(), at),
  deployment: (_a, ctx, at) => located(ctx.deployment(), at),
  readenvironmentvariable: strict(([n], at) =>
    unknown(`it comes from the environment variable ${(n && asString(n)) ?? '?'}, read at deployment`, at),
  ),
};

/** Values known only at deployment point at the expression that asked for them. */
function located(v: Value, at: SourceLocation | undefined): Value {
  if (v.k === 'object') {
    const props = new Map([...v.props].map(([k, x]) => [k, x.k === 'unknown' && !x.loc ? { ...x, loc: at } : x]));
    return { ...v, props };
  }
  return v.k === 'unknown' && !v.loc ? { ...v, loc: at } : v;
}

/**
 * Calls a template function by name (any case; Bicep's `sys.` and `az.` namespaces are the same functions).
 * A function the library does not know is unknown, with a reason that names it.
 */
export function callFunction(rawName: string, args: Arg[], ctx: CallContext, at?: SourceLocation): Value {
  const name = rawName.toLowerCase();
  if ((name === 'parameters' || name === 'variables') && ctx.parameter && ctx.variable) {
    const vals = args.map((a) => a());
    const n = vals[0] ? asString(vals[0]) : undefined;
    return (
      firstUnknown(vals) ??
      (n === undefined
        ? unknown(`${name}() needs a name`, at)
        : name === 'parameters'
          ? ctx.parameter(n)
          : ctx.variable(n))
    );
  }
  if (name === 'copyindex' && ctx.loops) {
    return copyIndex(args, ctx.loops, at);
  }
  const scope = own(OTHER_SCOPES, name);
  if (scope !== undefined) {
    return scopeObject(scope);
  }
  const fn = own(FUNCTIONS, name);
  if (fn) {
    return fn(args, ctx, at);
  }
  if (name === 'resourceid') {
    // The id exists only at deployment, but the resource it names may be declared in the template.
    return {
      ...unknown(`it uses ${rawName}(), whose value exists only at deployment`, at),
      names: namedBy(args.map((a) => a())),
    };
  }
  if (RUNTIME.has(name) || name.startsWith('list')) {
    return unknown(`it uses ${rawName}(), whose value exists only at deployment`, at);
  }
  return unknown(`it is computed by ${rawName}(), which is not evaluated statically`, at);
}

function copyIndex(args: Arg[], loops: CallContext['loops'] & object, at?: SourceLocation): Value {
  const vals = args.map((a) => a());
  const named = vals[0]?.k === 'string' ? vals[0].v.toLowerCase() : undefined;
  const offset = toNumber(named !== undefined ? vals[1] : vals[0]) ?? 0;
  const loop = named ? loops.find((l) => l.name.toLowerCase() === named) : loops[loops.length - 1];
  if (loop && loop.index === undefined) {
    return unknown(`the number of copies of loop '${loop.name}' is known only at deployment`, at);
  }
  return loop?.index !== undefined
    ? num(loop.index + offset, at)
    : unknown('copyIndex() is used outside a copy loop', at);
}
