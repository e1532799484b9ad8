/**
 * HCL parsing for Terraform/OpenTofu: native syntax (`.tf`, `.tofu`, `.tfvars`) and the JSON
 * mapping (`.tf.json`, `.tofu.json`, `.tfvars.json`). Both entry points are error tolerant and never
 * throw: syntax errors are returned in `File.errors` next to whatever could be parsed.
 */
import type { Expression, File, ParseError } from './ast';
import { parseFile } from './body';
import { ParserState } from './state';
import { parseBareTemplate } from './templates';

export * from './ast';
export { literalString, type LiteralValue, literalValue, traversalToPath } from './helpers';
export {
  type JsonBlockSchema,
  type JsonKind,
  type JsonSchema,
  parseHclJson,
  parseHclJsonWithSchema,
  TERRAFORM_JSON_SCHEMA,
} from './json-parser';

/** Options for {@link parseHcl}. */
export interface ParseHclOptions {
  /**
   * Build every attribute's expression at once. By default an expression that parsed without an error
   * is parsed again when its attribute's `expr` is first read: the same tree, built only if needed.
   */
  eagerExpressions?: boolean;
}

/**
 * Parses a whole text as an HCL template (what Terraform's `templatefile` renders): `${...}` and
 * `%{...}` in plain text. Never throws; syntax errors are returned beside the expression.
 */
export function parseTemplateText(text: string): { expr: Expression; errors: ParseError[] } {
  try {
    const p = new ParserState(text);
    const expr = parseBareTemplate(p);
    return { expr, errors: p.errors };
  } catch (e) {
    const zero = { line: 0, character: 0 };
    const message = `internal parser error: ${e instanceof Error ? e.message : String(e)}`;
    return {
      expr: { kind: 'literal', value: '', offset: 0, endOffset: 0, range: { start: zero, end: zero } },
      errors: [{ message, range: { start: zero, end: zero } }],
    };
  }
}

/** Parses HCL native syntax. Never throws. */
export function parseHcl(text: string, options?: ParseHclOptions): File {
  try {
    return parseFile(new ParserState(text, { lazyExpressions: options?.eagerExpressions !== true }));
  } catch (e) {
    // Defensive: a parser bug must not take the caller down; report it as a file-level error.
    const message = `internal parser error: ${e instanceof Error ? e.message : String(e)}`;
    const zero = { line: 0, character: 0 };
    return {
      body: {
        kind: 'body',
        attributes: [],
        blocks: [],
        range: { start: zero, end: zero },
        offset: 0,
        endOffset: 0,
      },
      errors: [{ message, range: { start: zero, end: zero } }],
    };
  }
}
