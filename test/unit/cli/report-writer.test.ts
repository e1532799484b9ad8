import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { ReportWriter } from '../../../src/cli/report-writer';

function written(pieces: string[]): { text: string; calls: number } {
  const out: Buffer[] = [];
  const w = new ReportWriter((bytes) => out.push(Buffer.from(bytes)));
  for (const p of pieces) {
    w.write(p);
  }
  w.flush();
  return { text: Buffer.concat(out).toString('utf8'), calls: out.length };
}

describe('report writer', () => {
  it('writes exactly the UTF-8 of its pieces, whatever their sizes and characters', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.nat(400_000).map((n) => 'a→'.repeat(n)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        assert.equal(written(pieces).text, Buffer.from(pieces.join(''), 'utf8').toString('utf8'));
      }),
      { numRuns: 60 },
    );
  });

  it('hands on a full buffer at a time, not a piece at a time', () => {
    const item = `{"address":"aws_s3_bucket.b","provenance":"var.region → provider aws"}`;
    const { text, calls } = written(Array.from({ length: 50_000 }, () => item));
    assert.equal(text, item.repeat(50_000));
    assert.ok(calls <= 5, `${calls} writes for ${text.length} characters`);
  });

  it('writes a piece larger than its buffer in one go, after what came before', () => {
    const big = '€'.repeat(600_000);
    assert.equal(written(['start ', big, ' end']).text, `start ${big} end`);
  });
});
