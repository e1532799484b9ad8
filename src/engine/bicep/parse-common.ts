/** What the Bicep parser's layers share: the depth bound, the failure signal and the statement keywords. */

/** Nesting of brackets, parentheses, braces and prefix operators beyond which a parse stops with an error. */
export const MAX_DEPTH = 256;

/** Thrown to abandon the current statement; the statement parser records it and resumes. */
export class ParseFailure {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: string,
  ) {}
}

/** Keywords that may start a top-level statement (used to resume after an error). */
export const STATEMENT_KEYWORDS = new Set([
  'targetScope',
  'metadata',
  'param',
  'var',
  'output',
  'resource',
  'module',
  'type',
  'func',
  'import',
  'extension',
  'provider',
  'using',
  'extends',
  'assert',
  'test',
]);
