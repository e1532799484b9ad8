import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { defaultAnalyzers, defaultConfig, Engine, isTerraformEnvironment, type Placement } from '../../../src/engine';
import { memoryFs } from '../helpers/memory-fs';

const MAIN = `variable "bucket_region" {
  default = "us-east-1"
}

variable "queue_region" {}

variable "topic_region" {}

provider "aws" {}

provider "google" {}

provider "aws" {
  alias  = "pinned"
  region = "eu-central-1"
}

resource "aws_s3_bucket" "from_provider_env" {}

resource "aws_s3_bucket" "pinned" {
  provider = aws.pinned
}

resource "aws_s3_bucket" "from_tf_var" {
  region = var.bucket_region
}

resource "aws_sqs_queue" "from_tfvars" {
  region = var.queue_region
}

resource "aws_sns_topic" "from_var_flag" {
  region = var.topic_region
}

resource "google_compute_subnetwork" "from_gcloud_env" {
  name          = "s"
  ip_cidr_range = "10.0.0.0/24"
  network       = "n"
}
`;

const ENV = {
  AWS_REGION: 'eu-west-1',
  AWS_DEFAULT_REGION: 'us-west-2',
  CLOUDSDK_COMPUTE_REGION: 'europe-west3',
  TF_VAR_bucket_region: 'eu-north-1',
  TF_VAR_queue_region: 'us-east-2',
  TF_VAR_topic_region: 'us-east-2',
};

async function scan(environment?: Record<string, string>): Promise<Map<string, Placement>> {
  const fs = memoryFs({ '/ws/main.tf': MAIN, '/ws/terraform.tfvars': 'queue_region = "eu-west-3"\n' });
  const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
  const config = { ...defaultConfig(), vars: { topic_region: 'eu-south-1' }, environment };
  const result = await engine.scan(['/ws'], { config });
  return new Map(result.placements.map((p) => [p.address, p]));
}

describe('Terraform: the environment, with --env', () => {
  it('is not read unless asked for', async () => {
    const got = await scan();
    assert.equal(got.get('aws_s3_bucket.from_provider_env')!.region.kind, 'unknown');
    assert.equal(got.get('aws_s3_bucket.from_tf_var')!.regionId, 'us-east-1');
    assert.equal(got.get('google_compute_subnetwork.from_gcloud_env')!.region.kind, 'unknown');
  });

  it('gives provider regions and root variables as Terraform would, below every file and --var', async () => {
    const got = await scan(ENV);
    const region = (a: string) => got.get(a)?.regionId;
    // AWS_REGION wins over AWS_DEFAULT_REGION; a provider that sets its region ignores both.
    assert.equal(region('aws_s3_bucket.from_provider_env'), 'eu-west-1');
    assert.equal(region('aws_s3_bucket.pinned'), 'eu-central-1');
    assert.equal(region('google_compute_subnetwork.from_gcloud_env'), 'europe-west3');
    // TF_VAR_ beats a default, terraform.tfvars beats TF_VAR_, and --var beats both.
    assert.equal(region('aws_s3_bucket.from_tf_var'), 'eu-north-1');
    assert.equal(region('aws_sqs_queue.from_tfvars'), 'eu-west-3');
    assert.equal(region('aws_sns_topic.from_var_flag'), 'eu-south-1');
    assert.deepEqual(
      got.get('aws_s3_bucket.from_provider_env')!.provenance.map((s) => s.description),
      ['provider "aws"', 'AWS_REGION in the environment (--env)'],
    );
    assert.deepEqual(
      got.get('aws_s3_bucket.from_tf_var')!.provenance.map((s) => s.description),
      ['region argument', 'var.bucket_region from TF_VAR_bucket_region in the environment (--env)'],
    );
    const onlyDefault = await scan({ AWS_DEFAULT_REGION: 'us-west-2' });
    assert.equal(onlyDefault.get('aws_s3_bucket.from_provider_env')!.regionId, 'us-west-2');
  });

  it("puts Terragrunt's inputs over the shell's TF_VAR_ variables", async () => {
    const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
    const dir = path.resolve(__dirname, '../../../../test/fixtures/terraform/terragrunt/live/eu').replace(/\\/g, '/');
    const result = await engine.scan([dir], {
      config: { ...defaultConfig(), environment: { TF_VAR_region: 'ap-southeast-2' } },
    });
    assert.deepEqual(
      result.placements.map((p) => p.regionId),
      ['eu-central-1'],
    );
  });

  it('passes on only TF_VAR_ variables and the provider region variables', () => {
    for (const name of [
      'TF_VAR_region',
      'AWS_REGION',
      'AWS_DEFAULT_REGION',
      'GOOGLE_REGION',
      'CLOUDSDK_COMPUTE_REGION',
    ]) {
      assert.ok(isTerraformEnvironment(name), name);
    }
    for (const name of ['HOME', 'PATH', 'AWS_SECRET_ACCESS_KEY', 'GOOGLE_CREDENTIALS', 'TF_LOG']) {
      assert.ok(!isTerraformEnvironment(name), name);
    }
  });

  it('the CLI reads the environment only with --env', () => {
    const cli = path.resolve(__dirname, '../../../../dist/cli.js');
    const fixture = path.resolve(__dirname, '../../../../test/fixtures/terraform/unresolved');
    const run = (...extra: string[]) => {
      const r = spawnSync(process.execPath, [cli, 'scan', fixture, '--format', 'json', '--fail-on', 'none', ...extra], {
        encoding: 'utf8',
        env: { ...process.env, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: '' },
      });
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as { resources: Array<{ provenance: string | null }> };
    };
    const mentions = (doc: { resources: Array<{ provenance: string | null }> }) =>
      doc.resources.some((r) => (r.provenance ?? '').includes('AWS_REGION in the environment'));
    assert.equal(mentions(run()), false);
    assert.equal(mentions(run('--env')), true);
  });
});
