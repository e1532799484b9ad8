import type { SourceLocation } from '../model';
import { evalExpr, type Scope } from './evaluate';
import type { Expr } from './expression';
import { asString, equalVals, firstUnknown, MAX_ITEMS, str, truthy, unk, type Val } from './value';
import { own } from '../own';

type Fn = (args: Expr[], scope: Scope, at: SourceLocation | undefined) => Val;

/** Functions whose value exists only at deployment; named in the CAL002 reason. */
const RUNTIME = new Set([
  'reference',
  'resourceid',
  'subscriptionresourceid',
  'tenantresourceid',
  'extensionresourceid',
  'managementgroupresourceid',
  'list',
  'listkeys',
  'listsecrets',
  'uniquestring',
  'guid',
  'newguid',
  'utcnow',
  'subscription',
  'tenant',
  'managementgroup',
  'environment',
  'pickzones',
  'providers',
]);

/**
 * The type and name `resourceId([subscriptionId], [resourceGroupName], type, name1, name2, ...)` names,
 * when they are known: the type is the first argument that is a resource type (`Namespace/type`).
 */
function namedBy(args: Expr[], scope: Scope, at?: SourceLocation): { type: string; name: string } | undefined {
  const vals = evalAll(args, scope, at);
  const t = vals.findIndex((v) => v.k === 'str' && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/.test(v.v));
  const names = vals.slice(t + 1);
  if (t < 0 || names.length === 0 || names.some((v) => v.k !== 'str')) {
    return undefined;
  }
  return { type: (vals[t] as { v: string }).v, name: names.map((v) => (v as { v: string }).v).join('/') };
}

function evalAll(args: Expr[], scope: Scope, at?: SourceLocation): Val[] {
  return args.map((a) => evalExpr(a, scope, at));
}

/** Applies `f` to fully known arguments; the first unknown argument decides otherwise. */
function strict(f: (vals: Val[], at?: SourceLocation) => Val): Fn {
  return (args, scope, at) => {
    const vals = evalAll(args, scope, at);
    return firstUnknown(vals) ?? f(vals, at);
  };
}

/** String functions keep where their (single) input was written, so a `toLower(parameters('x'))` still points at x. */
function mapString(f: (s: string) => string): Fn {
  return strict(([v], at) => {
    const s = v ? asString(v) : undefined;
    return s === undefined ? unk('a string function got no string', at) : { ...str(f(s), v.at ?? at), via: v.via };
  });
}

function num(v: Val | undefined): number | undefined {
  return v?.k === 'num' ? v.v : v?.k === 'str' && v.v.trim() !== '' && !isNaN(Number(v.v)) ? Number(v.v) : undefined;
}

function format(vals: Val[], at?: SourceLocation): Val {
  const fmt = asString(vals[0]);
  if (fmt === undefined) {
    return unk('format() needs a format string', at);
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
        return unk('format() has an unterminated placeholder', at);
      }
      const spec = fmt.slice(i + 1, close);
      const n = Number(spec.split(':')[0]);
      const arg = vals[n + 1];
      const s = arg ? asString(arg) : undefined;
      if (s === undefined) {
        return unk(`format() has no value for {${spec}}`, at);
      }
      out += s;
      i = close;
    } else {
      out += c;
    }
  }
  return str(out, at);
}

function pick(choose: (items: Val[]) => Val | undefined): Fn {
  return strict(([v], at) => {
    if (v?.k === 'arr') {
      const item = choose(v.items);
      return item ? { ...item, via: [...(v.via ?? []), ...(item.via ?? [])] } : unk('the array is empty', at);
    }
    if (v?.k === 'str') {
      const s = choose([...v.v].map((ch) => str(ch, at)));
      return s ?? str('', at);
    }
    return unk('first()/last() got no array or string', at);
  });
}

function arithmetic(op: (a: number, b: number) => number): Fn {
  return strict(([a, b], at) => {
    const r = op(num(a) ?? NaN, num(b) ?? NaN);
    return Number.isFinite(r) ? { k: 'num', v: r, at } : unk('arithmetic on values that are not numbers', at);
  });
}

/** Values known only at deployment point at the expression that asked for them. */
function located(val: Val, at: SourceLocation | undefined): Val {
  if (val.k === 'obj') {
    const props = new Map([...val.props].map(([k, v]) => [k, v.k === 'unk' && !v.at ? { ...v, at } : v]));
    return { ...val, props };
  }
  return val.k === 'unk' && !val.at ? { ...val, at } : val;
}

