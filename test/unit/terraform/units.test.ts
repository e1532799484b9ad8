import assert from 'node:assert/strict';

import { defaultAnalyzers, defaultConfig, Engine } from '../../../src/engine';
import { mayCallModules, mayName } from '../../../src/engine/terraform/config/module-config';
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
  it('parses only files that may declare a module block while grouping', () => {
    assert.equal(mayCallModules('/m/main.tf', 'module "a" {\n  source = "./a"\n}\n'), true);
    assert.equal(mayCallModules('/m/main.tf', 'module a {\n}\n'), true);
    assert.equal(mayCallModules('/m/main.tf', '  module"a"{}\n'), true);
    assert.equal(mayCallModules('/m/main.tf.json', '{ "module": { "a": { "source": "./a" } } }'), true);
    assert.equal(mayCallModules('/m/outputs.tf', 'output "id" {\n  value = module.store.id\n}\n'), false);
    assert.equal(mayCallModules('/m/main.tf', 'resource "aws_s3_bucket" "modules" {}\n'), false);
    assert.equal(mayCallModules('/m/main.tf.json', '{ "output": { "x": { "value": "${module.a.b}" } } }'), false);
  });

  it('parses, in the search for the callers of one module, only files that may name it', () => {
    const call = 'module "s" {\n  source = "../store"\n}\n';
    assert.equal(mayName(call, '/ws/app', '/ws/store'), true);
    assert.equal(mayName('module "s" {\n  source = "../other"\n}\n', '/ws/app', '/ws/store'), false);
    // A module above the caller is reached by ".." alone, without its name.
    assert.equal(mayName('module "root" {\n  source = "../../"\n}\n', '/ws/examples/a', '/ws'), true);
  });

  it('finds the caller of an edited module in a fresh engine past a sibling that calls another module', async () => {
    const fs = memoryFs({
      '/ws/app/main.tf':
        'provider "aws" {\n  region = "eu-north-1"\n}\nmodule "s" {\n  source = "../modules/store"\n}\n',
      '/ws/other/main.tf': 'module "x" {\n  source = "../modules/unrelated"\n}\n',
      '/ws/modules/store/main.tf': CHILD_TF,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const store = await engine.analyzePaths(['/ws/modules/store/main.tf'], { config: defaultConfig(), root: '/ws' });
    assert.deepEqual(
      store.placements.map((p) => [p.address, p.regionId]),
      [['module.s.aws_s3_bucket.b', 'eu-north-1']],
    );
  });

  it('finds the callers of an opened module two folders away (envs/prod, envs/test), as a full scan does', async () => {
    const env = (region: string) =>
      `provider "aws" {\n  region = "${region}"\n}\nmodule "store" {\n  source = "../../modules/store"\n}\n`;
    const files = {
      '/ws/envs/prod/main.tf': env('eu-central-1'),
      '/ws/envs/test/main.tf': env('eu-west-1'),
      '/ws/modules/store/main.tf': CHILD_TF,
    };
    const opened = await new Engine({
      readRoots: ['/ws'],
      fs: memoryFs(files),
      analyzers: defaultAnalyzers(),
    }).analyzePaths(['/ws/modules/store/main.tf'], { config: defaultConfig(), root: '/ws' });
    const scanned = await new Engine({ readRoots: ['/ws'], fs: memoryFs(files), analyzers: defaultAnalyzers() }).scan(
      ['/ws'],
      { config: defaultConfig() },
    );
    const where = (r: { placements: { unit?: string; address: string; regionId: string | null }[] }) =>
      r.placements.map((p) => [p.unit, p.address, p.regionId]);
    // Not the module alone, whose provider sets no region (a CAL002 that no scan reports).
    assert.deepEqual(where(opened), [
      ['terraform:/ws/envs/prod', 'module.store.aws_s3_bucket.b', 'eu-central-1'],
      ['terraform:/ws/envs/test', 'module.store.aws_s3_bucket.b', 'eu-west-1'],
    ]);
    assert.deepEqual(where(opened), where(scanned));
  });

  it('finds the caller of an opened module among many folders beside it, however many there are', async () => {
    const files: Record<string, string> = {
      '/ws/modules/store/main.tf': CHILD_TF,
      '/ws/zz-app/main.tf':
        'provider "aws" {\n  region = "eu-north-1"\n}\nmodule "s" {\n  source = "../modules/store"\n}\n',
    };
    for (let i = 0; i < 40; i++) {
      files[`/ws/app-${String(i).padStart(2, '0')}/main.tf`] = 'resource "aws_sqs_queue" "q" {}\n';
    }
    const opened = await new Engine({
      readRoots: ['/ws'],
      fs: memoryFs(files),
      analyzers: defaultAnalyzers(),
    }).analyzePaths(['/ws/modules/store/main.tf'], { config: defaultConfig(), root: '/ws' });
    assert.deepEqual(
      opened.placements.map((p) => [p.unit, p.regionId]),
      [['terraform:/ws/zz-app', 'eu-north-1']],
    );
  });

  it('forgets, after a scan, the unit of a module it analysed alone before the scan found its root', async () => {
    const files = {
      '/ws/modules/store/main.tf': CHILD_TF,
      // Four folders away: beyond the search for callers nearby.
      '/ws/live/prod/eu/app/main.tf':
        'provider "aws" {\n  region = "eu-west-1"\n}\nmodule "s" {\n  source = "../../../../modules/store"\n}\n',
    };
    const engine = new Engine({ readRoots: ['/ws'], fs: memoryFs(files), analyzers: defaultAnalyzers() });
    const run = { config: defaultConfig(), root: '/ws' };
    const alone = await engine.analyzePaths(['/ws/modules/store/main.tf'], run);
    assert.deepEqual(
      alone.units.map((u) => u.key),
      ['/ws/modules/store'],
    );
    await engine.scan(['/ws'], run);
    const after = await engine.analyzePaths(['/ws/modules/store/main.tf'], run);
    assert.deepEqual(
      after.units.map((u) => u.key),
      ['/ws/live/prod/eu/app'],
    );
    assert.deepEqual(
      after.placements.map((p) => [p.address, p.regionId]),
      [['module.s.aws_s3_bucket.b', 'eu-west-1']],
    );
  });

  it('finds the examples that call a module repository from its root, as a full scan does', async () => {
    const files = {
      '/ws/main.tf':
        'variable "region" {}\nprovider "aws" {\n  region = var.region\n}\nresource "aws_s3_bucket" "b" {}\n',
      '/ws/modules/part/main.tf': CHILD_TF,
      '/ws/examples/basic/README.md': '',
      '/ws/examples/complete/main.tf': 'module "root" {\n  source = "../../"\n  region = "eu-central-1"\n}\n',
      '/ws/examples/nordic/main.tf': 'module "root" {\n  source = "../../"\n  region = "eu-north-1"\n}\n',
      // A wrapper calls the module once per item and has none by default: it adds no placement.
      '/ws/wrappers/main.tf':
        'variable "items" {\n  default = {}\n}\nmodule "wrapper" {\n  source   = "../"\n  for_each = var.items\n  region   = each.value.region\n}\n',
    };
    const opened = await new Engine({
      readRoots: ['/ws'],
      fs: memoryFs(files),
      analyzers: defaultAnalyzers(),
    }).analyzePaths(['/ws/main.tf'], { config: defaultConfig(), root: '/ws' });
    const scanned = await new Engine({ readRoots: ['/ws'], fs: memoryFs(files), analyzers: defaultAnalyzers() }).scan(
      ['/ws'],
      { config: defaultConfig() },
    );
    const where = (r: { placements: { file: string; address: string; regionId: string | null }[] }) =>
      r.placements.filter((p) => p.file === '/ws/main.tf').map((p) => [p.address, p.regionId]);
    assert.deepEqual(where(opened), [
      ['module.root.aws_s3_bucket.b', 'eu-central-1'],
      ['module.root.aws_s3_bucket.b', 'eu-north-1'],
    ]);
    assert.deepEqual(where(opened), where(scanned));
  });

  it('finds a module call declared with a bare label and in HCL JSON', async () => {
    const fs = memoryFs({
      '/ws/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\nmodule store {\n  source = "./store"\n}\n',
      '/ws/store/main.tf': CHILD_TF,
      '/ws/j/main.tf.json': '{ "module": { "s": { "source": "../store2" } } }',
      '/ws/store2/main.tf': CHILD_TF,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const r = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.deepEqual(
      r.units.map((u) => u.key),
      ['/ws', '/ws/j'],
    );
  });

  it('analyses a called module only in the context of its caller', async () => {
    const fs = memoryFs({
      '/ws/main.tf': ROOT_TF,
      '/ws/modules/store/main.tf': CHILD_TF,
      '/ws/other/main.tf': CHILD_TF,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
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
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const r = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.ok(r.placements.some((p) => p.address.endsWith('aws_sqs_queue.a')));
    assert.ok(r.placements.some((p) => p.address.endsWith('aws_sqs_queue.b')));
  });

  it('re-analyses the root unit when a child module file is edited in the editor', async () => {
    const fs = memoryFs({ '/ws/main.tf': ROOT_TF, '/ws/modules/store/main.tf': CHILD_TF });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
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
