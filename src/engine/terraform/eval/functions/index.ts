// Terraform's built-in functions, grouped as Terraform's documentation groups them. Each follows the
// behaviour documented for Terraform; where that cannot be matched exactly (a result too large, a number
// beyond double precision) the result is an unknown that says so, never an approximation. `try` and
// `can` need lazy arguments and live in the evaluator; the file-reading functions need the module
// directory and are in file-functions.ts. A function in none of them yields an unknown that names it, so
// an unsupported call never turns into a guess.
import { own } from '../../../own';
import { unknown, type Val } from '../values';
import { COLLECTION_FUNCTIONS } from './collections';
import { CONVERSION_FUNCTIONS } from './conversions';
import { ENCODING_FUNCTIONS } from './encoding';
import { NUMBER_FUNCTIONS } from './numbers';
import { PATH_FUNCTIONS } from './paths';
import { STRING_FUNCTIONS } from './strings';
import type { Fn } from './support';

export type { Fn } from './support';

const FUNCTIONS: Record<string, Fn> = {
  ...STRING_FUNCTIONS,
  ...COLLECTION_FUNCTIONS,
  ...NUMBER_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
  ...PATH_FUNCTIONS,
};

/** Calls a built-in function; unknown functions (and provider-defined `provider::` ones) yield an unknown. */
export function callFunction(name: string, args: Val[]): Val {
  const bare = name.startsWith('core::') ? name.slice(6) : name;
  const fn = own(FUNCTIONS, bare);
  if (!fn) {
    return unknown(`the function ${name}() is not evaluated statically`);
  }
  return fn(args);
}
