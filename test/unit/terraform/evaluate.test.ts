import assert from 'node:assert/strict';

import { evaluate } from '../../../src/engine/terraform/eval/evaluate';
import { render } from '../../../src/engine/terraform/eval/values';
import { parseHcl } from '../../../src/engine/terraform/parser';
import { ev, scope } from './eval-helper';

describe('terraform expression evaluation', () => {
  const cases: Array<[string, string]> = [
    ['"eu-${"west"}-1"', 'eu-west-1'],
    ['upper(var.region)', 'EU-WEST-1'],
    ['lookup({ a = "x" }, "b", "y")', 'y'],
    ['{ a = { b = ["p", "q"] } }.a.b[1]', 'q'],
    ['true ? "a" : var.unset', 'a'],
    ['var.unset == "x" ? "same" : "same"', 'same'],
    ['try(var.unset_map.key, "fallback")', '(unknown)'],
    ['try({}.missing, "fallback")', 'fallback'],
    // An element in error makes the tuple or object an error too, so try() moves on (terraform-aws-s3-bucket's rules).
    ['try([{ a = 1 }["rule"]], [{ a = 1 }["a"]])', '[1]'],
    ['flatten(try([{ rules = [1, 2] }["rule"]], [{ rules = [1, 2] }["rules"]], []))', '[1, 2]'],
    ['try({ x = {}["missing"] }, "fallback")', 'fallback'],
    ['can({}.missing)', 'false'],
    ['coalesce("", null, "c")', 'c'],
    ['element(["a", "b"], 3)', 'b'],
    ['format("%s-%d", "eu", 1)', 'eu-1'],
    ['[for r in ["a", "b"] : upper(r) if r != "b"]', '[A]'],
    ['{ for k, v in { a = 1, b = 2 } : v => k }', '{1 = a, 2 = b}'],
    ['[{ r = "x" }, { r = "y" }][*].r', '[x, y]'],
    ['length(toset(["a", "a", "b"]))', '2'],
    ['substr("eu-west-1a", 0, 9)', 'eu-west-1'],
    // Characters are grapheme clusters, as Terraform counts them: e + combining acute accent is one.
    ['length("cafe\u0301")', '4'],
    ['substr("cafe\u0301s", 3, 1)', 'e\u0301'],
    // ... and so is a CR LF pair, the one cluster of two ASCII characters.
    ['length("a\\r\\nb")', '3'],
    ['length("eu-west-1")', '9'],
    ['trimsuffix("eu-west-1a", "a")', 'eu-west-1'],
    ['replace("a/b", "/", "-")', 'a-b'],
    ['regex("x", "y")', '(unknown)'],
    ['1 + 2 * 3', '7'],
    ['"%{ if true }on%{ else }off%{ endif }"', 'on'],
    // Grouping mode: each key's values in the order of the elements, keys in the order they first appear.
    ['{ for s in ["b1", "a1", "b2", "a2", "b3"] : substr(s, 0, 1) => s... }', '{b = [b1, b2, b3], a = [a1, a2]}'],
    ['{ for i, s in ["x", "y"] : s => i... if s != "y" }', '{x = [0]}'],
    [`length({ for s in split(",", "${'a,'.repeat(2999)}a") : s => s... }["a"])`, '3000'],
  ];
  for (const [src, want] of cases) {
    it(`${src} → ${want}`, () => {
      assert.equal(render(ev(src)), want);
    });
  }

  it('keeps the provenance of a variable and the location of the literal it came from', () => {
    const v = ev('lower(var.region)');
    assert.deepEqual(
      v.o.steps.map((s) => s.description),
      ['var.region default'],
    );
  });

  it('an unknown condition with different branches is unknown and says why', () => {
    const v = ev('var.flag ? "eu-west-1" : "us-east-1"');
    assert.equal(v.t, 'unknown');
    assert.match(v.t === 'unknown' ? v.reason : '', /var\.flag unset/);
  });

  it('a literal carries its own location', () => {
    const v = ev('"eu-west-1"');
    assert.deepEqual(v.o.loc, {
      file: '/m/main.tf',
      range: { start: { line: 0, character: 4 }, end: { line: 0, character: 15 } },
    });
  });

  it('bounds deep nesting instead of overflowing the stack', () => {
    const deep = `${'['.repeat(200)}"x"${']'.repeat(200)}`;
    const file = parseHcl(`x = ${deep}\n`);
    const v = evaluate(file.body.attributes[0].expr, { scope, file: '/m/main.tf' });
    assert.ok(v.t === 'list' || v.t === 'unknown');
  });
});
