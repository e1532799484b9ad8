import type { DataClass } from '../model';

/**
 * What Azure resource types (Bicep and ARM) mean for placement: global services (CAL003) and whether a
 * type holds customer data (decides CAL001's severity). Shared by the Bicep and ARM analyzers.
 * SEED: extended by the ARM/Bicep work.
 */
export interface AzureTypeInfo {
  global: boolean;
  dataClass: DataClass;
}

const GLOBAL_TYPES = new Set(
  [
    'Microsoft.Network/frontDoors',
    'Microsoft.Cdn/profiles',
    'Microsoft.Network/dnsZones',
    'Microsoft.Network/trafficManagerProfiles',
  ].map((t) => t.toLowerCase()),
);

const NO_DATA_PREFIXES = [
  'microsoft.network/',
  'microsoft.authorization/',
  'microsoft.resources/',
  'microsoft.managedidentity/',
].map((t) => t.toLowerCase());

/** Classifies an Azure resource type (`Microsoft.Storage/storageAccounts`, case-insensitive, child types included). */
export function classifyAzureType(type: string): AzureTypeInfo {
  const t = type.toLowerCase();
  const top = t.split('/').slice(0, 2).join('/');
  if (GLOBAL_TYPES.has(top)) {
    return { global: true, dataClass: 'no-customer-data' };
  }
  if (NO_DATA_PREFIXES.some((p) => t.startsWith(p))) {
    return { global: false, dataClass: 'no-customer-data' };
  }
  return { global: false, dataClass: 'customer-data' };
}
