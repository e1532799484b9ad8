import assert from 'node:assert/strict';

import { classifyAzureType } from '../../../src/engine/azure/resource-kinds';

describe('classifyAzureType', () => {
  const cases: Array<[string, boolean, 'customer-data' | 'no-customer-data', boolean]> = [
    ['Microsoft.Storage/storageAccounts', false, 'customer-data', false],
    ['microsoft.storage/STORAGEACCOUNTS/blobServices/containers', false, 'customer-data', true],
    ['Microsoft.Sql/servers/databases', false, 'customer-data', true],
    ['Microsoft.DocumentDB/databaseAccounts', false, 'customer-data', false],
    ['Microsoft.KeyVault/vaults', false, 'customer-data', false],
    ['Microsoft.Compute/disks', false, 'customer-data', false],
    ['Microsoft.Compute/availabilitySets', false, 'no-customer-data', false],
    ['Microsoft.Web/sites', false, 'customer-data', false],
    ['Microsoft.Web/serverfarms', false, 'no-customer-data', false],
    ['Microsoft.Network/virtualNetworks', false, 'no-customer-data', false],
    ['Microsoft.Network/frontDoors', true, 'no-customer-data', false],
    ['Microsoft.Cdn/profiles/afdEndpoints', true, 'no-customer-data', true],
    ['Microsoft.Network/dnsZones/A', true, 'no-customer-data', true],
    ['Microsoft.Network/privateDnsZones', true, 'no-customer-data', false],
    ['Microsoft.Network/trafficManagerProfiles', true, 'no-customer-data', false],
    ['Microsoft.Authorization/roleAssignments', true, 'no-customer-data', false],
    ['Microsoft.Authorization/policyAssignments', true, 'no-customer-data', false],
    ['Microsoft.Management/managementGroups', true, 'no-customer-data', false],
    ['Microsoft.AzureActiveDirectory/b2cDirectories', true, 'customer-data', false],
    ['Microsoft.Insights/components', false, 'customer-data', false],
    ['Microsoft.Insights/diagnosticSettings', false, 'no-customer-data', true],
    [
      'Microsoft.Storage/storageAccounts/providers/Microsoft.Insights/diagnosticSettings',
      false,
      'no-customer-data',
      true,
    ],
    ['Contoso.Unknown/widgets', false, 'customer-data', false],
  ];
  for (const [type, global, dataClass, inherits] of cases) {
    it(type, () => {
      const info = classifyAzureType(type);
      assert.deepEqual([info.global, info.dataClass, info.inheritsLocation], [global, dataClass, inherits]);
      assert.ok(info.rationale.length > 5);
    });
  }
});
