import type { ProvenanceStep, SourceLocation } from '../model';

/** Where a value was written and the references followed to reach it (nearest to the use first). */
export interface Meta {
  at?: SourceLocation;
  via?: ProvenanceStep[];
  /** On the unknown id `resourceId('Microsoft.Sql/servers', 'a')` gives: the type and name it names. */
  names?: { type: string; name: string };
}

/** A template value during evaluation; `unk` is a value known only at deployment, with the reason. */
export type Val = (
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'null' }
  | { k: 'arr'; items: Val[] }
  | { k: 'obj'; props: Map<string, Val> }
  | { k: 'unk'; reason: string }
) &
  Meta;

/** Results bigger than this become unknown, so that doubling concatenations cannot exhaust memory. */
export const MAX_STRING = 65536;
export const MAX_ITEMS = 10000;

export function str(v: string, at?: SourceLocation): Val {
  return v.length > MAX_STRING ? unk('a value is too large to evaluate') : { k: 'str', v, at };
}

export function unk(reason: string, at?: SourceLocation): Val {
  return { k: 'unk', reason, at };
}

/** Adds a provenance step in front of a value's chain (the value keeps where it was written). */
export function via(val: Val, step: ProvenanceStep): Val {
  return { ...val, via: [step, ...(val.via ?? [])] };
}

/** The first unknown among `vals`, which decides an operation that needs all of them. */
export function firstUnknown(vals: Val[]): Val | undefined {
  return vals.find((v) => v.k === 'unk');
}

/** Plain JSON for display and comparisons (unknowns become undefined). */
export function toPlain(val: Val): unknown {
  switch (val.k) {
    case 'str':
    case 'num':
    case 'bool':
      return val.v;
    case 'null':
      return null;
    case 'arr':
      return val.items.map(toPlain);
    case 'obj':
      return Object.fromEntries([...val.props].map(([k, v]) => [k, toPlain(v)]));
    case 'unk':
      return undefined;
  }
}

/** ARM's string() conversion. */
export function asString(val: Val | undefined): string | undefined {
  switch (val?.k) {
    case 'str':
      return val.v;
    case 'num':
    case 'bool':
      return String(val.v);
    case 'null':
      return '';
    case 'arr':
    case 'obj': {
      const s = JSON.stringify(toPlain(val));
      return s.length > MAX_STRING ? undefined : s;
    }
    default:
      return undefined;
  }
}

export function truthy(val: Val): boolean | undefined {
  if (val.k === 'bool') {
    return val.v;
  }
  if (val.k === 'str') {
    const s = val.v.toLowerCase();
    return s === 'true' ? true : s === 'false' ? false : undefined;
  }
  return undefined;
}

/** Case-insensitive property access, as ARM does. */
export function getProp(val: Val, name: string): Val | undefined {
  return val.k === 'obj' ? val.props.get(name.toLowerCase()) : undefined;
}

export function equalVals(a: Val, b: Val): boolean {
  return JSON.stringify(toPlain(a)) === JSON.stringify(toPlain(b));
}
