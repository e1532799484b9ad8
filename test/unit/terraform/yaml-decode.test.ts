import assert from 'node:assert/strict';

import { render, type Val } from '../../../src/engine/terraform/eval/values';
import { cachedYamlChars, decodeYaml } from '../../../src/engine/terraform/eval/yaml-decode';

describe('yamldecode: one decoding per document', () => {
  it('decodes a text once and serves the same value to every later call', () => {
    const text = 'projects:\n  - name: a\n    region: europe-west3\n';
    const first = decodeYaml(text, 'factory/a.yaml');
    const second = decodeYaml(text, 'factory/a.yaml');
    assert.ok(first);
    assert.equal(second, first, 'the second call decodes the text again');
    assert.equal(render(first), '{projects = [{name = a, region = europe-west3}]}');
  });

  it('keeps the provenance of the file a text comes from: the same text from another file is decoded for it', () => {
    const text = 'region: europe-west3\n';
    const a = decodeYaml(text, 'a.yaml');
    const b = decodeYaml(text, 'b.yaml');
    assert.ok(a && b && a.t === 'map' && b.t === 'map');
    assert.notEqual(a, b);
    const where = (v: Val) =>
      v.t === 'map'
        ? v.entries
            .get('region')!
            .o.steps.map((s) => s.description)
            .join(' ')
        : '';
    assert.match(where(a), /a\.yaml/);
    assert.match(where(b), /b\.yaml/);
    // and back again: a's entry was replaced by b's, so a is decoded afresh, with its own file
    assert.match(where(decodeYaml(text, 'a.yaml')!), /a\.yaml/);
  });

  it('caches invalid documents too, and stays bounded', () => {
    assert.equal(decodeYaml('a: 1\n---\nb: 2\n', undefined), undefined);
    assert.equal(decodeYaml('a: 1\n---\nb: 2\n', undefined), undefined);
    // 9 texts of 1 MB exceed the bound: the cache empties rather than grows without limit
    const big = (i: number) => `k${i}: ${'x'.repeat(1024 * 1024)}\n`;
    for (let i = 0; i < 9; i++) {
      assert.ok(decodeYaml(big(i), undefined));
      assert.ok(cachedYamlChars() <= 8 * 1024 * 1024, `${cachedYamlChars()} characters held`);
    }
    const small = 'n: 1\n';
    const v = decodeYaml(small, undefined);
    assert.equal(decodeYaml(small, undefined), v);
  });
});
