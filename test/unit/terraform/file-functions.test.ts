import assert from 'node:assert/strict';

import { defaultAnalyzers, defaultConfig, Engine, type Placement } from '../../../src/engine';
import { MAX_FILES_READ, MAX_LISTED } from '../../../src/engine/terraform/eval/file-functions';
import { memoryFs } from '../helpers/memory-fs';

async function scan(
  files: Record<string, string>,
  root?: string,
): Promise<{ placements: Map<string, Placement>; errors: unknown[] }> {
  const fs = memoryFs(files);
  const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
  const result = await engine.scan(['/ws/app'], { config: defaultConfig(), root });
  return { placements: new Map(result.placements.map((p) => [p.address, p])), errors: result.errors };
}

const reason = (p: Placement | undefined) => (p?.region.kind === 'unknown' ? p.region.reason : `known ${p?.regionId}`);

describe('terraform file functions', () => {
  it('reads files anywhere in the workspace, and none outside it', async () => {
    const main = `provider "aws" {
  region = yamldecode(file("../shared/settings.yaml")).region
}

resource "aws_s3_bucket" "shared" {}

resource "aws_sqs_queue" "home" {
  region = file("~/.aws/region")
}
`;
    const files = { '/ws/app/main.tf': main, '/ws/shared/settings.yaml': 'region: eu-west-1\n' };
    // With the workspace root at /ws, ../shared is inside it.
    const inside = await scan(files, '/ws');
    assert.equal(inside.placements.get('aws_s3_bucket.shared')?.regionId, 'eu-west-1');
    assert.match(reason(inside.placements.get('aws_sqs_queue.home')), /home directory, which is not read/);
    // Without a root, the module's directory is the boundary.
    const alone = await scan(files);
    assert.match(reason(alone.placements.get('aws_s3_bucket.shared')), /outside the workspace, which is not read/);
    assert.deepEqual(alone.errors, []);
  });

  it('says that a file does not exist, apart from one that cannot be read, and try() takes its default for either', async () => {
    const main = `resource "aws_s3_bucket" "missing" {
  region = trimspace(file("\${path.module}/region.txt"))
}

resource "aws_s3_bucket" "binary" {
  region = file("\${path.module}/region.bin")
}

resource "aws_s3_bucket" "fallback" {
  region = try(file("\${path.module}/region.txt"), "eu-north-1")
}
`;
    const result = await scan({ '/ws/app/main.tf': main, '/ws/app/region.bin': 'eu\u0000' });
    assert.equal(reason(result.placements.get('aws_s3_bucket.missing')), 'file("./region.txt"): no such file');
    assert.equal(reason(result.placements.get('aws_s3_bucket.binary')), 'file("./region.bin") cannot be read');
    assert.equal(result.placements.get('aws_s3_bucket.fallback')?.regionId, 'eu-north-1');
  });

  it('reads at most a bounded number of files, and says so for the rest', async () => {
    const files: Record<string, string> = {
      '/ws/app/main.tf': `locals {
  regions = [for f in fileset(path.module, "sites/*.yaml") : try(yamldecode(file(f)).region, "unread")]
}

resource "aws_s3_bucket" "first" {
  region = local.regions[0]
}

resource "aws_s3_bucket" "last" {
  region = local.regions[length(local.regions) - 1]
}
`,
    };
    const count = MAX_FILES_READ + 10;
    for (let i = 0; i < count; i++) {
      files[`/ws/app/sites/s${String(i).padStart(3, '0')}.yaml`] = 'region: eu-west-1\n';
    }
    const { placements, errors } = await scan(files, '/ws');
    assert.deepEqual(errors, []);
    assert.equal(placements.get('aws_s3_bucket.first')?.regionId, 'eu-west-1');
    // The files beyond the limit are not read: their values stay unknown (try() does not hide that).
    assert.match(reason(placements.get('aws_s3_bucket.last')), new RegExp(`more than ${MAX_FILES_READ} files`));
    assert.ok(MAX_LISTED >= count);
  });

  it('changes follow the files read: a re-scan sees the new YAML', async () => {
    const fs = memoryFs({
      '/ws/app/main.tf':
        'provider "aws" {\n  region = yamldecode(file("cfg.yaml")).region\n}\n\nresource "aws_s3_bucket" "b" {}\n',
      '/ws/app/cfg.yaml': 'region: eu-west-1\n',
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const first = await engine.scan(['/ws/app'], { config: defaultConfig(), root: '/ws' });
    assert.equal(first.placements[0].regionId, 'eu-west-1');
    fs.write('/ws/app/cfg.yaml', 'region: eu-central-1\n');
    engine.invalidate('/ws/app/cfg.yaml');
    const second = await engine.scan(['/ws/app'], { config: defaultConfig(), root: '/ws' });
    assert.equal(second.placements[0].regionId, 'eu-central-1');
  });

  it('names the key and line of a YAML value read with file(), also through anchors and nested keys', async () => {
    const yaml = [
      '# settings',
      'defaults: &d',
      '  region: eu-west-1',
      'sites:',
      '  paris:',
      '    region: eu-west-3',
      '  copy: *d',
      '',
    ].join('\n');
    const main = `locals {
  cfg = yamldecode(file("settings.yaml"))
}

resource "aws_s3_bucket" "paris" {
  region = local.cfg.sites.paris.region
}

resource "aws_s3_bucket" "copy" {
  region = local.cfg.sites.copy.region
}
`;
    const { placements } = await scan({ '/ws/app/main.tf': main, '/ws/app/settings.yaml': yaml }, '/ws');
    const paris = placements.get('aws_s3_bucket.paris')!;
    assert.equal(paris.regionId, 'eu-west-3');
    const last = paris.provenance[paris.provenance.length - 1];
    assert.equal(last.description, 'sites.paris.region in settings.yaml');
    assert.equal(last.location?.file, '/ws/app/settings.yaml');
    assert.equal(last.location?.range.start.line, 5);
    // A value reached through an alias is right; its position is not tracked through the alias.
    assert.equal(placements.get('aws_s3_bucket.copy')?.regionId, 'eu-west-1');
  });
});
