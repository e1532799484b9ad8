import * as assert from 'node:assert/strict';

import { parseHcl } from '../../../../src/engine/terraform/parser';
import { as, attr, block, items, parseOk, rangeText, textOf } from './util';

describe('HCL parser: structure', () => {
  it('parses blocks with quoted and bare labels, attributes and nested blocks with ranges', () => {
    const text = [
      'resource "aws_s3_bucket" "logs" {',
      '  bucket = "my-logs"',
      '  lifecycle {',
      '    prevent_destroy = true',
      '  }',
      '}',
      'provider aws {',
      '  region = "eu-west-1"',
      '}',
      '',
    ].join('\n');
    const f = parseOk(text);
    assert.equal(f.body.blocks.length, 2);
    const r = block(f.body, 'resource');
    assert.deepEqual(
      r.labels.map((l) => [l.value, l.quoted, rangeText(text, l.range)]),
      [
        ['aws_s3_bucket', true, '"aws_s3_bucket"'],
        ['logs', true, '"logs"'],
      ],
    );
    assert.equal(rangeText(text, r.typeRange), 'resource');
    assert.ok(textOf(text, r).startsWith('resource "aws_s3_bucket"'));
    assert.ok(textOf(text, r).endsWith('}\n}'));
    assert.deepEqual(r.range.start, { line: 0, character: 0 });
    assert.deepEqual(r.range.end, { line: 5, character: 1 });
    assert.ok(textOf(text, r.body).startsWith('{'));
    const bucket = attr(r.body, 'bucket');
    assert.equal(textOf(text, bucket), 'bucket = "my-logs"');
    assert.equal(rangeText(text, bucket.nameRange), 'bucket');
    assert.equal(textOf(text, bucket.expr), '"my-logs"');
    assert.equal(as(bucket.expr, 'literal').value, 'my-logs');
    const lc = block(r.body, 'lifecycle');
    assert.equal(as(attr(lc.body, 'prevent_destroy').expr, 'literal').value, true);
    const p = block(f.body, 'provider');
    assert.deepEqual({ value: p.labels[0].value, quoted: p.labels[0].quoted }, { value: 'aws', quoted: false });
    assert.equal(rangeText(text, p.labels[0].range), 'aws');
    assert.deepEqual(
      items(f.body).map((i) => i.kind),
      ['block', 'block'],
    );
    assert.deepEqual(f.body.range.start, { line: 0, character: 0 });
    assert.equal(f.body.endOffset, text.length);
  });

  it('keeps source order of attributes and of blocks, and their offsets give the order of both', () => {
    const f = parseOk('a = 1\nb {}\nc = 2\nd "x" {}\n');
    assert.deepEqual(
      items(f.body).map((i) => (i.kind === 'attribute' ? i.name : i.type)),
      ['a', 'b', 'c', 'd'],
    );
    assert.equal(f.body.attributes.length, 2);
    assert.equal(f.body.blocks.length, 2);
  });

  it('accepts one-line blocks and empty blocks', () => {
    const f = parseOk('a { b = 1 }\nc "l" {}\n');
    assert.equal(as(attr(block(f.body, 'a').body, 'b').expr, 'literal').value, 1);
    assert.equal(items(block(f.body, 'c').body).length, 0);
  });

  it('skips all three comment styles', () => {
    const text = '# hash\n// slashes\n/* block\n comment */ a = 1 # trailing\nb = /* inline */ 2 // end\n';
    const f = parseOk(text);
    assert.equal(as(attr(f.body, 'a').expr, 'literal').value, 1);
    assert.equal(as(attr(f.body, 'b').expr, 'literal').value, 2);
  });

  it('handles CRLF line endings with positions per line', () => {
    const text = 'a = "x"\r\nb {\r\n  c = var.y\r\n}\r\n';
    const f = parseOk(text);
    const c = attr(block(f.body, 'b').body, 'c');
    assert.deepEqual(c.range.start, { line: 2, character: 2 });
    assert.equal(textOf(text, c.expr), 'var.y');
    assert.equal(as(attr(f.body, 'a').expr, 'literal').value, 'x');
  });

  it('skips a UTF-8 byte order mark', () => {
    const text = '\uFEFFa = 1\n';
    const f = parseOk(text);
    assert.deepEqual(attr(f.body, 'a').range.start, { line: 0, character: 1 });
  });

  it('accepts Unicode identifiers with dashes and counts characters in UTF-16 units', () => {
    const text = 'größe-1 = "😀" \nnäme = größe-1\n';
    const f = parseOk(text);
    assert.equal(as(attr(f.body, 'größe-1').expr, 'literal').value, '😀');
    const n = attr(f.body, 'näme');
    assert.equal(as(n.expr, 'scopeTraversal').root, 'größe-1');
    const t = 'a = "😀" + b\n';
    const b = as(attr(parseOk(t).body, 'a').expr, 'binary').right;
    assert.deepEqual(b.range.start, { line: 0, character: 11 });
  });

  it('never throws and reports errors for a body that is not HCL', () => {
    const f = parseHcl('{"json": true}\n');
    assert.ok(f.errors.length > 0);
  });
});
