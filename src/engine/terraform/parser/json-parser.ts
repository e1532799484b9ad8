import { type Node as JsonNode, type ParseError as JsonParseError, printParseErrorCode } from 'jsonc-parser';

import { readJsonTree } from '../../text/json-guard';
import { LineMap } from '../../text/line-map';
import type { Attribute, Block, BlockLabel, Body, Expression, File, NodeBase, ObjectItem } from './ast';
import { type JsonSchema, TERRAFORM_JSON_SCHEMA } from './json-schema';
import { HclNode } from './nodes';
import { MAX_DEPTH, ParserState } from './state';
import { parseBareTemplate } from './templates';

export type { JsonBlockSchema, JsonSchema } from './json-schema';
export { TERRAFORM_JSON_SCHEMA } from './json-schema';

/** `config`: `.tf.json`/`.tofu.json`; `tfvars`: `.tfvars.json` (every top-level key is an attribute). */
export type JsonKind = 'config' | 'tfvars';

const JSON_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected end of file',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  InvalidUnicode: 'invalid Unicode escape',
  InvalidEscapeCharacter: 'invalid escape sequence',
  InvalidCharacter: 'invalid character in string',
};

/** Parses HCL JSON (`.tf.json`, `.tfvars.json`) with the Terraform schema. Never throws. */
export function parseHclJson(text: string, kind: JsonKind): File {
  return parseHclJsonWithSchema(text, kind === 'tfvars' ? {} : TERRAFORM_JSON_SCHEMA);
}

/**
 * Parses HCL JSON: keys listed in `schema` are blocks (labels nest as object keys, arrays give
 * several blocks), everything else is an attribute; strings are templates (`"${var.x}"`).
 */
export function parseHclJsonWithSchema(text: string, schema: JsonSchema): File {
  const lines = new LineMap(text);
  const mapper = new JsonMapper(text, lines);
  try {
    return mapper.file(schema);
  } catch (e) {
    mapper.error(`internal parser error: ${e instanceof Error ? e.message : String(e)}`, 0, 0);
    return { body: mapper.emptyBody(0, 0), errors: mapper.errors };
  }
}

