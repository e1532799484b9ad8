import { MAX_ITEMS, MAX_STRING, prependStep, tooLarge } from '../evaluation';
import type { ProvenanceStep, SourceLocation } from '../model';

/**
 * The one value model of Azure templates, for Bicep and ARM JSON alike: what static evaluation knows
 * about a value. Bicep is evaluated onto it the way the Bicep compiler lowers to ARM JSON, and both
 * languages call the same function library (functions.ts).
 */
export type ValueCore =
  | { k: 'string'; v: string }
  | { k: 'number'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'null' }
  | { k: 'array'; items: Value[] }
  | { k: 'object'; props: Map<string, Value> }
  /** A lambda, kept so that `map`/`filter` could apply it; evaluation treats calls on it as unknown. */
  | { k: 'lambda' }
  /** Known only at deployment; `reason` completes "cannot be determined: ...". */
  | { k: 'unknown'; reason: string };

/**
 * The resource a string names when it is the `name` of a resource a template deploys (`sa.name`). A
 * module given that name and declaring an `existing` resource of the same type with it, in the same
 * resource group, refers to that very resource: Azure identifies a resource by scope, type and name.
 */
export interface DeployedResource {
  /** Resource type without API version, in lower case. */
  type: string;
  /** Symbolic name in the declaring template. */
  symbol: string;
  /** Where it is declared. */
  declared: SourceLocation;
  /** The resource group the declaring template deploys to (identity only, see FileScope.target). */
  target: object;
  /** Its location, evaluated when first asked for. */
  location: () => Value;
}

/**
 * A value with where it came from: `prov` lists the steps nearest first (var, param default, module
 * input, parameter file), `loc` is where the value is written; `res`, on a string, the deployed resource
 * it is the name of (Bicep `sa.name`, `sa.id`); `names`, on the unknown id `resourceId(type, name)`
 * gives, the type and name it names.
 */
export type Value = ValueCore & {
  prov?: ProvenanceStep[];
  loc?: SourceLocation;
  res?: DeployedResource;
  names?: { type: string; name: string };
};

export function unknown(reason: string, loc?: SourceLocation): Value {
  return { k: 'unknown', reason, loc };
}

/** A string; one longer than the shared limit is unknown instead. */
export function str(v: string, loc?: SourceLocation): Value {
  return v.length > MAX_STRING ? unknown(tooLarge('string'), loc) : { k: 'string', v, loc };
}

export function num(v: number, loc?: SourceLocation): Value {
  return { k: 'number', v, loc };
}

export function bool(v: boolean, loc?: SourceLocation): Value {
  return { k: 'bool', v, loc };
}

/** An array; one longer than the shared limit is unknown instead. */
export function arr(items: Value[], loc?: SourceLocation): Value {
  return items.length > MAX_ITEMS ? unknown(tooLarge('array'), loc) : { k: 'array', items, loc };
}

/** The value with `step` prepended to its provenance (the value itself is not changed). */
export function withStep(value: Value, step: ProvenanceStep): Value {
  return withProvenance(value, prependStep(step, value.prov), value.loc);
}

/**
 * The value with other provenance and literal location, built field by field (an object spread here
 * was several times slower, and this runs for every reference evaluated).
 */
export function withProvenance(
  value: Value,
  prov: ProvenanceStep[] | undefined,
  loc: SourceLocation | undefined,
): Value {
  switch (value.k) {
    case 'string':
      return value.res
        ? { k: 'string', v: value.v, prov, loc, res: value.res }
        : { k: 'string', v: value.v, prov, loc };
    case 'number':
      return { k: 'number', v: value.v, prov, loc };
    case 'bool':
      return { k: 'bool', v: value.v, prov, loc };
    case 'null':
      return { k: 'null', prov, loc };
    case 'array':
      return { k: 'array', items: value.items, prov, loc };
    case 'object':
      return { k: 'object', props: value.props, prov, loc };
    case 'lambda':
      return { k: 'lambda', prov, loc };
    case 'unknown':
      return value.names
        ? { k: 'unknown', reason: value.reason, prov, loc, res: value.res, names: value.names }
        : { k: 'unknown', reason: value.reason, prov, loc, res: value.res };
  }
}

/** The first unknown among `vals`, which decides an operation that needs all of them. */
export function firstUnknown(vals: Value[]): Value | undefined {
  return vals.find((v) => v.k === 'unknown');
}

/** Object property lookup: exact key first, then case-insensitive as ARM does. */
export function getProp(obj: Value, key: string): Value | undefined {
  if (obj.k !== 'object') {
    return undefined;
  }
  const exact = obj.props.get(key);
  if (exact) {
    return exact;
  }
  const lower = key.toLowerCase();
  for (const [k, v] of obj.props) {
    if (k.toLowerCase() === lower) {
      return v;
    }
  }
  return undefined;
}

