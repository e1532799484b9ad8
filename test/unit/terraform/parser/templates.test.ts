import * as assert from 'node:assert/strict';

import type { TemplatePart } from '../../../../src/engine/terraform/parser';
import { parseHcl } from '../../../../src/engine/terraform/parser';
import { as, attr, expr, parseOk, textOf } from './util';

/** Compact form of template parts for assertions. */
function shape(parts: TemplatePart[]): unknown[] {
  return parts.map((p) => {
    switch (p.kind) {
      case 'text':
        return p.value;
      case 'interpolation':
        return { i: p.expr.kind };
      case 'if':
        return { if: shape(p.then), else: p.else ? shape(p.else) : undefined };
      case 'for':
        return { for: p.valueVar, key: p.keyVar, body: shape(p.body) };
    }
  });
}

describe('HCL parser: templates', () => {
  it('gives plain one-line strings (the fast path) the same literal as the template scan', () => {
    for (const [src, value] of [
      ['"eu-west-1"', 'eu-west-1'],
      ['""', ''],
      ['"a b\tc"', 'a b\tc'],
      // Escapes, `$`, `%` and line ends take the template scan, with the same kind of result.
      ['"say \\"hi\\""', 'say "hi"'],
      ['"costs $5"', 'costs $5'],
      ['"100%"', '100%'],
      ['"$${x}"', '${x}'],
    ] as const) {
      const { e, text } = expr(src);
      const lit = as(e, 'literal');
      assert.equal(lit.value, value, src);
      assert.equal(lit.quoted, true, src);
      assert.equal(textOf(text, lit), src);
    }
    // What follows the string is parsed from the right place.
    const f = parseOk('a = "x"\nb = ["y", "z"]\n');
    assert.deepEqual(
      as(attr(f.body, 'b').expr, 'tuple').items.map((i) => as(i, 'literal').value),
      ['y', 'z'],
    );
    // An unterminated string is still reported.
    assert.match(
      parseHcl('a = "open\nb = 1\n')
        .errors.map((e) => e.message)
        .join(),
      /unterminated string/,
    );
  });

  it('parses interpolations with exact ranges', () => {
    const { e, text } = expr('"app-${var.env}-${local.n}!"');
    const t = as(e, 'template');
    assert.deepEqual(shape(t.parts), ['app-', { i: 'scopeTraversal' }, '-', { i: 'scopeTraversal' }, '!']);
    assert.equal(textOf(text, t.parts[1]), '${var.env}');
    assert.equal(textOf(text, t.parts[1].kind === 'interpolation' ? t.parts[1].expr : t), 'var.env');
    assert.equal(textOf(text, t.parts[0]), 'app-');
    assert.equal(textOf(text, t), '"app-${var.env}-${local.n}!"');
  });

  it('decodes escapes and literal $${ and %%{', () => {
    const { e } = expr('"a\\n\\t\\"\\\\ \\u00e9 \\U0001F600 $${x} %%{y}"');
    assert.equal(as(e, 'literal').value, 'a\n\t"\\ é 😀 ${x} %{y}');
    assert.equal(as(e, 'literal').quoted, true);
  });

  it('reports invalid escapes but keeps going', () => {
    const f = parseHcl('a = "x\\qy"\nb = 1\n');
    assert.equal(f.errors.length, 1);
    assert.match(f.errors[0].message, /invalid escape/);
    assert.equal(f.body.attributes.length, 2);
  });

  it('parses if and for directives with else', () => {
    const { e } = expr('"%{ if var.on }yes%{ else }no%{ endif } %{ for k, v in var.m }${k}=${v},%{ endfor }"');
    const t = as(e, 'template');
    assert.deepEqual(shape(t.parts), [
      { if: ['yes'], else: ['no'] },
      ' ',
      { for: 'v', key: 'k', body: [{ i: 'scopeTraversal' }, '=', { i: 'scopeTraversal' }, ','] },
    ]);
  });

  it('applies strip markers', () => {
    const { e } = expr('"a  ${~ "b" ~}  c %{~ if true ~}  d  %{~ endif ~} e"');
    const t = as(e, 'template');
    assert.deepEqual(shape(t.parts), ['a', { i: 'literal' }, 'c', { if: ['d'], else: undefined }, 'e']);
    const i = t.parts[1];
    assert.ok(i.kind === 'interpolation' && i.stripLeft && i.stripRight);
  });

  it('parses heredocs, keeping text verbatim (no escapes)', () => {
    const text = 'x = <<EOT\nline \\n one\n  ${var.a}\nEOT\ny = 1\n';
    const f = parseOk(text);
    const t = as(attr(f.body, 'x').expr, 'template');
    assert.deepEqual(t.heredoc, { marker: 'EOT', indented: false });
    assert.deepEqual(shape(t.parts), ['line \\n one\n  ', { i: 'scopeTraversal' }, '\n']);
    assert.equal(textOf(text, t), '<<EOT\nline \\n one\n  ${var.a}\nEOT');
    assert.equal(as(attr(f.body, 'y').expr, 'literal').value, 1);
  });

  it('removes common indentation from <<- heredocs, ignoring blank lines', () => {
    const text = 'x = <<-EOT\n    a\n\n      b\n    EOT\n';
    const lit = as(attr(parseOk(text).body, 'x').expr, 'literal');
    assert.equal(lit.value, 'a\n\n  b\n');
    assert.deepEqual(lit.heredoc, { marker: 'EOT', indented: true });
    const t = 'x = <<-EOT\n  ${a}\n    b\n  EOT\n';
    assert.deepEqual(shape(as(attr(parseOk(t).body, 'x').expr, 'template').parts), [
      { i: 'scopeTraversal' },
      '\n  b\n',
    ]);
    // A line starting with an interpolation has no indentation, so nothing is removed.
    const u = 'x = <<-EOT\n${a}\n    b\n  EOT\n';
    assert.deepEqual(shape(as(attr(parseOk(u).body, 'x').expr, 'template').parts), [
      { i: 'scopeTraversal' },
      '\n    b\n',
    ]);
  });

  it('parses heredocs with CRLF and an indented closing marker', () => {
    const text = 'x = <<-EOF\r\n  {"a": 1}\r\n  EOF\r\ny = 2\r\n';
    const f = parseOk(text);
    assert.equal(as(attr(f.body, 'x').expr, 'literal').value, '{"a": 1}\r\n');
    assert.equal(f.body.attributes.length, 2);
  });

  it('parses nested quotes inside interpolations', () => {
    const { e } = expr('"${lookup(var.m, "k", "${var.d}")}"');
    const t = as(e, 'template');
    const call = t.parts[0].kind === 'interpolation' ? as(t.parts[0].expr, 'functionCall') : undefined;
    assert.equal(call?.args.length, 3);
    assert.equal(call?.args[2].kind, 'template');
  });
});
