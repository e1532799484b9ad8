import * as assert from 'node:assert/strict';

import * as fc from 'fast-check';

import type {
  Attribute,
  Block,
  Body,
  Expression,
  File,
  NodeBase,
  SourceRange,
} from '../../../../src/engine/terraform/parser';
import { parseHcl } from '../../../../src/engine/terraform/parser';

/** Parses and asserts there were no errors. */
export function parseOk(text: string): File {
  const f = parseHcl(text);
  assert.deepEqual(
    f.errors.map((e) => e.message),
    [],
    'unexpected parse errors',
  );
  return f;
}

export function attr(body: Body, name: string): Attribute {
  const a = body.attributes.find((x) => x.name === name);
  assert.ok(a, `attribute ${name} not found`);
  return a;
}

/** A body's attributes and blocks together, in source order. */
export function items(body: Body): Array<Attribute | Block> {
  return [...body.attributes, ...body.blocks].sort((a, b) => a.offset - b.offset);
}

export function block(body: Body, type: string, index = 0): Block {
  const b = body.blocks.filter((x) => x.type === type)[index];
  assert.ok(b, `block ${type} #${index} not found`);
  return b;
}

/** The expression of attribute `name` in a one-attribute document `name = <src>`. */
export function expr(src: string): { e: Expression; text: string } {
  const text = `x = ${src}\n`;
  return { e: attr(parseOk(text).body, 'x').expr, text };
}

/** Source text covered by a node, checking that its offsets and its range agree. */
export function textOf(text: string, node: NodeBase): string {
  assert.deepEqual(node.range.start, positionAt(text, node.offset), 'range.start does not match offset');
  assert.deepEqual(node.range.end, positionAt(text, node.endOffset), 'range.end does not match endOffset');
  return text.slice(node.offset, node.endOffset);
}

/** Source text covered by a bare range. */
export function rangeText(text: string, range: SourceRange): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text: string, p: { line: number; character: number }): number {
  let off = 0;
  for (let l = 0; l < p.line; l++) {
    off = text.indexOf('\n', off) + 1;
  }
  return off + p.character;
}

/** Narrows an expression to one kind or fails. */
export function as<K extends Expression['kind']>(e: Expression, kind: K): Extract<Expression, { kind: K }> {
  assert.equal(e.kind, kind);
  return e as Extract<Expression, { kind: K }>;
}

/** Small documents that cover most of the grammar (each parses without errors). */
export const SNIPPETS = [
  'resource "aws_s3_bucket" "b" {\n  bucket = "x-${var.env}"\n  tags = { Name = "n", b: 2 }\n}\n',
  'variable "region" {\n  type    = string\n  default = "eu-west-1"\n}\n',
  'locals {\n  m = { for k, v in var.m : k => upper(v)... if v != null }\n  l = [for s in var.l : s]\n}\n',
  'output "o" {\n  value = aws_instance.web[*].id\n}\n',
  'x = <<-EOT\n  a ${b}\n  %{ if c ~}d%{ else }e%{ endif }\n  EOT\n',
  'y = a ? b.c[0] : (d + -e * f) / 2 % 3 >= 4 && !g || h\n',
  'provider "aws" {\n  alias  = "eu"\n  region = provider::x::f(a, [1, 2]...)\n}\n',
  '# c\n// d\n/* e */\nz = "\\u00e9\\n$${x}%%{y}"\r\n',
];

/** Inserts, deletes or replaces characters of `base` at random places. */
export const mutated = fc
  .tuple(
    fc.constantFrom(...SNIPPETS),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(3),
        fc.constantFrom(
          '{',
          '}',
          '[',
          ']',
          '(',
          ')',
          '"',
          '${',
          '%{',
          '~',
          '\n',
          '<<EOF\n',
          '#',
          '/*',
          '\\',
          '=',
          ',',
          '.',
          '*',
          'é',
          '😀',
          ' ',
          '',
        ),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([base, edits]) => {
    let s = base;
    for (const [pos, del, ins] of edits) {
      const i = pos % (s.length + 1);
      s = s.slice(0, i) + ins + s.slice(i + del);
    }
    return s;
  });
