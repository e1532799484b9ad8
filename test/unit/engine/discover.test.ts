import assert from 'node:assert/strict';

import { discover } from '../../../src/engine/workspace/discover';
import { join } from '../../../src/engine/workspace/paths';
import { memoryFs } from '../helpers/memory-fs';

describe('discovery', () => {
  const fs = memoryFs({
    '/ws/main.tf': '',
    '/ws/README.md': '',
    '/ws/envs/prod/main.tf': '',
    '/ws/envs/prod/secret.tfvars': '',
    '/ws/node_modules/x/main.tf': '',
    '/ws/examples/a/main.tf': '',
    '/ws/examples/a/.terraform/modules/m/main.tf': '',
    '/ws/docs/node_modules': '',
  });
  const options = {
    include: [],
    exclude: ['**/node_modules/**', '**/.terraform/**', 'envs/*/secret.tfvars'],
    wanted: (p: string) => !p.endsWith('.md'),
  };

  it('prunes folders and files by their path below the root, for a root in normal form or not', async () => {
    const want = ['/ws/envs/prod/main.tf', '/ws/examples/a/main.tf', '/ws/main.tf'];
    assert.deepEqual((await discover(fs, '/ws', options)).files, want);
    // The same tree through a root written with `.` and `..`: paths come out in normal form.
    // A file system that resolves `.` and `..` as the operating system would.
    const osFs = {
      ...fs,
      stat: (p: string) => fs.stat(join(p, '')),
      readDirectory: (p: string) => fs.readDirectory(join(p, '')),
    };
    assert.deepEqual((await discover(osFs, '/x/../ws/.', options)).files, want);
  });

  it('excludes a file whose own name is an excluded segment, as the pattern says', async () => {
    // `**/node_modules/**` also matches the path that ends in that segment.
    assert.deepEqual((await discover(fs, '/ws/docs', options)).files, []);
  });
});