/** The string form used for loop instance keys and interpolation; undefined for values without one. */
export function toText(v: Value): string | undefined {
  switch (v.k) {
    case 'string':
      return v.v;
    case 'number':
      return String(v.v);
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'null':
      return '';
    default:
      return undefined;
  }
}

/** ARM's string(): scalars as text, arrays and objects as JSON; undefined when not fully known. */
export function asString(v: Value | undefined): string | undefined {
  if (v?.k === 'array' || v?.k === 'object') {
    const plain = toPlain(v);
    const s = plain === undefined ? undefined : JSON.stringify(plain);
    return s !== undefined && s.length <= MAX_STRING ? s : undefined;
  }
  return v && toText(v);
}

/** Plain JSON (undefined when any part is unknown). */
export function toPlain(v: Value): unknown {
  switch (v.k) {
    case 'string':
    case 'number':
    case 'bool':
      return v.v;
    case 'null':
      return null;
    case 'array': {
      const items = v.items.map(toPlain);
      return items.includes(undefined) ? undefined : items;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, x] of v.props) {
        const p = toPlain(x);
        if (p === undefined) {
          return undefined;
        }
        out[k] = p;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** A boolean, or the string 'true'/'false' as ARM accepts it; undefined otherwise. */
export function truthy(v: Value): boolean | undefined {
  if (v.k === 'bool') {
    return v.v;
  }
  const s = v.k === 'string' ? v.v.toLowerCase() : undefined;
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

/** Deep equality of known values; undefined when either side is not fully known. */
export function valuesEqual(a: Value, b: Value, ignoreCase: boolean): boolean | undefined {
  if (a.k === 'unknown' || b.k === 'unknown' || a.k === 'lambda' || b.k === 'lambda') {
    return undefined;
  }
  if (a.k !== b.k) {
    return false;
  }
  if (a.k === 'string' && b.k === 'string') {
    return ignoreCase ? a.v.toLowerCase() === b.v.toLowerCase() : a.v === b.v;
  }
  if ((a.k === 'number' || a.k === 'bool') && (b.k === 'number' || b.k === 'bool')) {
    return a.v === b.v;
  }
  if (a.k === 'array' && b.k === 'array') {
    if (a.items.length !== b.items.length) {
      return false;
    }
    let all: boolean | undefined = true;
    a.items.forEach((x, i) => {
      const eq = valuesEqual(x, b.items[i], ignoreCase);
      all = eq === false || all === false ? false : eq === undefined ? undefined : all;
    });
    return all;
  }
  if (a.k === 'object' && b.k === 'object') {
    if (a.props.size !== b.props.size) {
      return false;
    }
    for (const [k, v] of a.props) {
      const w = b.props.get(k);
      const eq = w ? valuesEqual(v, w, ignoreCase) : false;
      if (eq !== true) {
        return eq;
      }
    }
    return true;
  }
  return a.k === 'null';
}

/** A value parsed from a `--var name=value` string: JSON for arrays, objects, numbers and booleans, else the text. */
export function fromCliText(text: string): Value {
  const t = text.trim();
  if (t.startsWith('[') || t.startsWith('{') || t === 'true' || t === 'false' || /^-?\d+$/.test(t)) {
    try {
      return fromJson(JSON.parse(t));
    } catch {
      return str(text);
    }
  }
  return str(text);
}

/** A value from plain JSON. */
export function fromJson(j: unknown): Value {
  if (typeof j === 'string') {
    return str(j);
  }
  if (typeof j === 'number') {
    return { k: 'number', v: j };
  }
  if (typeof j === 'boolean') {
    return { k: 'bool', v: j };
  }
  if (Array.isArray(j)) {
    return { k: 'array', items: j.map(fromJson) };
  }
  if (j && typeof j === 'object') {
    return { k: 'object', props: new Map(Object.entries(j).map(([k, v]) => [k, fromJson(v)])) };
  }
  return { k: 'null' };
}

/** `value[index]`, ARM and Bicep alike: an array element or an object member (any case); null for Bicep's `?[]`. */
export function indexValue(obj: Value, idx: Value, safe: boolean, loc?: SourceLocation): Value {
  if (obj.k === 'unknown' || idx.k === 'unknown') {
    return obj.k === 'unknown' ? obj : idx;
  }
  const item =
    obj.k === 'array' && idx.k === 'number'
      ? obj.items[idx.v]
      : obj.k === 'object' && idx.k === 'string'
        ? getProp(obj, idx.v)
        : undefined;
  const missing =
    obj.k === 'array'
      ? 'the index is outside the array'
      : obj.k === 'object'
        ? `the property ${toText(idx)} is not set`
        : 'the value cannot be indexed';
  return item ?? (safe ? { k: 'null', loc } : unknown(missing, loc));
}
