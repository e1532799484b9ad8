import { bool, list, map, nul, num, type Origin, str, unknown, type Val } from './values';

/** Deepest nesting of decoded JSON or YAML that is converted; deeper values are unknown. */
export const MAX_DECODED_DEPTH = 64;

/**
 * Where the parts of a decoded document are written, followed alongside the data (YAML read with
 * `file()`, see `yaml-decode.ts`); absent where positions are not known.
 */
export interface Locator {
  /** The origin of the value here, when it is a scalar with a known position. */
  origin(): Origin | undefined;
  /** The locator of an array item or an object member. */
  child(key: string | number): Locator | undefined;
}

/**
 * Decoded JSON or YAML data as a Terraform value. `what` names the decoding in reasons
 * (`jsondecode() of JSON`); too deep or not plain data gives an unknown that says so.
 */
export function fromData(v: unknown, what: string, depth = 0, at?: Locator): Val {
  if (depth > MAX_DECODED_DEPTH) {
    return unknown(`${what} nested deeper than ${MAX_DECODED_DEPTH} levels is not evaluated`);
  }
  if (v === null || v === undefined) {
    return nul(at?.origin());
  }
  switch (typeof v) {
    case 'string':
      return str(v, at?.origin());
    case 'number':
      return num(v, at?.origin());
    case 'boolean':
      return bool(v, at?.origin());
  }
  if (Array.isArray(v)) {
    return list(v.map((e, i) => fromData(e, what, depth + 1, at?.child(i))));
  }
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) {
    return unknown(`${what} that is not plain data is not evaluated`);
  }
  const entries = new Map<string, Val>();
  for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
    entries.set(k, fromData(e, what, depth + 1, at?.child(k)));
  }
  return map(entries);
}
