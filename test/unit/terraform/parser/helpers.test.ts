import * as assert from 'node:assert/strict';

import { literalString, literalValue, traversalToPath } from '../../../../src/engine/terraform/parser';
import { expr } from './util';

describe('HCL parser: helpers', () => {
  it('traversalToPath returns static paths only', () => {
    assert.deepEqual(traversalToPath(expr('var.region').e), ['var', 'region']);
    assert.deepEqual(traversalToPath(expr('local.m["a"][0].b').e), ['local', 'm', 'a', 0, 'b']);
    assert.deepEqual(traversalToPath(expr('"${var.x}"').e), ['var', 'x']);
    assert.deepEqual(traversalToPath(expr('(module.m.out)').e), ['module', 'm', 'out']);
    assert.equal(traversalToPath(expr('local.m[var.k]').e), undefined);
    assert.equal(traversalToPath(expr('"a-${var.x}"').e), undefined);
    assert.equal(traversalToPath(expr('f(x)').e), undefined);
  });

  it('literalString reads quoted strings and heredocs', () => {
    assert.equal(literalString(expr('"eu-west-1"').e), 'eu-west-1');
    assert.equal(literalString(expr('<<EOT\nabc\nEOT').e), 'abc\n');
    assert.equal(literalString(expr('1').e), undefined);
    assert.equal(literalString(expr('"${x}"').e), undefined);
  });

  it('literalValue folds literal tuples and objects', () => {
    assert.deepEqual(literalValue(expr('{ a = [1, -2, "x"], "b" = { c = null } }').e), {
      a: [1, -2, 'x'],
      b: { c: null },
    });
    assert.equal(literalValue(expr('[var.x]').e), undefined);
  });

  it('literalValue keeps a key named __proto__ as an entry', () => {
    const v = literalValue(expr('{ "__proto__" = { polluted = true }, a = 1 }').e) as Record<string, unknown>;
    assert.deepEqual(Object.keys(v), ['__proto__', 'a']);
    assert.deepEqual(v['__proto__'], { polluted: true });
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
  });
});