const FUNCTIONS: Record<string, Fn> = {
  tolower: mapString((s) => s.toLowerCase()),
  toupper: mapString((s) => s.toUpperCase()),
  trim: mapString((s) => s.trim()),
  string: mapString((s) => s),
  concat: strict((vals, at) => {
    if (vals.length > 0 && vals.every((v) => v.k === 'arr')) {
      const items = vals.flatMap((v) => (v.k === 'arr' ? v.items : []));
      return items.length > MAX_ITEMS ? unk('an array is too large to evaluate', at) : { k: 'arr', items, at };
    }
    const parts = vals.map(asString);
    if (parts.some((p) => p === undefined)) {
      return unk('concat() got a value that is not a string', at);
    }
    // A concatenation with one non-literal part keeps that part's origin and provenance.
    const sourced = vals.filter((v) => v.via && v.via.length > 0);
    return { ...str(parts.join(''), sourced.length === 1 ? sourced[0].at : at), via: sourced[0]?.via };
  }),
  format: strict(format),
  if: (args, scope, at) => {
    const cond = evalExpr(args[0] ?? { k: 'str', v: '' }, scope, at);
    const t = truthy(cond);
    if (t === undefined) {
      const [a, b] = evalAll(args.slice(1, 3), scope, at);
      if (a && b && a.k !== 'unk' && equalVals(a, b)) {
        return a;
      }
      return cond.k === 'unk' ? cond : unk('if() has a condition that is not a boolean', at);
    }
    const branch = args[t ? 1 : 2];
    return branch ? evalExpr(branch, scope, at) : unk('if() lacks a branch', at);
  },
  coalesce: (args, scope, at) => {
    for (const a of args) {
      const v = evalExpr(a, scope, at);
      if (v.k !== 'null') {
        return v;
      }
    }
    return { k: 'null', at };
  },
  first: pick((items) => items[0]),
  last: pick((items) => items[items.length - 1]),
  copyindex: (args, scope, at) => {
    const vals = evalAll(args, scope, at);
    const named = vals[0]?.k === 'str' ? vals[0].v.toLowerCase() : undefined;
    const offset = num(named !== undefined ? vals[1] : vals[0]) ?? 0;
    const loop = named ? scope.loops.find((l) => l.name.toLowerCase() === named) : scope.loops[scope.loops.length - 1];
    if (loop && loop.index === undefined) {
      return unk(`the number of copies of loop '${loop.name}' is known only at deployment`, at);
    }
    return loop?.index !== undefined
      ? { k: 'num', v: loop.index + offset, at }
      : unk('copyIndex() is used outside a copy loop', at);
  },
  length: strict(([v], at) => {
    const n = v?.k === 'arr' ? v.items.length : v?.k === 'str' ? v.v.length : v?.k === 'obj' ? v.props.size : -1;
    return n < 0 ? unk('length() got no array, string or object', at) : { k: 'num', v: n, at };
  }),
  createarray: strict((vals, at) => ({ k: 'arr', items: vals, at })),
  array: strict(([v], at) => (v?.k === 'arr' ? v : { k: 'arr', items: v ? [v] : [], at })),
  createobject: strict((vals, at) => {
    const props = new Map<string, Val>();
    for (let i = 0; i + 1 < vals.length; i += 2) {
      props.set((asString(vals[i]) ?? '').toLowerCase(), vals[i + 1]);
    }
    return { k: 'obj', props, at };
  }),
  union: strict((vals, at) => {
    if (vals.every((v) => v.k === 'obj')) {
      const props = new Map<string, Val>();
      vals.forEach((v) => v.k === 'obj' && v.props.forEach((val, key) => props.set(key, val)));
      return { k: 'obj', props, at };
    }
    return unk('union() of values that are not objects', at);
  }),
  empty: strict(([v], at) => {
    const e = v?.k === 'null' || (v?.k === 'str' && v.v === '') || (v?.k === 'arr' && v.items.length === 0);
    return { k: 'bool', v: e || (v?.k === 'obj' && v.props.size === 0), at };
  }),
  equals: strict(([a, b], at) => ({ k: 'bool', v: a !== undefined && b !== undefined && equalVals(a, b), at })),
  not: strict(([v], at) => {
    const t = v && truthy(v);
    return t === undefined ? unk('not() of a value that is not a boolean', at) : { k: 'bool', v: !t, at };
  }),
  and: strict((vals, at) => ({ k: 'bool', v: vals.every((v) => truthy(v) === true), at })),
  or: strict((vals, at) => ({ k: 'bool', v: vals.some((v) => truthy(v) === true), at })),
  true: (_a, _s, at) => ({ k: 'bool', v: true, at }),
  false: (_a, _s, at) => ({ k: 'bool', v: false, at }),
  null: (_a, _s, at) => ({ k: 'null', at }),
  int: strict(([v], at) => {
    const n = num(v);
    return n === undefined ? unk('int() of a value that is not a number', at) : { k: 'num', v: Math.trunc(n), at };
  }),
  bool: strict(([v], at) => {
    const t = v && truthy(v);
    return t === undefined ? unk('bool() of a value that is not a boolean', at) : { k: 'bool', v: t, at };
  }),
  add: arithmetic((a, b) => a + b),
  sub: arithmetic((a, b) => a - b),
  mul: arithmetic((a, b) => a * b),
  div: arithmetic((a, b) => (b === 0 ? NaN : Math.trunc(a / b))),
  mod: arithmetic((a, b) => (b === 0 ? NaN : a % b)),
  contains: strict(([c, x], at) => {
    if (c?.k === 'str' && x) {
      return { k: 'bool', v: c.v.includes(asString(x) ?? '\u0000'), at };
    }
    if (c?.k === 'arr' && x) {
      return { k: 'bool', v: c.items.some((i) => equalVals(i, x)), at };
    }
    return { k: 'bool', v: c?.k === 'obj' && x?.k === 'str' && c.props.has(x.v.toLowerCase()), at };
  }),
  replace: strict(([s, a, b], at) => {
    const [x, y, z] = [s, a, b].map((v) => (v ? asString(v) : undefined));
    return x === undefined || y === undefined || z === undefined || y === ''
      ? unk('replace() needs three strings', at)
      : str(x.split(y).join(z), s.at ?? at);
  }),
  split: strict(([s, d], at) => {
    const x = s && asString(s);
    const y = d && asString(d);
    return x === undefined || y === undefined || y === ''
      ? unk('split() needs two strings', at)
      : { k: 'arr', items: x.split(y).map((p) => str(p, at)), at };
  }),
  take: strict(([v, n], at) => {
    const k = num(n) ?? 0;
    return v?.k === 'arr'
      ? { k: 'arr', items: v.items.slice(0, k), at }
      : v?.k === 'str'
        ? str(v.v.slice(0, k), at)
        : unk('take() of a value that is not an array or string', at);
  }),
  skip: strict(([v, n], at) => {
    const k = num(n) ?? 0;
    return v?.k === 'arr'
      ? { k: 'arr', items: v.items.slice(k), at }
      : v?.k === 'str'
        ? str(v.v.slice(k), at)
        : unk('skip() of a value that is not an array or string', at);
  }),
  uri: strict(([b, r], at) => {
    const base = b && asString(b);
    const rel = r && asString(r);
    if (base === undefined || rel === undefined) {
      return unk('uri() needs two strings', at);
    }
    try {
      return str(new URL(rel, base).href, at);
    } catch {
      return unk('uri() got an invalid URI', at);
    }
  }),
  resourcegroup: (_a, scope, at) => located(scope.resourceGroup(), at),
  deployment: (_a, scope, at) => located(scope.deployment(), at),
};

/** Calls a template function by its lower-case name. */
export function callFunction(name: string, args: Expr[], scope: Scope, at?: SourceLocation): Val {
  if (name === 'parameters' || name === 'variables') {
    const vals = evalAll(args, scope, at);
    const unknown = firstUnknown(vals);
    if (unknown) {
      return unknown;
    }
    const n = vals[0] ? asString(vals[0]) : undefined;
    if (n === undefined) {
      return unk(`${name}() needs a name`, at);
    }
    return name === 'parameters' ? scope.parameter(n) : scope.variable(n);
  }
  const fn = own(FUNCTIONS, name);
  if (fn) {
    return fn(args, scope, at);
  }
  if (name === 'resourceid') {
    // The id exists only at deployment, but the resource it names may be declared in the template.
    return { ...unk(`it uses ${name}(), whose value exists only at deployment`, at), names: namedBy(args, scope, at) };
  }
  if (RUNTIME.has(name) || name.startsWith('list')) {
    return unk(`it uses ${name}(), whose value exists only at deployment`, at);
  }
  return unk(`it uses ${name}(), which is not evaluated statically`, at);
}
