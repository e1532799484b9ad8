import assert from 'node:assert/strict';

import { placeCopies } from '../../../src/engine/assess/copies';
import type { ExtractedCopy, ExtractedResource } from '../../../src/engine/model';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });

function bucket(copies: ExtractedCopy[]): ExtractedResource {
  return {
    language: 'terraform',
    file: '/ws/main.tf',
    range: range(0),
    headerRange: range(0),
    type: 'aws_s3_bucket',
    name: 'b',
    address: 'aws_s3_bucket.b',
    module: null,
    provider: 'aws',
    region: { kind: 'known', value: 'eu-central-1' },
    provenance: [],
    dataClass: 'customer-data',
    global: false,
    copies,
  };
}

const textDestination = (line: number): ExtractedCopy => ({
  kind: 'replication',
  provider: 'aws',
  region: { kind: 'unknown', reason: 'the destination bucket is not a resource of this configuration' },
  provenance: [{ description: 'bucket argument', location: { file: '/ws/main.tf', range: range(line) } }],
});

describe('placing the copies of a resource', () => {
  it('lists a copy found twice once, and copies that differ in where they come from each', () => {
    const placed = placeCopies(
      bucket([textDestination(9), textDestination(9), textDestination(9), textDestination(12)]),
      'eu-central-1',
    );
    assert.equal(placed.length, 2);
    assert.deepEqual(
      placed.map((c) => [c.kind, c.regionId, c.provenance[0].location?.range.start.line]),
      [
        ['replication', null, 9],
        ['replication', null, 12],
      ],
    );
  });
});
