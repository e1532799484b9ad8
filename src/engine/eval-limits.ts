/**
 * Size limits shared by every evaluator (Terraform, Bicep, ARM): a value built by evaluation that would
 * exceed them becomes unknown ("too large to evaluate"), so that doubling chains of variables or huge
 * loops in a hostile file cannot exhaust memory.
 */

/** Characters in a string built by evaluation. */
export const MAX_STRING = 1_000_000;

/** Elements of a list or members of an object built by evaluation. */
export const MAX_ITEMS = 10_000;
