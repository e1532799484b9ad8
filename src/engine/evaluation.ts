import type { ProvenanceStep } from './model';

/**
 * Conventions shared by every evaluator (Terraform, Bicep, ARM): one set of limits, one wording for a
 * value that evaluation gives up on, one way to add a provenance step. A value that would exceed a limit
 * becomes unknown with a reason, so that doubling chains of variables, huge loops or endless chains of
 * references in a hostile file can exhaust neither memory nor the stack.
 */

/** Characters in a string built by evaluation. */
export const MAX_STRING = 1_000_000;

/** Elements of a list or members of an object built by evaluation. */
export const MAX_ITEMS = 10_000;

/**
 * Nesting of one evaluation: expressions inside expressions, and references followed one through the
 * next (a variable set from a parameter set from a module input …). Beyond it the value is unknown.
 */
export const MAX_EVAL_DEPTH = 200;

/** The reason given for a value beyond MAX_EVAL_DEPTH; `through` names the reference where it stopped. */
export function tooDeep(through?: string): string {
  return through
    ? `the chain of references through ${through} is too long to evaluate`
    : 'the expression is nested too deeply to evaluate';
}

/** The reason given for a value beyond MAX_STRING or MAX_ITEMS. */
export function tooLarge(what: 'string' | 'array' | 'object' | 'list'): string {
  return `${what === 'array' || what === 'object' ? 'an' : 'a'} ${what} is too large to evaluate`;
}

/**
 * A provenance chain with `step` in front (steps are listed nearest to the use first). The chain given
 * is not changed: values share their chains.
 */
export function prependStep(step: ProvenanceStep, steps: readonly ProvenanceStep[] | undefined): ProvenanceStep[] {
  if (!steps || steps.length === 0) {
    return [step];
  }
  const out = new Array<ProvenanceStep>(steps.length + 1);
  out[0] = step;
  for (let i = 0; i < steps.length; i++) {
    out[i + 1] = steps[i];
  }
  return out;
}
