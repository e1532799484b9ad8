import type { SourceLocation } from '../model';
import { own } from '../own';
import { type Arg, type CallContext, type Fn, strict, toNumber } from './call';
import { COLLECTION_FUNCTIONS } from './collection-functions';
import { ANOTHER_RESOURCE_GROUP, located, OTHER_SCOPES, scopeObject } from './deployment-scope';
import { STRING_FUNCTIONS } from './string-functions';
import { asString, bool, firstUnknown, num, toText, truthy, unknown, type Value, valuesEqual } from './value';

export type { Arg, CallContext } from './call';
export { deploymentObject, resourceGroupObject } from './deployment-scope';

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

function arithmetic(op: (a: number, b: number) => number): Fn {
  return strict(([a, b], at) => {
    const r = op(toNumber(a) ?? NaN, toNumber(b) ?? NaN);
    return Number.isFinite(r) ? num(r, at) : unknown('arithmetic on values that are not numbers', at);
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

/** The type and name `resourceId([subscription], [group], type, name1, name2, ...)` names, when known. */
function namedBy(vals: Value[]): { type: string; name: string } | undefined {
  const t = vals.findIndex((v) => v.k === 'string' && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/.test(v.v));
  const names = vals.slice(t + 1).map(toText);
  if (t < 0 || names.length === 0 || names.some((n) => n === undefined || vals[t + 1].k !== 'string')) {
    return undefined;
  }
  return { type: (vals[t] as { v: string }).v, name: names.join('/') };
}

/** The library: strings and collections from their modules; logic, numbers and the template's own functions here. */
const FUNCTIONS: Record<string, Fn> = {
  ...STRING_FUNCTIONS,
  ...COLLECTION_FUNCTIONS,
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
