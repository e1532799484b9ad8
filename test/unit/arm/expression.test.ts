import assert from 'node:assert/strict';

import { evalString, type Scope, unitBudget } from '../../../src/engine/arm/evaluate';
import { isExpression, parseExpression } from '../../../src/engine/arm/expression';
import { str, toPlain, unknown, type Value } from '../../../src/engine/azure/value';

function scope(params: Record<string, Value> = {}): Scope {
  return {
    parameter: (n) => params[n] ?? unknown(`parameter '${n}' has no value`),
    variable: (n) => unknown(`variable '${n}' is not declared`),
    loops: [{ name: 'loop', index: 2 }],
    resourceGroup: () => ({ k: 'object', props: new Map([['location', unknown('resource group location')]]) }),
    deployment: () => unknown('deployment'),
    budget: unitBudget(10000),
  };
}

function run(src: string, params?: Record<string, Value>): unknown {
  const v = evalString(src, scope(params));
  return v.k === 'unknown' ? `?${v.reason}` : toPlain(v);
}

describe('ARM expressions', () => {
  it('recognises expressions and the [[ escape', () => {
    assert.equal(isExpression("[parameters('x')]"), true);
    assert.equal(isExpression('[[literal]'), false);
    assert.equal(isExpression('plain'), false);
    assert.equal(run('[[literal]'), '[literal]');
  });

  it('evaluates the functions that decide locations', () => {
    const p = { loc: str('WestEurope'), list: { k: 'array', items: [str('a'), str('b'), str('c')] } as Value };
    assert.equal(run("[toLower(parameters('loc'))]", p), 'westeurope');
    assert.equal(run("[toUpper('x')]"), 'X');
    assert.equal(run("[concat('north', 'europe')]"), 'northeurope');
    assert.equal(run("[format('{0}-{1}{{x}}', 'a', 1)]"), 'a-1{x}');
    assert.equal(run("[if(equals(1, 1), 'yes', 'no')]"), 'yes');
    assert.equal(run("[coalesce(null(), null(), 'z')]"), 'z');
    assert.equal(run("[first(parameters('list'))]", p), 'a');
    assert.equal(run("[last(parameters('list'))]", p), 'c');
    assert.equal(run("[parameters('list')[copyIndex()]]", p), 'c');
    assert.equal(run("[parameters('list')[copyIndex('loop', -1)]]", p), 'b');
    assert.equal(run("[string(length(parameters('list')))]", p), '3');
    assert.equal(run("[createObject('a', 'x').a]"), 'x');
    assert.equal(run("[createObject('a', 'x')['A']]"), 'x');
    assert.equal(run("['it''s']"), "it's");
  });

  it('keeps the reason of unknown values', () => {
    assert.equal(run('[resourceGroup().location]'), '?resource group location');
    assert.equal(run("[toLower(parameters('nope'))]"), "?parameter 'nope' has no value");
    assert.match(String(run("[reference('x').location]")), /reference\(\)/);
    assert.match(String(run("[parameters('x']")), /cannot be parsed/);
    assert.equal(run("[parameters('x'"), "[parameters('x'");
  });

  it('parses nested calls and rejects garbage without throwing', () => {
    assert.equal(parseExpression("a.b(c(), 'd')[0].e").ok, true);
    for (const bad of ['', '(', "'", 'a(', 'a(,)', 'a()]', '1 2', 'a(b)..c', '#']) {
      assert.equal(parseExpression(bad).ok, false, bad);
    }
    const deep = `${'f('.repeat(5000)}${')'.repeat(5000)}`;
    const parsed = parseExpression(deep);
    assert.equal(parsed.ok, false);
  });
});
