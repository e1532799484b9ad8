import assert from 'node:assert/strict';

import { defaultAnalyzers, defaultConfig, Engine } from '../../../src/engine';
import { MAX_EVAL_DEPTH } from '../../../src/engine/evaluation';
import { memoryFs } from '../helpers/memory-fs';

async function scan(files: Record<string, string>) {
  const engine = new Engine({ readRoots: ['/'], fs: memoryFs(files), analyzers: defaultAnalyzers() });
  return engine.scan(['/ws'], { config: defaultConfig() });
}

/** A chain of `n` references, each naming the one before, ending in a region: in each language. */
const chains: Record<string, (n: number) => Record<string, string>> = {
  Terraform: (n) => {
    const locals = ['  l0 = "eu-west-1"'];
    for (let i = 1; i < n; i++) {
      locals.push(`  l${i} = local.l${i - 1}`);
    }
    return {
      '/ws/main.tf': `locals {\n${locals.join('\n')}\n}\nprovider "aws" {\n  region = local.l${n - 1}\n}\nresource "aws_s3_bucket" "b" {}\n`,
    };
  },
  Bicep: (n) => {
    const vars = ["var v0 = 'westeurope'"];
    for (let i = 1; i < n; i++) {
      vars.push(`var v${i} = v${i - 1}`);
    }
    return {
      '/ws/main.bicep': `${vars.join('\n')}\nresource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'x'\n  location: v${n - 1}\n  kind: 'StorageV2'\n  sku: { name: 'Standard_LRS' }\n}\n`,
    };
  },
  ARM: (n) => {
    const variables: Record<string, string> = { v0: 'westeurope' };
    for (let i = 1; i < n; i++) {
      variables[`v${i}`] = `[variables('v${i - 1}')]`;
    }
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      variables,
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: 'x',
          location: `[variables('v${n - 1}')]`,
          kind: 'StorageV2',
          sku: { name: 'Standard_LRS' },
        },
      ],
    };
    return { '/ws/azuredeploy.json': JSON.stringify(template) };
  },
};

describe('one evaluation depth budget for every language', () => {
  for (const [language, chain] of Object.entries(chains)) {
    it(`${language}: a chain well inside the budget resolves`, async () => {
      const r = await scan(chain(Math.floor(MAX_EVAL_DEPTH / 3)));
      assert.deepEqual(r.errors, []);
      assert.equal(r.placements.length, 1);
      assert.equal(r.placements[0].region.kind, 'known');
    });

    it(`${language}: a chain beyond the budget is unknown, naming the reference where it stopped`, async () => {
      const r = await scan(chain(MAX_EVAL_DEPTH + 100));
      assert.deepEqual(r.errors, []);
      const region = r.placements[0].region;
      assert.equal(region.kind, 'unknown');
      assert.match(region.kind === 'unknown' ? region.reason : '', /chain of references through .+ is too long/);
    });
  }

  it('ARM: twenty thousand chained variables give a reason, not an internal error', async () => {
    const r = await scan(chains.ARM(20_000));
    assert.deepEqual(r.errors, []);
    assert.equal(r.placements[0].region.kind, 'unknown');
  });
});
