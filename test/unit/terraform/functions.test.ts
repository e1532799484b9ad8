import assert from 'node:assert/strict';

import { render } from '../../../src/engine/terraform/eval/values';
import { ev } from './eval-helper';

describe('terraform functions beyond strings and collections', () => {
  const cases: Array<[string, string]> = [
    ['setproduct(["eu", "us"], ["app", "db"])', '[[eu, app], [eu, db], [us, app], [us, db]]'],
    ['{ for p in setproduct(["a"], ["x", "y"]) : join("-", p) => p[1] }', '{a-x = x, a-y = y}'],
    ['setproduct(["a"], [])', '[]'],
    ['setunion(["a", "b"], ["b", "c"])', '[a, b, c]'],
    ['setintersection(["a", "b", "c"], ["b", "c", "d"], ["c", "b"])', '[b, c]'],
    ['setsubtract(["a", "b", "c"], ["b"])', '[a, c]'],
    ['sort(["b", "a", "B", "é", "z"])', '[B, a, b, z, é]'],
    ['sort([3, 10, 1])', '[1, 10, 3]'],
    ['index(["a", "b"], "b")', '1'],
    ['try(index(["a"], "z"), -1)', '-1'],
    ['alltrue([])', 'true'],
    ['alltrue([true, "true"])', 'true'],
    ['alltrue([true, false])', 'false'],
    ['anytrue([])', 'false'],
    ['anytrue([false, true])', 'true'],
    ['sum([1, 2.5])', '3.5'],
    ['abs(-3)', '3'],
    ['ceil(4.1)', '5'],
    ['floor(-4.1)', '-5'],
    ['signum(-7)', '-1'],
    ['parseint("FF", 16)', '255'],
    ['parseint("-1010", 2)', '-10'],
    ['parseint("zz", 36)', '1295'],
    ['parseint("Z", 62)', '61'],
    ['try(parseint("12", 2), "bad")', 'bad'],
    ['tobool("true")', 'true'],
    ['tobool(null)', 'null'],
    ['strcontains("eu-west-1", "west")', 'true'],
    ['chomp("eu-west-1\\n\\r\\n")', 'eu-west-1'],
    ['basename("foo/bar/baz.txt")', 'baz.txt'],
    ['basename("a/b/")', 'b'],
    ['basename("/")', '/'],
    ['basename("")', '.'],
    ['dirname("foo/bar/baz.txt")', 'foo/bar'],
    ['dirname("baz")', '.'],
    ['dirname("/a")', '/'],
    ['dirname("a/b/")', 'a/b'],
    ['dirname("a/../../b")', '..'],
    ['pathexpand("data/projects")', 'data/projects'],
    ['pathexpand("/etc/x")', '/etc/x'],
    ['pathexpand("")', ''],
    ['try(pathexpand("~bob/x"), "error")', 'error'],
    ['nonsensitive(var.region)', 'eu-west-1'],
    ['sensitive("eu-west-1")', 'eu-west-1'],
    ['jsondecode("{\\"region\\": \\"eu-west-1\\", \\"zones\\": [\\"a\\", \\"b\\"]}").region', 'eu-west-1'],
    ['jsondecode("[1, true, null]")', '[1, true, null]'],
    ['try(jsondecode("not json"), "bad")', 'bad'],
    ['base64decode("ZXUtd2VzdC0x")', 'eu-west-1'],
    ['base64encode("eu-west-1")', 'ZXUtd2VzdC0x'],
    ['base64encode("é")', 'w6k='],
    ['try(base64decode("ZXU"), "bad")', 'bad'],
    ['yamldecode("region: eu-west-1\\nzones: [a, b]\\n").zones[1]', 'b'],
    ['yamldecode("region: eu-west-1\\nzones: [a, b]\\n").region', 'eu-west-1'],
    ['yamldecode("a: &x 1\\nb: *x\\n").b', '1'],
    ['yamldecode("- 1\\n- true\\n- null\\n- \\"007\\"\\n")', '[1, true, null, 007]'],
    ['try(yamldecode("a: 1\\n---\\nb: 2\\n"), "two documents")', 'two documents'],
    ['try(yamldecode("a: [1, 2\\n"), "bad")', 'bad'],
    // Too few arguments: an error Terraform would report, which `try` skips (found by the fuzz test).
    ['try(replace("eu_central_2", "_"), "too few")', 'too few'],
    ['try(trimprefix("eu-west-1"), "too few")', 'too few'],
  ];
  for (const [src, want] of cases) {
    it(`${src} → ${want}`, () => {
      assert.equal(render(ev(src)), want);
    });
  }

  it('keeps the provenance of the value a function passes through', () => {
    assert.deepEqual(
      ev('nonsensitive(var.region)').o.steps.map((s) => s.description),
      ['var.region default'],
    );
    assert.deepEqual(
      ev('jsondecode(var.region)').t,
      'unknown', // "eu-west-1" is not JSON
    );
  });

  it('does not expand the home directory (~), and says why', () => {
    for (const src of ['pathexpand("~/.config/x")', 'pathexpand("~")']) {
      const v = ev(src);
      assert.equal(v.t, 'unknown', src);
      assert.match(v.t === 'unknown' ? v.reason : '', /under the home directory of the machine that runs Terraform/);
      assert.equal(v.t === 'unknown' ? v.error : undefined, undefined, 'not an error: try() does not skip it');
    }
  });

  it('propagates unknown arguments and says why', () => {
    for (const src of ['setproduct(var.a, ["x"])', 'sort([var.a])', 'jsondecode(var.a)', 'alltrue([var.a])']) {
      const v = ev(src);
      assert.equal(v.t, 'unknown', src);
      assert.match(v.t === 'unknown' ? v.reason : '', /var\.a unset/, src);
    }
  });

  it('does not expand YAML aliases without bound ("billion laughs")', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const v = ev(`try(yamldecode(${JSON.stringify(`${levels.join('\n')}\n`)}), "refused")`);
    assert.equal(render(v), 'refused');
  });

  it('does not parse YAML nested deeper than it converts (a parser would spend seconds on it)', () => {
    const deep = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const v = ev(`yamldecode(${JSON.stringify(deep)})`);
    assert.equal(v.t, 'unknown');
    assert.match(v.t === 'unknown' ? v.reason : '', /nested deeper than 64 levels/);
  });

  it('does not build huge products, and says so', () => {
    const v = ev('setproduct(range(200), range(200))');
    assert.equal(v.t, 'unknown');
    assert.match(v.t === 'unknown' ? v.reason : '', /more than 10000 elements/);
  });

  it('leaves functions it does not know unknown, including names of JavaScript object members', () => {
    for (const name of ['regex', 'filebase64', 'constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const v = ev(`${name}("x", "y")`);
      assert.equal(v.t, 'unknown', name);
      assert.match(
        v.t === 'unknown' ? v.reason : '',
        new RegExp(`the function ${name}\\(\\) is not evaluated statically`),
      );
    }
  });
});
