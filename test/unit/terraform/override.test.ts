import assert from 'node:assert/strict';

import { mergeBlock } from '../../../src/engine/terraform/config/override';
import { type Block, parseHcl } from '../../../src/engine/terraform/parser';

describe('terraform override files', () => {
  it('replaces attributes by name in place and nested blocks by type, as Terraform merges them', () => {
    const original = parseHcl(
      'resource "aws_s3_bucket" "b" {\n  a = 1\n  rule { n = 1 }\n  b = 2\n  lifecycle { x = 1 }\n  rule { n = 2 }\n}\n',
    ).body.blocks[0];
    const override = parseHcl('resource "aws_s3_bucket" "b" {\n  c = 3\n  b = 20\n  lifecycle { x = 2 }\n}\n').body
      .blocks[0];
    const fileOf = new WeakMap<object, string>();
    const attributes = (b: Block) => b.body.attributes.map((a) => [a.name, fileOf.get(a) ?? 'original']);
    const merged = mergeBlock(original, override, '/m/b_override.tf', fileOf);
    assert.deepEqual(attributes(merged), [
      ['a', 'original'],
      ['b', '/m/b_override.tf'],
      ['c', '/m/b_override.tf'],
    ]);
    assert.deepEqual(
      merged.body.blocks.map((b) => [b.type, fileOf.get(b) ?? 'original', b.body.attributes[0].name]),
      [
        ['rule', 'original', 'n'],
        ['rule', 'original', 'n'],
        ['lifecycle', '/m/b_override.tf', 'x'],
      ],
    );
    // Merged again (a second override file): the order is kept.
    const again = mergeBlock(
      merged,
      parseHcl('resource "aws_s3_bucket" "b" {\n  a = 10\n}\n').body.blocks[0],
      '/m/c_override.tf',
      fileOf,
    );
    assert.deepEqual(attributes(again), [
      ['a', '/m/c_override.tf'],
      ['b', '/m/b_override.tf'],
      ['c', '/m/b_override.tf'],
    ]);
    assert.deepEqual(
      again.body.blocks.map((b) => b.type),
      ['rule', 'rule', 'lifecycle'],
    );
  });
});
