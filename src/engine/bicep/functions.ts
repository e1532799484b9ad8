import { str, toText, unknown, valuesEqual, withProvenance, type Value } from './values';
import { own } from '../own';

/** Scope functions whose `location` is chosen at deployment; the reason says where it would come from. */
const DEPLOYMENT_SCOPES: Record<string, string> = {
  resourcegroup:
    'it is resourceGroup().location, the region of the resource group, which is chosen when the resource group is created or at deployment',
  deployment: 'it is deployment().location, the region chosen for the deployment at deployment time',
  subscription: 'it comes from subscription(), which is known only at deployment',
  managementgroup: 'it comes from managementGroup(), which is known only at deployment',
  tenant: 'it comes from tenant(), which is known only at deployment',
};

function scopeObject(name: string, hasArgs: boolean): Value {
  const reason = own(DEPLOYMENT_SCOPES, name) ?? '';
  const loc =
    hasArgs && name === 'resourcegroup'
      ? 'it is the location of another resource group, known only at deployment'
      : reason;
  return {
    k: 'object',
    props: new Map([
      ['location', unknown(loc)],
      ['name', unknown(`${reason.split(',')[0]} (its name)`)],
      ['id', unknown(`${reason.split(',')[0]} (its id)`)],
    ]),
  };
}

function firstUnknown(args: Value[]): Value | undefined {
  return args.find((a) => a.k === 'unknown');
}

function stringArgs(args: Value[]): string[] | undefined {
  const out: string[] = [];
  for (const a of args) {
    const t = a.k === 'string' || a.k === 'number' || a.k === 'bool' ? toText(a) : undefined;
    if (t === undefined) {
      return undefined;
    }
    out.push(t);
  }
  return out;
}

/** Keeps the provenance of the first argument (the value a function such as `toLower` transforms). */
function carry(result: Value, from: Value | undefined): Value {
  return from ? withProvenance(result, from.prov, result.k === 'string' ? from.loc : undefined) : result;
}

/**
 * Evaluates the built-in functions that matter for locations (`sys.` and `az.` namespaces included).
 * Anything else is unknown, with a reason that names the function.
 */
export function callFunction(rawName: string, args: Value[]): Value {
  const name = rawName.toLowerCase();
  if (own(DEPLOYMENT_SCOPES, name) !== undefined) {
    return scopeObject(name, args.length > 0);
  }
  if (name === 'coalesce') {
    for (const a of args) {
      if (a.k === 'unknown') {
        return a;
      }
      if (a.k !== 'null') {
        return a;
      }
    }
    return { k: 'null' };
  }
  if (name === 'readenvironmentvariable') {
    const n = args[0]?.k === 'string' ? args[0].v : '?';
    return unknown(`it comes from the environment variable ${n}, read at deployment`);
  }
  const u = firstUnknown(args);
  if (u && name !== 'empty' && name !== 'length') {
    return u;
  }
  const a0 = args[0];
  switch (name) {
    case 'tolower':
    case 'toupper':
    case 'trim':
    case 'string': {
      const s = a0 && stringArgs([a0]);
      if (!s) {
        return unknown(`${rawName}() of a value that is not known statically`);
      }
      const v =
        name === 'tolower'
          ? s[0].toLowerCase()
          : name === 'toupper'
            ? s[0].toUpperCase()
            : name === 'trim'
              ? s[0].trim()
              : s[0];
      return carry(str(v), a0);
    }
    case 'concat': {
      const size = args.reduce((n, a) => n + (a.k === 'array' ? a.items.length : a.k === 'string' ? a.v.length : 0), 0);
      if (size > 1_000_000) {
        return unknown('concat() builds a value too large to evaluate');
      }
      if (args.every((a) => a.k === 'array')) {
        return { k: 'array', items: args.flatMap((a) => (a.k === 'array' ? a.items : [])) };
      }
      const s = stringArgs(args);
      return s
        ? carry(str(s.join('')), args.length === 1 ? a0 : undefined)
        : unknown('concat() of values not known statically');
    }
    case 'replace': {
      const s = stringArgs(args);
      return s && s.length === 3
        ? str(s[0].split(s[1]).join(s[2]))
        : unknown('replace() of values not known statically');
    }
    case 'first':
    case 'last': {
      if (a0?.k === 'array') {
        const item = name === 'first' ? a0.items[0] : a0.items[a0.items.length - 1];
        return item ?? { k: 'null' };
      }
      if (a0?.k === 'string') {
        return str(name === 'first' ? a0.v.slice(0, 1) : a0.v.slice(-1));
      }
      return unknown(`${rawName}() of a value not known statically`);
    }
    case 'length':
    case 'empty': {
      const n =
        a0?.k === 'array'
          ? a0.items.length
          : a0?.k === 'string'
            ? a0.v.length
            : a0?.k === 'object'
              ? a0.props.size
              : undefined;
      if (n === undefined) {
        return a0?.k === 'null' && name === 'empty'
          ? { k: 'bool', v: true }
          : unknown(`${rawName}() of a value not known statically`);
      }
      return name === 'length' ? { k: 'number', v: n } : { k: 'bool', v: n === 0 };
    }
    case 'contains': {
      const [c, x] = args;
      if (c?.k === 'array' && x) {
        const hits = c.items.map((i) => valuesEqual(i, x, false));
        return hits.includes(true)
          ? { k: 'bool', v: true }
          : hits.includes(undefined)
            ? unknown('contains() over values not known statically')
            : { k: 'bool', v: false };
      }
      if (c?.k === 'object' && x?.k === 'string') {
        return { k: 'bool', v: c.props.has(x.v) };
      }
      if (c?.k === 'string' && x?.k === 'string') {
        return { k: 'bool', v: c.v.includes(x.v) };
      }
      return unknown('contains() of values not known statically');
    }
    case 'union': {
      if (args.every((a) => a.k === 'object')) {
        const props = new Map<string, Value>();
        args.forEach((a) => a.k === 'object' && a.props.forEach((v, k) => props.set(k, v)));
        return { k: 'object', props };
      }
      return unknown('union() of values not known statically');
    }
    case 'range': {
      const [s, c] = args;
      if (s?.k === 'number' && c?.k === 'number' && c.v >= 0 && c.v <= 10000) {
        return { k: 'array', items: Array.from({ length: c.v }, (_, i) => ({ k: 'number', v: s.v + i }) as Value) };
      }
      return unknown('range() of values not known statically');
    }
    case 'items': {
      if (a0?.k === 'object') {
        const items = [...a0.props]
          .sort(([x], [y]) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1))
          .map(([key, value]): Value => ({
            k: 'object',
            props: new Map([
              ['key', str(key)],
              ['value', value],
            ]),
          }));
        return { k: 'array', items };
      }
      return unknown('items() of a value not known statically');
    }
    case 'split': {
      const s = stringArgs(args);
      return s && s.length === 2
        ? { k: 'array', items: s[0].split(s[1]).map((x) => str(x)) }
        : unknown('split() of values not known statically');
    }
    case 'join': {
      const [arr, sep] = args;
      const parts = arr?.k === 'array' ? stringArgs(arr.items) : undefined;
      return parts && sep?.k === 'string' ? str(parts.join(sep.v)) : unknown('join() of values not known statically');
    }
    default:
      return unknown(`it is computed by ${rawName}(), which is not evaluated statically`);
  }
}
