import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { intern, internSlice } from '../../../src/engine/text/intern';

/**
 * The heap left, in a process of its own with the collector exposed, after `keep` has been given one
 * name from each of 80 texts of 1 MB and every text has been dropped: what a table keeps must be the
 * names, not 80 MB of text. The names are long enough for V8 to make a slice a view of its text.
 */
function heapAfterKeepingNames(moduleFile: string, keep: string): number {
  const module = path.resolve(__dirname, '../../../src/engine/text', moduleFile);
  const script = `
    const m = require(${JSON.stringify(module)});
    const keep = ${keep};
    for (let i = 0; i < 80; i++) {
      const name = 'google_storage_bucket_' + String(i).padStart(6, '0');
      keep(name + ' '.repeat(1 << 20) + i, name.length);
    }
    global.gc();
    global.gc();
    process.stdout.write(String(process.memoryUsage().heapUsed));
  `;
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return Number(r.stdout);
}

const MB = 1024 * 1024;

describe('shared names and memos keep no file text alive', () => {
  it('returns one shared copy of a name seen lately, and the same characters in every case', () => {
    const a = internSlice('resource "aws_s3_bucket_object" "x" {}', 10, 30);
    const b = internSlice('data "aws_s3_bucket_object" "y" {}', 6, 26);
    assert.equal(a, 'aws_s3_bucket_object');
    assert.equal(b, a);
    assert.equal(intern('tags'), 'tags');
    assert.equal(internSlice('x'.repeat(100), 0, 60), 'x'.repeat(60));
  });

  it("the table of shared names does not keep a file's text alive through a name taken from it", () => {
    const heap = heapAfterKeepingNames('intern.js', '(text, n) => m.internSlice(text, 0, n)');
    assert.ok(heap < 30 * MB, `heap after collection: ${(heap / MB).toFixed(1)} MB`);
  });

  it("a memo by type name does not keep a file's text alive through its key", () => {
    const heap = heapAfterKeepingNames(
      'memo.js',
      '((memo) => (text, n) => memo(text.slice(0, n)))(m.memoByKey((k) => k.length))',
    );
    assert.ok(heap < 30 * MB, `heap after collection: ${(heap / MB).toFixed(1)} MB`);
  });
});
