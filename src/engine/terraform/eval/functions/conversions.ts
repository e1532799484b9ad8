import { asString, bool, failure, list, num, withOrigin } from '../values';
import { distinct, type Fn, items, strFn } from './support';

/** Type conversion functions, and `sensitive`/`nonsensitive`, which pass their value through. */
export const CONVERSION_FUNCTIONS: Record<string, Fn> = {
  tostring: (args) => (args[0]?.t === 'null' ? args[0] : strFn('tostring', (s) => s)(args)),
  tonumber: (args) => {
    const a = args[0];
    if (!a || a.t === 'unknown' || a.t === 'num') {
      return a ?? failure('tonumber() needs an argument');
    }
    const n = Number(asString(a));
    return Number.isFinite(n) ? num(n, a.o) : failure('tonumber() of a non-number');
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
  tobool: (args) => {
    const a = args[0];
    if (!a || a.t === 'unknown' || a.t === 'bool' || a.t === 'null') {
      return a ?? failure('tobool() needs an argument');
    }
    return a.t === 'str' && (a.v === 'true' || a.v === 'false') ? bool(a.v === 'true', a.o) : failure('tobool()');
  },
  // Sensitivity only hides a value in Terraform's output; the value itself is unchanged.
  sensitive: (args) => args[0] ?? failure('sensitive() needs an argument'),
  nonsensitive: (args) => args[0] ?? failure('nonsensitive() needs an argument'),
};
