import * as assert from 'node:assert/strict';

import type { File } from '../../../../src/engine/terraform/parser';
import { parseHcl, parseHclJson } from '../../../../src/engine/terraform/parser';
import { items } from './util';

/** Names of top-level items and of items one level down, e.g. `b.z`. */
function names(f: File): string[] {
  const out: string[] = [];
  for (const i of items(f.body)) {
    const n = i.kind === 'attribute' ? i.name : i.type;
    out.push(n);
    if (i.kind === 'block') {
      for (const j of items(i.body)) {
        out.push(`${n}.${j.kind === 'attribute' ? j.name : j.type}`);
      }
    }
  }
  return out;
}

describe('HCL parser: error recovery', () => {
  const cases: [string, string, RegExp, string[]][] = [
    [
      'tuple with a stray comma',
      'a {\n  x = [1, 2,,\n  y = 2\n}\nb "l" {\n  z = 1\n}\n',
      /expected an expression/,
      ['a', 'a.x', 'a.y', 'b', 'b.z'],
    ],
    ['unclosed parenthesis', 'a {\n  x = (1 +\n  y = 2\n}\nb {}\n', /expected/, ['a', 'a.x', 'a.y', 'b']],
    ['unclosed call', 'x = foo(1, 2\ny = 3\n', /expected "," or "\)"/, ['x', 'y']],
    ['unterminated string', 'a {\n  x = "abc\n  y = 2\n}\nb {}\n', /unterminated string/, ['a', 'a.x', 'a.y', 'b']],
    ['unterminated interpolation', 'x = "${var.a\ny = 2\n', /expected "}"/, ['x', 'y']],
    ['missing value', 'x =\ny = 2\n', /expected an expression/, ['x', 'y']],
    ['two values', 'x = 1 2\ny = 2\n', /expected a newline/, ['x', 'y']],
    ['object item without value', 'x = {\n  a = 1 +\n  b = 2\n}\ny = 3\n', /expected an expression/, ['x', 'y']],
    ['garbage line', 'a = 1\n@@@ ???\nb = 2\n', /expected an attribute or a block/, ['a', 'b']],
    ['stray closing brace', '}\na = 1\n', /unexpected "}"/, ['a']],
    // The body after a broken header is still read as that block's body.
    ['bad block header', 'resource "a" "b" = {\n  k = 1\n}\nc {}\n', /expected/, ['resource', 'resource.k', 'c']],
    ['unclosed block', 'a {\n  x = 1\nb = 2\n', /expected "}" to close the "a" block/, ['a', 'a.x', 'a.b']],
    ['unterminated comment', 'a = 1\n/* never closed\nb = 2\n', /unterminated comment/, ['a']],
  ];
  for (const [title, text, message, expected] of cases) {
    it(`recovers after: ${title}`, () => {
      const f = parseHcl(text);
      assert.ok(f.errors.length >= 1, 'an error is reported');
      assert.match(f.errors[0].message, message);
      assert.deepEqual(names(f), expected);
    });
  }

  it('reports an unterminated heredoc at its introducer', () => {
    const f = parseHcl('a = 1\nx = <<EOF\nabc\ny = 2\n');
    assert.equal(f.errors.length, 1);
    assert.match(f.errors[0].message, /unterminated heredoc.*"EOF"/);
    assert.deepEqual(f.errors[0].range.start, { line: 1, character: 4 });
  });

  it('puts error ranges on the offending token', () => {
    const f = parseHcl('x = [1 2]\n');
    assert.deepEqual(f.errors[0].range, { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } });
  });

  it('rejects interpolation in block labels', () => {
    const f = parseHcl('a "${x}" {}\n');
    assert.match(f.errors[0].message, /labels cannot contain/);
    assert.equal(f.body.blocks[0].labels[0].value, '${x}');
  });

  for (const [name, open] of [
    ['parentheses', '('],
    ['brackets', '['],
    ['object braces', '{'],
    ['function calls', 'f('],
    ['templates', '"${'],
    ['conditionals', 'a ? b : '],
  ]) {
    it(`stops at the nesting limit for 100,000 levels of ${name}`, () => {
      const f = parseHcl(`x = ${open.repeat(100_000)}1\n`);
      assert.ok(f.errors.some((e) => /nesting too deep/.test(e.message)));
      assert.ok(f.errors.length < 10, `few errors, got ${f.errors.length}`);
    });
  }

  it('stops at the nesting limit for 100,000 levels of JSON (.tf.json), strict or not, but not for brackets in strings or comments', () => {
    for (const text of [
      '{"locals": {"x": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}}',
      '{"locals": {"x": ' + '['.repeat(100_000) + ']'.repeat(100_000) + ',}}',
    ]) {
      const f = parseHclJson(text, 'config');
      assert.deepEqual(
        f.errors.map((e) => e.message),
        ['nesting too deep (more than 200 levels)'],
      );
    }
    const brackets = '['.repeat(300);
    const fine = parseHclJson(`{"locals": {"x": "${brackets}"} /* ${brackets} */}`, 'config');
    assert.deepEqual(fine.errors, []);
  });

  it('stops at the nesting limit for 100,000 nested blocks and bare braces', () => {
    const f = parseHcl('a {\n'.repeat(100_000));
    assert.ok(f.errors.some((e) => /nesting too deep/.test(e.message)));
    assert.ok(f.errors.length < 10);
    const g = parseHcl('{'.repeat(100_000) + '\nb = 1\n');
    assert.ok(g.errors.length >= 1);
  });

  it('handles long unary chains without recursion', () => {
    const f = parseHcl(`x = ${'!'.repeat(100_000)}true\ny = ${'-'.repeat(100_000)}1\n`);
    assert.deepEqual(f.errors, []);
  });

  it('parses a 5 MB single line', () => {
    const f = parseHcl(`x = "${'a'.repeat(5_000_000)}"`);
    assert.deepEqual(f.errors, []);
    const g = parseHcl(`x = [${'1,'.repeat(50_000)}]`);
    assert.deepEqual(g.errors, []);
  });
});

describe('HCL parser: errors at the end of input', () => {
  it('keeps every error range inside the document (regression: JSON "/*" reported one past the end)', () => {
    for (const text of ['/*', 'x = "', 'a {', 'x = (', 'x = [', '${', 'a "b" {\n  c = ', '{"a": ']) {
      for (const e of [...parseHcl(text).errors, ...parseHclJson(text, 'config').errors]) {
        const lines = text.split('\n');
        assert.ok(e.range.end.line < lines.length, `${JSON.stringify(text)}: ${e.message}`);
        assert.ok(e.range.end.character <= lines[e.range.end.line].length, `${JSON.stringify(text)}: ${e.message}`);
      }
    }
  });
});
