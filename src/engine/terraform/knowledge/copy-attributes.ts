import type { CopyKind } from '../../model';

/**
 * Copies of the data that a resource's own arguments ask for, as data: read from configuration
 * (resolve/copies.ts) and from the planned values of a plan (plan-copies.ts) alike, so the two cannot
 * drift. Copies that come from other resources (replication configurations, read replicas, failover
 * groups) need references and are rules in resolve/copies.ts.
 */

/** Nested blocks (`path`) whose argument `attr` names the region of a copy (a list of regions for `data_locations`). */
export interface BlockRegionCopies {
  kind: CopyKind;
  path: string[];
  attr: string;
  /** The block lists the resource's own region too (Cosmos DB's write region): that one is not a copy. */
  includesOwnRegion?: boolean;
}

export const BLOCK_REGION_COPIES: Readonly<Record<string, BlockRegionCopies>> = {
  // DynamoDB global tables (version 2019.11.21): one replica block per region.
  aws_dynamodb_table: { kind: 'replica', path: ['replica'], attr: 'region_name' },
  aws_secretsmanager_secret: { kind: 'replication', path: ['replica'], attr: 'region' },
  aws_ecr_replication_configuration: {
    kind: 'replication',
    path: ['replication_configuration', 'rule', 'destination'],
    attr: 'region',
  },
  azurerm_cosmosdb_account: { kind: 'replica', path: ['geo_location'], attr: 'location', includesOwnRegion: true },
  // A configurable dual-region: the two regions that hold the data.
  google_storage_bucket: { kind: 'multi-region', path: ['custom_placement_config'], attr: 'data_locations' },
};

/** Azure settings that keep a copy in the region's published pair. */
export interface GeoRedundancySetting {
  attr: string;
  isGeoRedundant: (value: string) => boolean;
  /** The provider's default when the argument is not set. */
  default?: string;
}

const GEO_REDUNDANT_STORAGE = new Set(['GRS', 'RAGRS', 'GZRS', 'RAGZRS']);

export const GEO_REDUNDANCY_SETTINGS: Readonly<Record<string, GeoRedundancySetting>> = {
  azurerm_storage_account: {
    attr: 'account_replication_type',
    isGeoRedundant: (v) => GEO_REDUNDANT_STORAGE.has(v.toUpperCase().replace(/-/g, '')),
  },
  azurerm_recovery_services_vault: {
    attr: 'storage_mode_type',
    isGeoRedundant: (v) => v === 'GeoRedundant',
    default: 'GeoRedundant',
  },
};

/** Whether two Azure location names are the same location (`West Europe`, `westeurope`). */
export function sameAzureLocation(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, '') === b.toLowerCase().replace(/\s+/g, '');
}
