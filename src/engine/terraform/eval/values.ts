import { prependStep } from '../../evaluation';
import type { ProvenanceStep, SourceLocation } from '../../model';

/**
 * Where a value came from: the chain of steps (nearest to the use first) and, for values written
 * as literals, the location of that literal (so that a diagnostic can land on it).
 */
export interface Origin {
  steps: ProvenanceStep[];
  loc?: SourceLocation;
  /** Set by `file()` only: this string is the whole text of that file, so positions in it are the file's. */
  source?: string;
}

/**
 * A Terraform value as far as static evaluation can tell. Collections hold values, so an element
 * picked out of a map keeps the location of its own literal. `unknown` carries the reason; `error`
 * marks an unknown that Terraform itself would reject (missing key, bad index), which `try` skips.
 */
export type Val =
  | { t: 'str'; v: string; o: Origin }
  | { t: 'num'; v: number; o: Origin }
  | { t: 'bool'; v: boolean; o: Origin }
  | { t: 'null'; o: Origin }
  | { t: 'list'; items: Val[]; o: Origin }
  | { t: 'map'; entries: Map<string, Val>; o: Origin }
  | { t: 'unknown'; reason: string; error?: boolean; of?: ResourceRef; o: Origin };

export type Unknown = Extract<Val, { t: 'unknown' }>;

/**
 * The resource instance whose attribute an unknown value is (`aws_db_instance.this[0].arn`, known only
 * after apply), kept through variables and module outputs so that copy rules can tell which resource
 * another module's argument names. Opaque here: the module instance and declaration are compared by
 * identity only.
 */
export interface ResourceRef {
  inst: object;
  decl: object;
  key: string | undefined;
}

const NO_ORIGIN: Origin = { steps: [] };

export function str(v: string, o: Origin = NO_ORIGIN): Val {
  return { t: 'str', v, o };
}

export function num(v: number, o: Origin = NO_ORIGIN): Val {
  return { t: 'num', v, o };
}

export function bool(v: boolean, o: Origin = NO_ORIGIN): Val {
  return { t: 'bool', v, o };
}

export function nul(o: Origin = NO_ORIGIN): Val {
  return { t: 'null', o };
}

export function list(items: Val[], o: Origin = NO_ORIGIN): Val {
  return { t: 'list', items, o };
}

export function map(entries: Map<string, Val>, o: Origin = NO_ORIGIN): Val {
  return { t: 'map', entries, o };
}

export function unknown(reason: string, o: Origin = NO_ORIGIN): Unknown {
  return { t: 'unknown', reason, o };
}

/**
 * An unknown whose reason is `lead` followed by why `inner` is not known, said once: a `for_each` that
 * reads another resource whose `for_each` is not known reads "for_each is not known statically: ..." once,
 * not once per resource in the chain.
 */
export function unknownBecause(lead: string, inner: string): Unknown {
  return unknown(inner.startsWith(lead) ? inner : `${lead}${inner}`);
}

/** An unknown that Terraform would report as an error (so `try` and `can` treat it as a failure). */
export function failure(reason: string): Unknown {
  return { t: 'unknown', reason, error: true, o: NO_ORIGIN };
}

/** The same value with `step` added in front of its provenance chain. */
export function withStep(v: Val, step: ProvenanceStep): Val {
  return withOrigin(v, { steps: prependStep(step, v.o.steps), loc: v.o.loc });
}

/**
 * The same value with another origin (used when a function derives a value from an argument). Built
 * field by field: this runs for every reference evaluated, and an object spread was several times slower.
 */
export function withOrigin(v: Val, o: Origin): Val {
  switch (v.t) {
    case 'str':
      return { t: 'str', v: v.v, o };
    case 'num':
      return { t: 'num', v: v.v, o };
    case 'bool':
      return { t: 'bool', v: v.v, o };
    case 'null':
      return { t: 'null', o };
    case 'list':
      return { t: 'list', items: v.items, o };
    case 'map':
      return { t: 'map', entries: v.entries, o };
    case 'unknown':
      if (v.error) {
        return { t: 'unknown', reason: v.reason, error: true, o };
      }
      return v.of ? { t: 'unknown', reason: v.reason, of: v.of, o } : { t: 'unknown', reason: v.reason, o };
  }
}

/** The origin of a derived value: that of the first argument carrying any provenance. */
export function originOf(args: Val[]): Origin {
  for (const a of args) {
    if (a.o.steps.length > 0 || a.o.loc) {
      return a.o;
    }
  }
  return NO_ORIGIN;
}

/** The first unknown among `args`, if any. */
export function firstUnknown(args: Val[]): Unknown | undefined {
  return args.find((a): a is Unknown => a.t === 'unknown');
}

/** A string form for keys, template interpolation and comparison; undefined for collections and unknowns. */
export function asString(v: Val): string | undefined {
  switch (v.t) {
    case 'str':
      return v.v;
    case 'num':
      return String(v.v);
    case 'bool':
      return v.v ? 'true' : 'false';
    default:
      return undefined;
  }
}

/** Structural equality of known values (Terraform `==`); undefined when either side is unknown. */
export function equals(a: Val, b: Val): boolean | undefined {
  if (a.t === 'unknown' || b.t === 'unknown') {
    return undefined;
  }
  if (a.t === 'null' || b.t === 'null') {
    return a.t === b.t;
  }
  if (a.t === 'list' && b.t === 'list') {
    if (a.items.length !== b.items.length) {
      return false;
    }
    for (let i = 0; i < a.items.length; i++) {
      const e = equals(a.items[i], b.items[i]);
      if (e !== true) {
        return e;
      }
    }
    return true;
  }
  if (a.t === 'map' && b.t === 'map') {
    if (a.entries.size !== b.entries.size) {
      return false;
    }
    for (const [k, av] of a.entries) {
      const bv = b.entries.get(k);
      if (!bv) {
        return false;
      }
      const e = equals(av, bv);
      if (e !== true) {
        return e;
      }
    }
    return true;
  }
  if (a.t !== b.t) {
    // Terraform converts between primitive types before comparing only in some contexts; `"1" == 1` is false.
    return false;
  }
  return asString(a) === asString(b);
}

/** Plain JSON-like rendering for messages and instance keys. */
export function render(v: Val): string {
  switch (v.t) {
    case 'str':
      return v.v;
    case 'num':
    case 'bool':
      return String(v.v);
    case 'null':
      return 'null';
    case 'list':
      return `[${v.items.map(render).join(', ')}]`;
    case 'map':
      return `{${[...v.entries].map(([k, e]) => `${k} = ${render(e)}`).join(', ')}}`;
    case 'unknown':
      return '(unknown)';
  }
}

/** An element taken out of a collection: the collection's provenance leads to it, then the element's own. */
export function inherit(container: Val, element: Val): Val {
  if (container.o.steps.length === 0) {
    return element;
  }
  return withOrigin(element, { steps: [...container.o.steps, ...element.o.steps], loc: element.o.loc });
}
