import type { Source } from '../types';

/**
 * Azure's published region pairs: where a geo-redundant copy (GRS, RA-GRS, GZRS, RA-GZRS storage,
 * geo-redundant Recovery Services vaults) goes. Read from Microsoft's "Azure region pairs and nonpaired
 * regions" page, dated 2025-01-13. Each entry is directional (region → its secondary): most pairs go
 * both ways, a few only one way (West India → South India, West US 3 → East US, Brazil South → South
 * Central US, Brazil Southeast → Brazil South, US Gov Arizona → US Gov Texas).
 */
export const PAIRS_SOURCE: Source = {
  url: 'https://learn.microsoft.com/en-us/azure/reliability/regions-paired',
  title: 'Azure region pairs and nonpaired regions (Microsoft Learn)',
  asOf: '2025-01-13',
};

const BOTH_WAYS: Array<[string, string]> = [
  ['eastasia', 'southeastasia'],
  ['australiaeast', 'australiasoutheast'],
  ['australiacentral', 'australiacentral2'],
  ['canadacentral', 'canadaeast'],
  ['chinanorth', 'chinaeast'],
  ['chinanorth2', 'chinaeast2'],
  ['chinanorth3', 'chinaeast3'],
  ['northeurope', 'westeurope'],
  ['francecentral', 'francesouth'],
  ['germanywestcentral', 'germanynorth'],
  ['centralindia', 'southindia'],
  ['japaneast', 'japanwest'],
  ['koreacentral', 'koreasouth'],
  ['norwayeast', 'norwaywest'],
  ['southafricanorth', 'southafricawest'],
  ['swedencentral', 'swedensouth'],
  ['switzerlandnorth', 'switzerlandwest'],
  ['ukwest', 'uksouth'],
  ['eastus', 'westus'],
  ['eastus2', 'centralus'],
  ['northcentralus', 'southcentralus'],
  ['westus2', 'westcentralus'],
  ['uaenorth', 'uaecentral'],
  ['usdodeast', 'usdodcentral'],
  ['usgovvirginia', 'usgovtexas'],
];

const ONE_WAY: Array<[string, string]> = [
  ['westindia', 'southindia'],
  ['westus3', 'eastus'],
  ['brazilsouth', 'southcentralus'],
  ['brazilsoutheast', 'brazilsouth'],
  ['usgovarizona', 'usgovtexas'],
];

/** Regions the page lists as having no pair. */
export const NONPAIRED: readonly string[] = [
  'austriaeast',
  'indonesiacentral',
  'israelcentral',
  'italynorth',
  'malaysiawest',
  'mexicocentral',
  'newzealandnorth',
  'polandcentral',
  'qatarcentral',
  'spaincentral',
];

/** Region id → the id of its secondary region. */
export const SECONDARY: ReadonlyMap<string, string> = new Map([
  ...BOTH_WAYS.flatMap(([a, b]): Array<[string, string]> => [
    [a, b],
    [b, a],
  ]),
  ...ONE_WAY,
]);
