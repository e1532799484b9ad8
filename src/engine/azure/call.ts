import type { SourceLocation } from '../model';
import { firstUnknown, type Value, withProvenance } from './value';

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
  resourceGroup: () => Value;
  /** `deployment()`: its location when known, else unknown with the reason. */
  deployment: () => Value;
}

export type Fn = (args: Arg[], ctx: CallContext, at: SourceLocation | undefined) => Value;

/** Applies `f` to fully known arguments; the first unknown argument decides otherwise. */
export function strict(f: (vals: Value[], at?: SourceLocation) => Value): Fn {
  return (args, _ctx, at) => {
    const vals = args.map((a) => a());
    return firstUnknown(vals) ?? f(vals, at);
  };
}

/** The result with the provenance (and, for a string, the literal's location) of the value it derives from. */
export function carry(result: Value, from: Value | undefined): Value {
  return from?.prov || (result.k === 'string' && from?.loc)
    ? withProvenance(result, from.prov, result.k === 'string' ? (from.loc ?? result.loc) : result.loc)
    : result;
}

/** A number, or a string that holds one (ARM converts). */
export function toNumber(v: Value | undefined): number | undefined {
  if (v?.k === 'number') {
    return v.v;
  }
  return v?.k === 'string' && v.v.trim() !== '' && !isNaN(Number(v.v)) ? Number(v.v) : undefined;
}
