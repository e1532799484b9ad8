import * as assert from 'node:assert/strict';

import { parseHclJson, parseHclJsonWithSchema } from '../../../../src/engine/terraform/parser';
import { as, attr, block, rangeText, textOf } from './util';

describe('HCL parser: JSON syntax', () => {
  const text = JSON.stringify(
    {
      '//': 'a comment',
      terraform: { required_providers: { aws: { source: 'hashicorp/aws' } }, backend: { s3: { bucket: 'b' } } },
      provider: { aws: [{ region: 'eu-central-1' }, { alias: 'us', region: '${var.us_region}' }] },
      variable: { region: { default: 'eu-west-1', type: 'string' } },
      resource: {
        aws_s3_bucket: {
          logs: { bucket: 'logs-${var.env}', tags: { Team: 'x' }, count: 2, force_destroy: true, acl: null },
        },
      },
      locals: { names: ['a', 'b'] },
    },
    null,
    2,
  );

  it('maps block types with labels, arrays of bodies and attributes', () => {
    const f = parseHclJson(text, 'config');
    assert.deepEqual(f.errors, []);
    assert.deepEqual(
      f.body.blocks.map((b) => [b.type, ...b.labels.map((l) => l.value)].join(' ')),
      ['terraform', 'provider aws', 'provider aws', 'variable region', 'resource aws_s3_bucket logs', 'locals'],
    );
    const tf = block(f.body, 'terraform');
    assert.equal(block(tf.body, 'required_providers').body.attributes[0].name, 'aws');
    assert.equal(block(tf.body, 'backend').labels[0].value, 's3');
    const res = block(f.body, 'resource');
    assert.equal(rangeText(text, res.typeRange), '"resource"');
    assert.deepEqual(
      res.labels.map((l) => rangeText(text, l.range)),
      ['"aws_s3_bucket"', '"logs"'],
    );
    assert.ok(textOf(text, res).startsWith('"resource": {'));
    assert.ok(textOf(text, res.body).startsWith('{\n        "bucket"'));
    const b = res.body;
    assert.equal(as(attr(b, 'count').expr, 'literal').value, 2);
    assert.equal(as(attr(b, 'force_destroy').expr, 'literal').value, true);
    assert.equal(as(attr(b, 'acl').expr, 'literal').value, null);
    assert.equal(as(attr(b, 'tags').expr, 'object').items.length, 1);
    assert.equal(as(attr(block(f.body, 'locals').body, 'names').expr, 'tuple').items.length, 2);
    assert.equal(as(attr(block(f.body, 'variable').body, 'default').expr, 'literal').value, 'eu-west-1');
  });

  it('places a call and an operator in a string with escapes at the whole string, as every other node there', () => {
    const json = JSON.stringify({ locals: { x: '${upper(var.a) == "A"}' } });
    const f = parseHclJson(json, 'config');
    const x = attr(block(f.body, 'locals').body, 'x');
    const part = as(x.expr, 'template').parts[0];
    assert.equal(part.kind, 'interpolation');
    const eq = as(part.kind === 'interpolation' ? part.expr : x.expr, 'binary');
    const call = as(eq.left, 'functionCall');
    const str = rangeText(json, x.expr.range);
    assert.equal(str, '"${upper(var.a) == \\"A\\"}"');
    assert.equal(rangeText(json, eq.operatorRange), str);
    assert.equal(rangeText(json, call.nameRange), str);
  });

  it('parses strings as templates with ranges inside the JSON string', () => {
    const f = parseHclJson(text, 'config');
    const bucket = attr(block(f.body, 'resource').body, 'bucket');
    assert.equal(textOf(text, bucket.expr), 'logs-${var.env}');
    const t = as(bucket.expr, 'template');
    const interp = t.parts[1];
    assert.equal(interp.kind, 'interpolation');
    assert.equal(textOf(text, interp.kind === 'interpolation' ? interp.expr : t), 'var.env');
    const us = attr(block(f.body, 'provider', 1).body, 'region');
    assert.equal(as(us.expr, 'template').parts.length, 1);
    assert.equal(textOf(text, us), '"region": "${var.us_region}"');
    assert.equal(textOf(text, us.expr), '${var.us_region}');
  });

  it('falls back to the whole string range when escapes shift offsets', () => {
    const src = '{"locals": {"a": "\\"${local.b}\\""}}';
    const f = parseHclJson(src, 'config');
    const a = attr(block(f.body, 'locals').body, 'a');
    const t = as(a.expr, 'template');
    assert.equal(t.parts[0].kind === 'text' && t.parts[0].value, '"');
    assert.equal(textOf(src, t), '"\\"${local.b}\\""');
  });

  it('treats every top-level key of .tfvars.json as an attribute', () => {
    const src = '{"region": "eu-west-3", "resource": {"x": 1}}';
    const f = parseHclJson(src, 'tfvars');
    assert.deepEqual(
      f.body.attributes.map((a) => a.name),
      ['region', 'resource'],
    );
    assert.equal(f.body.blocks.length, 0);
  });

  it('accepts a custom schema', () => {
    const f = parseHclJsonWithSchema('{"thing": {"a": {"b": {"v": 1}}}}', { thing: { labels: 2 } });
    assert.deepEqual(
      block(f.body, 'thing').labels.map((l) => l.value),
      ['a', 'b'],
    );
  });

  it('reports JSON syntax errors and never throws', () => {
    for (const bad of ['', '[1, 2]', '{"a": ', '{"resource": 1}', '{"a": "${"}', '['.repeat(100_000), '{"a":1,,}']) {
      const f = parseHclJson(bad, 'config');
      assert.ok(f.errors.length > 0, `errors for ${bad.slice(0, 20)}`);
      assert.ok(f.errors.every((e) => e.message.length > 0));
    }
  });
});
