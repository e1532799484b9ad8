import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { defaultAnalyzers, defaultConfig, Engine, type LensConfig, type Placement } from '../../../src/engine';
import { mergeConfig } from '../../../src/engine/config';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

const BICEP_MAIN = `targetScope = 'subscription'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-app'
  location: deployment().location
}

module here './app.bicep' = {
  name: 'here'
  scope: rg
}

module elsewhere './app.bicep' = {
  name: 'elsewhere'
  scope: resourceGroup('rg-other')
}
`;
const BICEP_APP = `resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st\${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
}
`;
const BICEP_RG_SCOPED = `module same './app.bicep' = {
  name: 'same'
  scope: resourceGroup()
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
  location: resourceGroup().location
}
`;
const ARM = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-05-01',
        name: 'starm',
        location: '[resourceGroup().location]',
      },
      {
        type: 'Microsoft.KeyVault/vaults',
        apiVersion: '2023-07-01',
        name: 'kvarm',
        location: '[deployment().location]',
      },
    ],
  },
  null,
  2,
);

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cal-target-'));
  const files: Record<string, string> = {
    'sub/main.bicep': BICEP_MAIN,
    'sub/app.bicep': BICEP_APP,
    'rg/main.bicep': BICEP_RG_SCOPED,
    'rg/app.bicep': BICEP_APP,
    'arm/azuredeploy.json': ARM,
  };
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

async function scan(dir: string, config: Partial<LensConfig>): Promise<Map<string, Placement>> {
  const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
  const result = await engine.scan([dir.replace(/\\/g, '/')], { config: { ...defaultConfig(), ...config } });
  assert.deepEqual(result.errors, []);
  return new Map(result.placements.map((p) => [`${path.basename(path.dirname(p.file))}:${p.address}`, p]));
}

describe('deployment target locations from the configuration (Bicep, ARM)', () => {
  let dir = '';
  before(() => (dir = workspace()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves deployment().location and resourceGroup().location unresolved when not configured', async () => {
    const got = await scan(dir, {});
    for (const key of ['sub:rg', 'sub:module.here.sa', 'rg:kv', 'arm:Microsoft.Storage/storageAccounts/starm']) {
      assert.equal(got.get(key)?.region.kind, 'unknown', key);
    }
  });

  it('resolves them from deploymentLocation and resourceGroupLocation, and names the setting', async () => {
    const got = await scan(dir, { deploymentLocation: 'swedencentral', resourceGroupLocation: 'West Europe' });
    const region = (key: string) => got.get(key)?.regionId ?? `unresolved: ${JSON.stringify(got.get(key)?.region)}`;
    // A resource group the template creates at deployment().location, and a module deployed into it.
    assert.equal(region('sub:rg'), 'swedencentral');
    assert.equal(region('sub:module.here.sa'), 'swedencentral');
    // Another resource group, named but not declared here, stays unknown.
    assert.equal(got.get('sub:module.elsewhere.sa')?.region.kind, 'unknown');
    // A template deployed to a resource group, and a module with scope: resourceGroup() (the same one).
    assert.equal(region('rg:kv'), 'westeurope');
    assert.equal(region('rg:module.same.sa'), 'westeurope');
    assert.equal(region('arm:Microsoft.Storage/storageAccounts/starm'), 'westeurope');
    assert.equal(region('arm:Microsoft.KeyVault/vaults/kvarm'), 'swedencentral');
    assert.deepEqual(
      got.get('rg:kv')!.provenance.map((s) => s.description),
      ['resourceGroup().location given as resourceGroupLocation in the configuration'],
    );
    assert.ok(
      got
        .get('arm:Microsoft.KeyVault/vaults/kvarm')!
        .provenance.some(
          (s) => s.description === 'deployment().location given as deploymentLocation in the configuration',
        ),
    );
  });

  it('reads them from the project file and reports ill-typed values', () => {
    const problems: string[] = [];
    const cfg = mergeConfig(
      defaultConfig(),
      { deploymentLocation: ' swedencentral ', resourceGroupLocation: 42 },
      problems,
    );
    assert.equal(cfg.deploymentLocation, 'swedencentral');
    assert.equal(cfg.resourceGroupLocation, undefined);
    assert.deepEqual(problems, ['"resourceGroupLocation" must be a region name, e.g. "westeurope"']);
  });

  it('takes --deployment-location and --resource-group-location on the command line, over the project file', () => {
    writeFileSync(path.join(dir, 'rg', '.cloud-act-lens.json'), JSON.stringify({ resourceGroupLocation: 'eastus' }));
    const run = (...extra: string[]) => {
      const r = spawnSync(
        process.execPath,
        [CLI, 'scan', path.join(dir, 'rg'), '--format', 'json', '--fail-on', 'none', ...extra],
        {
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 0, r.stderr);
      return (JSON.parse(r.stdout) as { resources: Array<{ name: string; region: string | null }> }).resources.find(
        (x) => x.name === 'kv',
      )!.region;
    };
    assert.equal(run(), 'eastus');
    assert.equal(run('--resource-group-location', 'norwayeast'), 'norwayeast');
  });
});
