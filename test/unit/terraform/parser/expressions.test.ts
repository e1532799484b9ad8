import * as assert from 'node:assert/strict';

import { as, expr, rangeText, textOf } from './util';

describe('HCL parser: expressions', () => {
  it('parses literals: numbers with exponents, booleans, null', () => {
    for (const [src, value] of [
      ['42', 42],
      ['3.25', 3.25],
      ['1e3', 1000],
      ['2.5E-2', 0.025],
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      const { e, text } = expr(src);
      const lit = as(e, 'literal');
      assert.equal(lit.value, value);
      assert.equal(textOf(text, lit), src);
    }
    assert.equal(as(expr('12345678901234567890').e, 'literal').raw, '12345678901234567890');
  });

  it('parses scope traversals with attribute, index and legacy index steps', () => {
    const { e, text } = expr('aws_instance.web[0].tags["Name"].x.1.y');
    const t = as(e, 'scopeTraversal');
    assert.equal(t.root, 'aws_instance');
    assert.equal(rangeText(text, t.rootRange), 'aws_instance');
    assert.deepEqual(
      t.steps.map((s) => textOf(text, s)),
      ['.web', '[0]', '.tags', '["Name"]', '.x', '.1', '.y'],
    );
    const legacy = t.steps[5];
    assert.equal(legacy.kind, 'index');
    assert.ok(legacy.kind === 'index' && legacy.legacy && as(legacy.key, 'literal').value === 1);
    assert.equal(textOf(text, t), 'aws_instance.web[0].tags["Name"].x.1.y');
    // `a.0.1` lexes `0.1` as a number; it must still be two legacy steps.
    const two = as(expr('a.0.1').e, 'scopeTraversal');
    assert.deepEqual(
      two.steps.map((s) => s.kind === 'index' && as(s.key, 'literal').value),
      [0, 1],
    );
    const dyn = as(expr('local.m[var.k]').e, 'scopeTraversal');
    assert.equal(as(dyn.steps[1].kind === 'index' ? dyn.steps[1].key : dyn, 'scopeTraversal').root, 'var');
  });

  it('parses relative traversals on calls and parentheses', () => {
    const { e, text } = expr('element(var.l, 0).id[1]');
    const r = as(e, 'relativeTraversal');
    assert.equal(as(r.source, 'functionCall').name, 'element');
    assert.deepEqual(
      r.steps.map((s) => textOf(text, s)),
      ['.id', '[1]'],
    );
    assert.equal(textOf(text, r), 'element(var.l, 0).id[1]');
    const p = as(expr('(var.x).y').e, 'relativeTraversal');
    assert.equal(p.source.kind, 'parentheses');
  });

  it('parses function calls incl. provider-defined names and expansion', () => {
    const { e, text } = expr('provider::aws::arn_parse(var.arn)');
    const c = as(e, 'functionCall');
    assert.equal(c.name, 'provider::aws::arn_parse');
    assert.equal(rangeText(text, c.nameRange), 'provider::aws::arn_parse');
    assert.equal(c.args.length, 1);
    const m = as(expr('merge(\n  local.a,\n  var.list...\n)').e, 'functionCall');
    assert.equal(m.args.length, 2);
    assert.equal(m.expandFinal, true);
    const empty = as(expr('timestamp()').e, 'functionCall');
    assert.deepEqual(empty.args, []);
  });

  it('respects operator precedence and associativity', () => {
    const { e, text } = expr('a || b && c == d + e * -f');
    const or = as(e, 'binary');
    assert.equal(or.operator, '||');
    assert.equal(rangeText(text, or.operatorRange), '||');
    const and = as(or.right, 'binary');
    assert.equal(and.operator, '&&');
    const eq = as(and.right, 'binary');
    assert.equal(eq.operator, '==');
    const plus = as(eq.right, 'binary');
    assert.equal(plus.operator, '+');
    const times = as(plus.right, 'binary');
    assert.equal(times.operator, '*');
    assert.equal(as(times.right, 'unary').operator, '-');
    const minus = as(expr('a - b - c').e, 'binary');
    assert.equal(textOf(expr('a - b - c').text, minus.left), 'a - b');
    const cmp = as(expr('1 <= 2 != 3 > 4').e, 'binary');
    assert.equal(cmp.operator, '!=');
    assert.equal(as(expr('!true').e, 'unary').operator, '!');
  });

  it('parses conditionals, nesting to the right', () => {
    const { e, text } = expr('var.a ? "x" : var.b ? "y" : "z"');
    const c = as(e, 'conditional');
    assert.equal(textOf(text, c.condition), 'var.a');
    assert.equal(as(c.falseExpr, 'conditional').kind, 'conditional');
    assert.equal(textOf(text, c), 'var.a ? "x" : var.b ? "y" : "z"');
  });

  it('parses tuples and objects with all key and separator forms', () => {
    const t = expr('[1, "two",\n  three,\n]');
    const tuple = as(t.e, 'tuple');
    assert.equal(tuple.items.length, 3);
    assert.equal(textOf(t.text, tuple), '[1, "two",\n  three,\n]');
    const o = expr('{\n  a = 1\n  "b" = 2, c: 3\n  (var.k) = 4\n  "${var.p}-x" = 5\n}');
    const obj = as(o.e, 'object');
    assert.equal(obj.items.length, 5);
    assert.equal(as(obj.items[0].key, 'literal').value, 'a');
    assert.equal(obj.items[0].bareKey, true);
    assert.equal(as(obj.items[1].key, 'literal').value, 'b');
    assert.equal(obj.items[1].bareKey, false);
    assert.equal(as(obj.items[2].key, 'literal').value, 'c');
    assert.equal(obj.items[3].key.kind, 'parentheses');
    assert.equal(obj.items[4].key.kind, 'template');
    assert.equal(textOf(o.text, obj.items[1]), '"b" = 2');
    assert.equal(as(expr('{}').e, 'object').items.length, 0);
    const kw = as(expr('{ null = 1, true = 2 }').e, 'object');
    assert.deepEqual(
      kw.items.map((i) => [as(i.key, 'literal').value, i.bareKey]),
      [
        ['null', true],
        ['true', true],
      ],
    );
  });

  it('parses for expressions in tuple and object form', () => {
    const a = expr('[for s in var.list : upper(s) if s != ""]');
    const f = as(a.e, 'for');
    assert.equal(f.objectForm, false);
    assert.equal(f.valueVar, 's');
    assert.equal(f.keyVar, undefined);
    assert.equal(textOf(a.text, f.collection), 'var.list');
    assert.equal(textOf(a.text, f.valueExpr), 'upper(s)');
    assert.equal(textOf(a.text, f.condition!), 's != ""');
    const b = expr('{\n  for k, v in var.map :\n  v.name => k...\n}');
    const g = as(b.e, 'for');
    assert.equal(g.objectForm, true);
    assert.equal(g.keyVar, 'k');
    assert.equal(g.valueVar, 'v');
    assert.equal(textOf(b.text, g.keyExpr!), 'v.name');
    assert.equal(g.grouping, true);
    // `for` not followed by a name is an ordinary variable.
    assert.equal(as(as(expr('[for]').e, 'tuple').items[0], 'scopeTraversal').root, 'for');
  });

  it('parses attribute and full splats', () => {
    const a = expr('aws_instance.web.*.id');
    const s = as(a.e, 'splat');
    assert.equal(s.full, false);
    assert.equal(textOf(a.text, s.source), 'aws_instance.web');
    assert.deepEqual(
      s.steps.map((x) => textOf(a.text, x)),
      ['.id'],
    );
    const b = expr('var.list[*].tags["x"]');
    const f = as(b.e, 'splat');
    assert.equal(f.full, true);
    assert.deepEqual(
      f.steps.map((x) => textOf(b.text, x)),
      ['.tags', '["x"]'],
    );
    assert.equal(textOf(b.text, f), 'var.list[*].tags["x"]');
    // An index after an attribute splat applies to the result.
    const c = as(expr('a.*.b[0]').e, 'relativeTraversal');
    assert.equal(c.source.kind, 'splat');
  });

  it('parses parentheses across newlines', () => {
    const { e, text } = expr('(\n  1 +\n  2\n)');
    const p = as(e, 'parentheses');
    assert.equal(as(p.expr, 'binary').operator, '+');
    assert.equal(textOf(text, p), '(\n  1 +\n  2\n)');
  });
});
