import assert from 'node:assert/strict';

import { defaultAnalyzers, defaultConfig, Engine, type Placement } from '../../../src/engine';
import { memoryFs } from '../helpers/memory-fs';

/**
 * The cases the two Azure evaluators used to disagree on, each written in Bicep and in the ARM JSON the
 * Bicep compiler emits for it: both must give the same placements.
 */
const BICEP = `param location string = 'swedencentral'

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm'
  location: format('{0}', location)

  resource ext 'extensions' = {
    name: 'monitor'
    location: take(location, 20)
  }
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'shared'
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'token'
  properties: { value: 'x' }
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'lock'
  scope: vm
  properties: { level: 'CanNotDelete' }
}

resource telemetry 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'telemetry'
  location: deployment().location
  properties: { mode: 'Incremental', template: { '$schema': 'x', contentVersion: '1.0.0.0', resources: [] } }
}

resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: substring('stdata-\${uniqueString('x')}', 0, 6)
  location: tryGet({ primary: location }, 'primary')
  kind: 'StorageV2'
  sku: { name: startsWith(location, 'sweden') ? 'Standard_GRS' : 'Standard_LRS' }
}
`;

const ARM = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  languageVersion: '2.0',
  contentVersion: '1.0.0.0',
  metadata: { _generator: { name: 'bicep', version: '0.30.0' } },
  parameters: { location: { type: 'string', defaultValue: 'swedencentral' } },
  resources: {
    'vm::ext': {
      type: 'Microsoft.Compute/virtualMachines/extensions',
      apiVersion: '2024-03-01',
      name: "[format('{0}/{1}', 'vm', 'monitor')]",
      location: "[take(parameters('location'), 20)]",
      dependsOn: ['vm'],
    },
    vm: {
      type: 'Microsoft.Compute/virtualMachines',
      apiVersion: '2024-03-01',
      name: 'vm',
      location: "[format('{0}', parameters('location'))]",
    },
    kv: { existing: true, type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'shared' },
    secret: {
      type: 'Microsoft.KeyVault/vaults/secrets',
      apiVersion: '2023-07-01',
      name: "[format('{0}/{1}', 'shared', 'token')]",
      properties: { value: 'x' },
    },
    lock: {
      type: 'Microsoft.Authorization/locks',
      apiVersion: '2020-05-01',
      scope: "[format('Microsoft.Compute/virtualMachines/{0}', 'vm')]",
      name: 'lock',
      properties: { level: 'CanNotDelete' },
      dependsOn: ['vm'],
    },
    telemetry: {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2024-03-01',
      name: 'telemetry',
      location: '[deployment().location]',
      properties: {
        mode: 'Incremental',
        template: { $schema: 'x', contentVersion: '1.0.0.0', resources: [] },
      },
    },
    sa: {
      type: 'Microsoft.Storage/storageAccounts',
      apiVersion: '2023-05-01',
      name: "[substring(format('stdata-{0}', uniqueString('x')), 0, 6)]",
      location: "[tryGet(createObject('primary', parameters('location')), 'primary')]",
      kind: 'StorageV2',
      sku: { name: "[if(startsWith(parameters('location'), 'sweden'), 'Standard_GRS', 'Standard_LRS')]" },
    },
  },
});

function summary(placements: Placement[]): string[] {
  return placements
    .map((p) =>
      [
        p.type.toLowerCase(),
        p.regionId ?? '?',
        p.findings.map((f) => f.ruleId).join('+'),
        p.copies.map((c) => `${c.kind}:${c.regionId}`).join('+'),
      ].join(' '),
    )
    .sort();
}

describe('one Azure evaluator for Bicep and ARM JSON', () => {
  it('gives a template and its compiled JSON the same placements', async () => {
    const fs = memoryFs({ '/ws/bicep/main.bicep': BICEP, '/ws/arm/azuredeploy.json': ARM });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const bicep = await engine.scan(['/ws/bicep'], { config: defaultConfig() });
    const arm = await engine.scan(['/ws/arm'], { config: defaultConfig() });
    const expected = [
      // format(), take(), tryGet() and startsWith() are evaluated in both languages; the extension is placed.
      'microsoft.compute/virtualmachines swedencentral CAL001 ',
      'microsoft.compute/virtualmachines/extensions swedencentral CAL001 ',
      'microsoft.storage/storageaccounts swedencentral CAL001 geo-redundancy:swedensouth',
      // The secret lives in an existing vault whose region is not declared here: placed with it, not CAL002.
      // The lock (no location, no data) and the deployment are not placements.
    ];
    assert.deepEqual(summary(bicep.placements), expected);
    assert.deepEqual(summary(arm.placements), expected);
  });
});
