import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as fc from 'fast-check';
import { type Node, parseTree } from 'jsonc-parser';

import { parseStrictJson } from '../../../src/engine/text/json-tree';

const ROOT = path.resolve(__dirname, '../../../..');

/** The fields both trees have (jsonc-parser's also links each node to its parent). */
function shape(n: Node | undefined): unknown {
  return (
    n && {
      type: n.type,
      offset: n.offset,
      length: n.length,
      value: n.value,
      colonOffset: n.colonOffset,
      children: n.children?.map(shape),
    }
  );
}

const jsonc = (text: string) => parseTree(text, [], { allowTrailingComma: true, disallowComments: false });

function jsonFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      jsonFiles(p, out);
    } else if (e.name.endsWith('.json')) {
      out.push(p);
    }
  }
  return out;
}

describe('strict JSON trees (the fast reader of ARM templates)', () => {
  it('gives the tree jsonc-parser gives, for every JSON fixture (templates, plans, .tf.json)', () => {
    let read = 0;
    for (const file of jsonFiles(path.join(ROOT, 'test/fixtures'))) {
      const text = fs.readFileSync(file, 'utf8');
      const fast = parseStrictJson(text);
      if (fast !== undefined) {
        read++;
        assert.deepEqual(shape(fast), shape(jsonc(text)), file);
      }
    }
    assert.ok(read > 50, `${read} fixture files read`);
  });

  it('gives the same tree for any JSON value, however indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n '), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        assert.deepEqual(shape(parseStrictJson(text)), shape(jsonc(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads escapes, Unicode, numbers and empty containers as JSON defines them', () => {
    const text =
      '{"a\\"b": "\\u00e9\\n\\/", "n": [-0, 1.5e+3, 2E-2, 0], "e": {}, "l": [], "t": true, "f": false, "z": null}';
    const tree = parseStrictJson(text)!;
    assert.deepEqual(shape(tree), shape(jsonc(text)));
    const key = tree.children![0].children![0];
    assert.equal(key.value, 'a"b');
    assert.equal(tree.children![0].children![1].value, 'é\n/');
  });

  it('leaves everything but strict JSON to jsonc-parser', () => {
    for (const text of [
      '{"a": 1, // comment\n"b": 2}',
      '{"a": 1,}',
      '[1, 2,]',
      '\ufeff{"a": 1}',
      '{"a": "\\x41"}',
      '{"a": "tab\there"}',
      '{"a": 01}',
      '{"a": 1} x',
      '{"a" 1}',
      '{a: 1}',
      '[1 2]',
      '"unterminated',
      '',
      '{"a": tru}',
      '{"a": -}',
      '{"a": 1.}',
    ]) {
      assert.equal(parseStrictJson(text), undefined, JSON.stringify(text));
    }
  });

  it('refuses nesting deeper than the bound it is given, objects and arrays alike, and nothing less deep', () => {
    const nested = (depth: number) => '[{"a":'.repeat(depth / 2) + '1' + '}]'.repeat(depth / 2);
    assert.ok(parseStrictJson(nested(256), 256));
    assert.equal(parseStrictJson(nested(258), 256), undefined);
    assert.ok(parseStrictJson(`[${nested(254)}, ${nested(254)}, ${nested(254)}]`, 256), 'siblings do not add up');
    assert.equal(parseStrictJson('['.repeat(100_000) + ']'.repeat(100_000), 256), undefined, 'no stack overflow');
  });
});