class JsonMapper {
  readonly errors: File['errors'] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineMap,
  ) {}

  error(message: string, start: number, end: number): void {
    // jsonc-parser reports errors at the end of input one character past it; keep ranges in the document.
    const max = this.text.length;
    const s = Math.min(start, max);
    this.errors.push({ message, range: this.lines.range(s, Math.min(Math.max(s, end), max)) });
  }

  private loc(start: number, end: number): NodeBase {
    return { range: this.lines.range(start, end), offset: start, endOffset: end };
  }

  private locOf(n: JsonNode): NodeBase {
    return this.loc(n.offset, n.offset + n.length);
  }

  emptyBody(start: number, end: number): Body {
    return { kind: 'body', attributes: [], blocks: [], ...this.loc(start, end) };
  }

  file(schema: JsonSchema): File {
    const text = this.text;
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const jsonErrors: JsonParseError[] = [];
    const { root, tooDeepAt } = readJsonTree(
      text,
      MAX_DEPTH,
      { allowTrailingComma: true, disallowComments: false },
      jsonErrors,
    );
    if (tooDeepAt !== undefined) {
      this.error(`nesting too deep (more than ${MAX_DEPTH} levels)`, start, start + 1);
      return { body: this.emptyBody(start, text.length), errors: this.errors };
    }
    for (const e of jsonErrors) {
      this.error(JSON_MESSAGES[printParseErrorCode(e.error)] ?? 'invalid JSON', e.offset, e.offset + e.length);
    }
    const body = this.emptyBody(start, text.length);
    if (!root) {
      return { body, errors: this.errors };
    }
    if (root.type !== 'object') {
      this.error('expected a JSON object at the top level', root.offset, root.offset + root.length);
      return { body, errors: this.errors };
    }
    this.fillBody(body, root, schema);
    return { body, errors: this.errors };
  }

  /** Adds the properties of object `obj` to `body` per `schema`. */
  private fillBody(body: Body, obj: JsonNode, schema: JsonSchema): void {
    for (const prop of obj.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || typeof keyNode.value !== 'string') {
        continue;
      }
      const key = keyNode.value;
      if (key === '//') {
        continue;
      }
      const blockSchema = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
      if (!valueNode) {
        continue;
      }
      if (blockSchema) {
        this.addBlocks(body, prop, keyNode, valueNode, [], blockSchema.labels, blockSchema.blocks ?? {});
        continue;
      }
      const attr: Attribute = {
        kind: 'attribute',
        name: key,
        nameRange: this.locOf(keyNode).range,
        expr: this.expression(valueNode),
        ...this.locOf(prop),
      };
      body.attributes.push(attr);
    }
  }

  /** Walks label levels (object keys) down to block bodies; arrays yield one block per element. */
  private addBlocks(
    body: Body,
    prop: JsonNode,
    typeNode: JsonNode,
    value: JsonNode,
    labels: BlockLabel[],
    remaining: number,
    nested: JsonSchema,
  ): void {
    if (value.type === 'array') {
      for (const el of value.children ?? []) {
        this.addBlocks(body, prop, typeNode, el, labels, remaining, nested);
      }
      return;
    }
    if (value.type !== 'object') {
      this.error(`expected a JSON object for the "${typeNode.value}" block`, value.offset, value.offset + value.length);
      return;
    }
    if (remaining > 0) {
      for (const p of value.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v && typeof k.value === 'string' && k.value !== '//') {
          const label: BlockLabel = { value: k.value, range: this.locOf(k).range, quoted: true };
          this.addBlocks(body, prop, typeNode, v, [...labels, label], remaining - 1, nested);
        }
      }
      return;
    }
    const blockBody = this.emptyBody(value.offset, value.offset + value.length);
    this.fillBody(blockBody, value, nested);
    const block: Block = {
      kind: 'block',
      type: String(typeNode.value),
      typeRange: this.locOf(typeNode).range,
      labels,
      body: blockBody,
      ...this.loc(prop.offset, value.offset + value.length),
    };
    body.blocks.push(block);
  }

  /** Maps a JSON value to an expression; strings are parsed as templates. */
  private expression(n: JsonNode): Expression {
    const base = this.locOf(n);
    switch (n.type) {
      case 'string':
        return this.stringExpression(n);
      case 'number':
        return {
          kind: 'literal',
          value: n.value as number,
          raw: this.text.slice(n.offset, n.offset + n.length),
          ...base,
        };
      case 'boolean':
        return { kind: 'literal', value: n.value as boolean, ...base };
      case 'null':
        return { kind: 'literal', value: null, ...base };
      case 'array':
        return { kind: 'tuple', items: (n.children ?? []).map((c) => this.expression(c)), ...base };
      case 'object': {
        const items: ObjectItem[] = [];
        for (const p of n.children ?? []) {
          const [k, v] = p.children ?? [];
          if (k && v) {
            const key: Expression = { kind: 'literal', value: String(k.value), quoted: true, ...this.locOf(k) };
            items.push({ key, value: this.expression(v), bareKey: false, ...this.locOf(p) });
          }
        }
        return { kind: 'object', items, ...base };
      }
      default:
        return { kind: 'invalid', ...base };
    }
  }

  private stringExpression(n: JsonNode): Expression {
    const value = typeof n.value === 'string' ? n.value : '';
    const base = this.locOf(n);
    if (value.indexOf('${') === -1 && value.indexOf('%{') === -1) {
      return { kind: 'literal', value, quoted: true, ...base };
    }
    const start = n.offset + 1;
    const end = n.offset + n.length - 1;
    if (this.text.indexOf('\\', start) === -1 || this.text.indexOf('\\', start) >= end) {
      // No escapes: the template's ranges are exact positions inside the JSON string.
      const p = new ParserState(this.text, { start, end, lines: this.lines });
      const expr = parseBareTemplate(p);
      this.errors.push(...p.errors);
      return expr;
    }
    // Escapes shift offsets; parse the decoded value and give every node the string's range (the
    // nodes compute ranges from offsets through the JSON file's line map).
    const p = new ParserState(value, { lines: this.lines });
    const expr = parseBareTemplate(p);
    for (const e of p.errors) {
      this.errors.push({ message: e.message, range: base.range });
    }
    relocate(expr, base, 0);
    return expr;
  }
}

/** Sets the location of `node` and every node below it to `base`. */
function relocate(node: unknown, base: NodeBase, depth: number): void {
  if (depth > 4 * MAX_DEPTH || node === null || typeof node !== 'object') {
    return;
  }
  if (Array.isArray(node)) {
    for (const n of node) {
      relocate(n, base, depth + 1);
    }
    return;
  }
  const rec = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(rec)) {
    if (k.endsWith('ange') || k === 'offset' || k === 'endOffset' || k === 'lines') {
      continue;
    }
    relocate(v, base, depth + 1);
  }
  if ('offset' in rec) {
    if (!(rec instanceof HclNode)) {
      rec.range = base.range;
    }
    rec.offset = base.offset;
    rec.endOffset = base.endOffset;
    // Native nodes compute these ranges from offsets: moved to cover the base as well.
    for (const [k, to] of [
      ['nameEnd', base.endOffset],
      ['operatorOffset', base.offset],
      ['operatorEnd', base.endOffset],
    ] as const) {
      if (Object.prototype.hasOwnProperty.call(rec, k)) {
        rec[k] = to;
      }
    }
    for (const k of ['nameRange', 'rootRange', 'operatorRange']) {
      // Own fields only: native nodes compute some of these from the offsets just moved.
      if (Object.prototype.hasOwnProperty.call(rec, k)) {
        rec[k] = base.range;
      }
    }
  }
}
