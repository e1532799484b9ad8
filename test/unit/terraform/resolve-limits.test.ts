import assert from 'node:assert/strict';

import { defaultAnalyzers, defaultConfig, Engine } from '../../../src/engine';
import { memoryFs } from '../helpers/memory-fs';

async function scan(files: Record<string, string>) {
  const engine = new Engine({ readRoots: ['/'], fs: memoryFs(files), analyzers: defaultAnalyzers() });
  return engine.scan(['/ws'], { config: defaultConfig() });
}

describe('terraform resolution limits', () => {
  it('ends a very long chain of locals with a reason instead of overflowing the stack', async () => {
    const locals = ['  l0 = "eu-west-1"'];
    for (let i = 1; i < 400; i++) {
      locals.push(`  l${i} = lower(${'('.repeat(40)}local.l${i - 1}${')'.repeat(40)})`);
    }
    const r = await scan({
      '/ws/main.tf': `locals {\n${locals.join('\n')}\n}\nprovider "aws" {\n  region = local.l399\n}\nresource "aws_s3_bucket" "b" {}\n`,
    });
    assert.deepEqual(r.errors, []);
    const p = r.placements[0];
    assert.equal(p.region.kind, 'unknown');
    assert.match(p.region.kind === 'unknown' ? p.region.reason : '', /too long|too deeply/);
  });

  it('a module that calls itself stops at the nesting limit', async () => {
    const r = await scan({
      '/ws/main.tf':
        'provider "aws" {\n  region = "eu-west-1"\n}\nmodule "again" {\n  source = "./"\n}\nresource "aws_sqs_queue" "q" {}\n',
    });
    assert.ok(r.placements.length >= 1 && r.placements.length <= 14, String(r.placements.length));
    assert.ok(r.placements.every((p) => p.regionId === 'eu-west-1'));
  });

  it('expands at most 256 instances of one block', async () => {
    const r = await scan({
      '/ws/main.tf':
        'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_sqs_queue" "q" {\n  count = 100000\n}\n',
    });
    assert.equal(r.placements.length, 256);
  });
});
