import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';

describe('node file access', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-nodefs-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a file whole, small or large, in one go and byte for byte', async () => {
    for (const size of [0, 1, 4095, 4096, 70_000, 3_000_000]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) {
        bytes[i] = (i * 7919) & 0xff;
      }
      const file = path.join(dir, `f${size}`);
      fs.writeFileSync(file, bytes);
      const read = await nodeFs.readFileLimited!(file, 10_000_000);
      assert.equal(read.kind, 'ok');
      assert.ok(read.kind === 'ok' && Buffer.from(read.bytes).equals(bytes), `size ${size}`);
    }
  });

  it('refuses a file above the limit without reading it, and a directory', async () => {
    const file = path.join(dir, 'big');
    fs.writeFileSync(file, 'x'.repeat(2000));
    assert.deepEqual(await nodeFs.readFileLimited!(file, 1000), { kind: 'too-large', size: 2000 });
    assert.deepEqual(await nodeFs.readFileLimited!(dir, 1000), { kind: 'not-a-file' });
  });

  it('reads a path that names nothing as missing, not as an error that names the machine path', async () => {
    assert.deepEqual(await nodeFs.readFileLimited!(path.join(dir, 'nope.bicep'), 1000), { kind: 'missing' });
    assert.deepEqual(await nodeFs.readFileLimited!(path.join(dir, 'gone', 'x.bicep'), 1000), { kind: 'missing' });
    const file = path.join(dir, 'plain');
    fs.writeFileSync(file, 'x');
    // A component of the path is a file, not a folder (ENOTDIR).
    assert.deepEqual(await nodeFs.readFileLimited!(path.join(file, 'x.bicep'), 1000), { kind: 'missing' });
    assert.deepEqual(await nodeFs.readFileNoFollow!(path.join(dir, 'nope.tf'), 1000), { kind: 'missing' });
  });
});
