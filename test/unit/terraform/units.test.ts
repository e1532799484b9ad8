import assert from 'node:assert/strict';
import { defaultAnalyzers, defaultConfig, Engine } from '../../../src/engine';
import { memoryFs } from '../helpers/memory-fs';

const ROOT_TF = `provider "aws" {
  region = "eu-west-1"
}
module "store" {
  source = "./modules/store"
}
`;
const CHILD_TF = `resource "aws_s3_bucket" "b" {}
`;

describe('terraform units', () => {
  it('analyses a called module only in the context of its caller', async () => {
    const fs = memoryFs({
      '/ws/main.tf': ROOT_TF,
      '/ws/modules/store/main.tf': CHILD_TF,
      '/ws/other/main.tf': CHILD_TF,
    });
    const engine = new Engine({ fs, analyzers: defaultAnalyzers() });
    const r = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.deepEqual(
      r.units.map((u) => [u.key, u.files]),
      [
        ['/ws', ['/ws/main.tf', '/ws/modules/store/main.tf']],
        ['/ws/other', ['/ws/other/main.tf']],
      ],
    );
    assert.deepEqual(
      r.placements.map((p) => [p.address, p.regionId]),
      [
        ['module.store.aws_s3_bucket.b', 'eu-west-1'],
        ['aws_s3_bucket.b', null],
      ],
    );
  });

  it('keeps modules that call each other in a cycle instead of dropping them', async () => {
    const fs = memoryFs({
      '/ws/a/main.tf': 'module "b" {\n  source = "../b"\n}\nresource "aws_sqs_queue" "a" {}\n',
      '/ws/b/main.tf': 'module "a" {\n  source = "../a"\n}\nresource "aws_sqs_queue" "b" {}\n',
    });
    const engine = new Engine({ fs, analyzers: defaultAnalyzers() });
    const r = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.ok(r.placements.some((p) => p.address.endsWith('aws_sqs_queue.a')));
    assert.ok(r.placements.some((p) => p.address.endsWith('aws_sqs_queue.b')));
  });

  it('re-analyses the root unit when a child module file is edited in the editor', async () => {
    const fs = memoryFs({ '/ws/main.tf': ROOT_TF, '/ws/modules/store/main.tf': CHILD_TF });
    const engine = new Engine({ fs, analyzers: defaultAnalyzers() });
    await engine.scan(['/ws'], { config: defaultConfig() });
    const edited = 'resource "aws_s3_bucket" "b" {\n  region = "eu-central-1"\n}\n';
    const r = await engine.analyzePaths(['/ws/modules/store/main.tf'], {
      config: defaultConfig(),
      overlays: new Map([['/ws/modules/store/main.tf', edited]]),
    });
    assert.deepEqual(
      r.placements.map((p) => [p.address, p.regionId]),
      [['module.store.aws_s3_bucket.b', 'eu-central-1']],
    );
  });
});
