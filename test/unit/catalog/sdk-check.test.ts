import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { listRegions, lookupRegion } from '../../../src/engine/catalog';

/** The repository root, found by walking up to the directory holding node_modules (works from src or out). */
function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'node_modules')) && fs.existsSync(path.join(dir, 'package.json'))) {
      return dir;
    }
    dir = path.dirname(dir);
  }
  throw new Error('repository root not found');
}

interface SdkRegion {
  id: string;
  partition: string;
}

/** Region ids and partitions of the AWS SDK's partitions data (an ES module holding one JSON object). */
function awsSdkRegions(): SdkRegion[] {
  const file = path.join(
    repoRoot(),
    'node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js',
  );
  const text = fs.readFileSync(file, 'utf8');
  const json = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
    partitions: Array<{ id: string; regions: Record<string, unknown> }>;
  };
  return json.partitions.flatMap((p) => Object.keys(p.regions).map((id) => ({ id, partition: p.id })));
}

/** Region ids and realms registered in oci-common's region table. */
function ociSdkRegions(): SdkRegion[] {
  const text = fs.readFileSync(path.join(repoRoot(), 'node_modules/oci-common/lib/region.js'), 'utf8');
  const out: SdkRegion[] = [];
  const re = /Region\.register\("([a-z0-9-]+)",\s*realm_1\.Realm\.(OC\d+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ id: m[1], partition: m[2].toLowerCase() });
  }
  return out;
}

/** Region and zone ids of the Scaleway SDK's `Region` and `Zone` types (a union of string literals). */
function scalewaySdkRegions(): SdkRegion[] {
  const text = fs.readFileSync(
    path.join(repoRoot(), 'node_modules/@scaleway/sdk-client/dist/scw/locality.d.ts'),
    'utf8',
  );
  const out: SdkRegion[] = [];
  for (const type of ['Region', 'Zone']) {
    const decl = new RegExp(`export type ${type} = ([^;]+);`).exec(text)?.[1] ?? '';
    for (const m of decl.matchAll(/'([a-z0-9-]+)'/g)) {
      out.push({ id: m[1], partition: 'scaleway' });
    }
  }
  return out;
}

/** Region ids of the Huawei Cloud SDK's ECS region table (`new Region("eu-west-101", [...])`). */
function huaweiSdkRegions(): SdkRegion[] {
  const text = fs.readFileSync(
    path.join(repoRoot(), 'node_modules/@huaweicloud/huaweicloud-sdk-ecs/v2/EcsRegion.js'),
    'utf8',
  );
  return [...text.matchAll(/new region_1\.Region\("([a-z0-9-]+)"/g)].map((m) => ({
    id: m[1],
    partition: 'huaweicloud',
  }));
}

describe('catalog check: SDK region lists are all in the catalog', () => {
  it('finds the SDK data', () => {
    assert.ok(awsSdkRegions().length >= 40);
    assert.ok(ociSdkRegions().length >= 80);
    assert.ok(scalewaySdkRegions().length >= 12);
    assert.ok(huaweiSdkRegions().length >= 30);
  });

  for (const [provider, read] of [
    ['aws', awsSdkRegions],
    ['oci', ociSdkRegions],
    ['scaleway', scalewaySdkRegions],
    ['huaweicloud', huaweiSdkRegions],
  ] as const) {
    it(`every ${provider} SDK region is in the catalog with the same partition`, () => {
      const problems: string[] = [];
      for (const sdk of read()) {
        const match = lookupRegion(provider, sdk.id);
        if (!match) {
          problems.push(`${sdk.id} (${sdk.partition}) is missing: add it to src/engine/catalog/data/${provider}.ts`);
        } else if (match.region.partition !== sdk.partition) {
          problems.push(`${sdk.id}: catalog partition ${match.region.partition}, SDK ${sdk.partition}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  it('has no AWS region the SDK does not list (a retired or mistyped id)', () => {
    // Only for AWS: the partitions data is complete, while oci-common's table lags newer OCI SDKs.
    const aws = new Set(awsSdkRegions().map((r) => r.id));
    const extra = listRegions('aws')
      .filter((r) => r.kind === 'region' || r.kind === 'global')
      .map((r) => r.id)
      .filter((id) => !aws.has(id));
    assert.deepEqual(extra, []);
  });
});
