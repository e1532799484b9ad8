import assert from 'node:assert/strict';

import { defaultAnalyzers, defaultConfig, Engine, type EngineFs } from '../../../src/engine';
import { memoryFs } from '../helpers/memory-fs';

const GOOD_TF = 'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_s3_bucket" "good" {\n  bucket = "g"\n}\n';
const GOOD_ARM = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'good_arm', location: 'westeurope' }],
});

describe('bounded work', () => {
  it('skips files over config.maxFileSize with a notice and keeps the others', async () => {
    const big = `${GOOD_ARM}${' '.repeat(4096)}`;
    const fs = memoryFs({ '/ws/main.tf': GOOD_TF, '/ws/big/azuredeploy.json': big, '/ws/small.json': GOOD_ARM });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: { ...defaultConfig(), maxFileSize: 2048 } });
    assert.deepEqual(
      result.errors.map((e) => e.file),
      ['/ws/big/azuredeploy.json'],
    );
    assert.match(result.errors[0].message, /over the size limit/);
    assert.ok(!fs.reads.includes('/ws/big/azuredeploy.json'), 'an oversized file is never read');
    assert.deepEqual(result.placements.map((p) => p.name).sort(), ['good', 'good_arm']);
  });

  it('has a default limit of at least 32 MB', () => {
    assert.ok(defaultConfig().maxFileSize >= 32 * 1024 * 1024);
  });

  it('stops a scan when cancelled and returns what it has, without throwing', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) {
      files[`/ws/m${i}/main.tf`] = GOOD_TF;
    }
    const engine = new Engine({ readRoots: ['/'], fs: memoryFs(files), analyzers: defaultAnalyzers() });
    const controller = new AbortController();
    let progress = 0;
    const result = await engine.scan(['/ws'], {
      config: defaultConfig(),
      signal: controller.signal,
      onProgress: () => {
        if (++progress === 3) {
          controller.abort();
        }
      },
    });
    assert.equal(progress, 3);
    assert.ok(result.placements.length < 40);
  });

  it('does nothing when cancelled before it starts', async () => {
    const fs = memoryFs({ '/ws/main.tf': GOOD_TF });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig(), signal: AbortSignal.abort() });
    assert.deepEqual(result.placements, []);
    assert.deepEqual(fs.reads, []);
  });

  it('reports a file deleted or replaced between listing and reading', async () => {
    const base = memoryFs({ '/ws/main.tf': GOOD_TF, '/ws/gone.tf': GOOD_TF, '/ws/gone.json': GOOD_ARM });
    const racing: EngineFs = {
      ...base,
      async readFile(path) {
        if (path.startsWith('/ws/gone')) {
          throw new Error(`ENOENT: no such file or directory, open '${path}'`);
        }
        return base.readFile(path);
      },
    };
    const engine = new Engine({ readRoots: ['/'], fs: racing, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.deepEqual(result.errors.map((e) => e.file).sort(), ['/ws/gone.json', '/ws/gone.tf']);
    assert.ok(result.errors.every((e) => e.message.startsWith('cannot read file')));
    assert.ok(result.placements.some((p) => p.name === 'good'));
  });
});
