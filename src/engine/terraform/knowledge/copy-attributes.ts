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
  // DynamoDB global tables of the 2017 version: every region of the global table, its own included.
  aws_dynamodb_global_table: { kind: 'replica', path: ['replica'], attr: 'region_name', includesOwnRegion: true },
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

/** Another resource that names this one in `attr` holds a copy: the copy is where that resource is. */
export interface ReferrerCopies {
  kind: CopyKind;
  from: string;
  attr: string;
  /** How the provenance names the other resource ("read replica aws_db_instance.r"). */
  label: string;
}

export const REFERRER_COPIES: Readonly<Record<string, readonly ReferrerCopies[]>> = {
  aws_dynamodb_table: [
    { kind: 'replica', from: 'aws_dynamodb_table_replica', attr: 'global_table_arn', label: 'replica' },
  ],
  aws_kms_key: [{ kind: 'replication', from: 'aws_kms_replica_key', attr: 'primary_key_arn', label: 'replica key' }],
  aws_db_instance: [
    { kind: 'replica', from: 'aws_db_instance', attr: 'replicate_source_db', label: 'read replica' },
    {
      kind: 'backup',
      from: 'aws_db_instance_automated_backups_replication',
      attr: 'source_db_instance_arn',
      label: 'automated backups replicated by',
    },
  ],
  aws_rds_cluster: [
    {
      kind: 'replica',
      from: 'aws_rds_cluster',
      attr: 'replication_source_identifier',
      label: 'cross-region replica',
    },
  ],
  // A geo-secondary (create_mode "Secondary") or a copy of the database made from it.
  azurerm_mssql_database: [
    {
      kind: 'replica',
      from: 'azurerm_mssql_database',
      attr: 'creation_source_database_id',
      label: 'database created from it:',
    },
  ],
};

/**
 * A linking resource (`via`) names this resource in `attr` and, in its nested `path` blocks (or in
 * its own body when `path` is empty), the resource that receives the copy in `target`: S3 replication
 * configurations, SQL failover groups, Azure blob object replication policies.
 */
export interface LinkCopies {
  kind: CopyKind;
  via: string;
  attr: string;
  path: string[];
  target: string;
  /** How the provenance names the linking resource, and what the target is. */
  label: string;
  what: string;
  /** `attr` is a map and its item `key` names this resource (`params = { source_dataset_id = ... }`). */
  key?: string;
  /** The linking resource makes a copy only when its argument `attr` is the text `value`. */
  when?: { attr: string; value: string };
}

export const LINK_COPIES: Readonly<Record<string, readonly LinkCopies[]>> = {
  aws_s3_bucket: [
    {
      kind: 'replication',
      via: 'aws_s3_bucket_replication_configuration',
      attr: 'bucket',
      path: ['rule', 'destination'],
      target: 'bucket',
      label: 'replication configuration',
      what: 'destination bucket',
    },
  ],
  // Blob object replication copies blobs from containers of the source account to the destination's.
  azurerm_storage_account: [
    {
      kind: 'replication',
      via: 'azurerm_storage_object_replication',
      attr: 'source_storage_account_id',
      path: [],
      target: 'destination_storage_account_id',
      label: 'object replication',
      what: 'destination storage account',
    },
  ],
  // A BigQuery cross-region dataset copy (Data Transfer Service): the source dataset named in
  // `params.source_dataset_id` is copied into `destination_dataset_id`, wherever that dataset is.
  google_bigquery_dataset: [
    {
      kind: 'replication',
      via: 'google_bigquery_data_transfer_config',
      attr: 'params',
      key: 'source_dataset_id',
      when: { attr: 'data_source_id', value: 'cross_region_copy' },
      path: [],
      target: 'destination_dataset_id',
      label: 'cross-region dataset copy',
      what: 'destination dataset',
    },
  ],
  azurerm_mssql_server: [
    {
      kind: 'replica',
      via: 'azurerm_mssql_failover_group',
      attr: 'server_id',
      path: ['partner_server'],
      target: 'id',
      label: 'failover group',
      what: 'partner server',
    },
  ],
};

/** The resource's own nested `path` blocks name, in `target`, the resource that receives the copy. */
export interface OwnReferenceCopies {
  kind: CopyKind;
  path: string[];
  target: string;
  what: string;
}

export const OWN_REFERENCE_COPIES: Readonly<Record<string, readonly OwnReferenceCopies[]>> = {
  // The inline form of older AWS providers.
  aws_s3_bucket: [
    {
      kind: 'replication',
      path: ['replication_configuration', 'rules', 'destination'],
      target: 'bucket',
      what: 'destination bucket',
    },
  ],
  aws_backup_plan: [
    { kind: 'backup', path: ['rule', 'copy_action'], target: 'destination_vault_arn', what: 'destination vault' },
  ],
};
