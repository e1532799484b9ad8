import type { ExtractedCopy, ProvenanceStep } from '../../model';
import type { ResourceDecl } from '../config/module-config';
import {
  atReferenced,
  blockRegions,
  literal,
  nestedBodies,
  pointingAt,
  reference,
  referrers,
  resourceOf,
  type Subject,
} from './copy-sources';
import {
  BLOCK_REGION_COPIES,
  type BlockRegionCopies,
  GEO_REDUNDANCY_SETTINGS,
  type GeoRedundancySetting,
  sameAzureLocation,
} from '../knowledge/copy-attributes';
import type { Instance } from './instances';
import type { ModuleInstance } from './module-instance';
import { type RegionResult, resolveRegion } from './region';

/** Azure storage settings that keep a copy in the paired region (GEO_REDUNDANCY_SETTINGS). */
function geoRedundantStorage(s: Subject, setting: GeoRedundancySetting): ExtractedCopy[] {
  const { attr, isGeoRedundant: geo, default: dflt } = setting;
  const a = literal(s, attr);
  if (!a) {
    return dflt && geo(dflt)
      ? [
          {
            kind: 'geo-redundancy',
            provider: s.providerId,
            region: { kind: 'pair' },
            provenance: [{ description: `${attr} not set: ${dflt} by default` }],
          },
        ]
      : [];
  }
  if (a.v.t === 'unknown') {
    return [
      {
        kind: 'geo-redundancy',
        provider: s.providerId,
        region: { kind: 'unknown', reason: `whether the storage is geo-redundant is not known: ${a.v.reason}` },
        provenance: [a.step],
      },
    ];
  }
  if (a.v.t !== 'str' || !geo(a.v.v)) {
    return [];
  }
  const step = { ...a.step, description: `${attr} "${a.v.v}"` };
  return [{ kind: 'geo-redundancy', provider: s.providerId, region: { kind: 'pair' }, provenance: [step] }];
}

/** Copies from nested blocks that name regions (BLOCK_REGION_COPIES). */
function ownBlocks(s: Subject, rule: BlockRegionCopies): ExtractedCopy[] {
  const copies = blockRegions(s, rule.kind, rule.path, rule.attr);
  const own = s.primary.region;
  return rule.includesOwnRegion && own.kind === 'known'
    ? copies.filter((c) => !(c.region.kind === 'known' && sameAzureLocation(c.region.value, own.value)))
    : copies;
}

const block = (type: string) => (s: Subject) => ownBlocks(s, BLOCK_REGION_COPIES[type]);
const geo = (type: string) => (s: Subject) => geoRedundantStorage(s, GEO_REDUNDANCY_SETTINGS[type]);

/** The copy rules, per resource type. */
const RULES: Record<string, (s: Subject) => ExtractedCopy[]> = {
  aws_s3_bucket: (s) => [
    // The inline form of older AWS providers, then the separate replication configuration resource.
    ...nestedBodies(
      s.decl.block.body,
      s.inst.env(s.decl.file, s.ri),
      ['replication_configuration', 'rules', 'destination'],
      [],
    )
      .map((b) => atReferenced(s, 'replication', 'destination bucket', b, 'bucket'))
      .filter((c): c is ExtractedCopy => c !== undefined),
    ...replicationConfigurations(s),
  ],
  aws_dynamodb_table: (s) => [
    ...block('aws_dynamodb_table')(s),
    ...referrers(s, 'replica', 'aws_dynamodb_table_replica', 'global_table_arn', 'replica'),
  ],
  aws_secretsmanager_secret: block('aws_secretsmanager_secret'),
  aws_kms_key: (s) => referrers(s, 'replication', 'aws_kms_replica_key', 'primary_key_arn', 'replica key'),
  aws_db_instance: (s) => [
    ...referrers(s, 'replica', 'aws_db_instance', 'replicate_source_db', 'read replica'),
    ...referrers(
      s,
      'backup',
      'aws_db_instance_automated_backups_replication',
      'source_db_instance_arn',
      'automated backups replicated by',
    ),
  ],
  aws_rds_cluster: (s) => [
    ...referrers(s, 'replica', 'aws_rds_cluster', 'replication_source_identifier', 'cross-region replica'),
    ...globalDatabasePeers(s),
  ],
  aws_backup_plan: (s) => {
    const env = s.inst.env(s.decl.file, s.ri);
    return nestedBodies(s.decl.block.body, env, ['rule', 'copy_action'], [])
      .map((b) => atReferenced(s, 'backup', 'destination vault', b, 'destination_vault_arn'))
      .filter((c): c is ExtractedCopy => c !== undefined);
  },
  aws_ecr_replication_configuration: block('aws_ecr_replication_configuration'),
  azurerm_storage_account: geo('azurerm_storage_account'),
  azurerm_recovery_services_vault: geo('azurerm_recovery_services_vault'),
  azurerm_cosmosdb_account: block('azurerm_cosmosdb_account'),
  azurerm_mssql_server: (s) => partnerServers(s),
  // A geo-secondary (create_mode "Secondary") or a copy of the database made from it.
  azurerm_mssql_database: (s) =>
    referrers(s, 'replica', 'azurerm_mssql_database', 'creation_source_database_id', 'database created from it:'),
  google_storage_bucket: block('google_storage_bucket'),
};

/** `aws_s3_bucket_replication_configuration` resources whose `bucket` is this bucket: one copy per destination. */
function replicationConfigurations(s: Subject): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  for (const { other, oi, env } of pointingAt(s, 'aws_s3_bucket_replication_configuration', 'bucket')) {
    const sub: Subject = { ...s, decl: other, ri: oi };
    const head: ProvenanceStep = {
      description: `replication configuration ${other.type}.${other.name}${oi.suffix}`,
      location: { file: other.file, range: other.block.typeRange },
    };
    const unknowns: string[] = [];
    for (const b of nestedBodies(other.block.body, env, ['rule', 'destination'], unknowns)) {
      const c = atReferenced(sub, 'replication', 'destination bucket', b, 'bucket');
      if (c) {
        out.push({ ...c, provenance: [head, ...c.provenance] });
      }
    }
    // Rules written as dynamic blocks over a value that is not known: the copy is listed, not dropped.
    for (const reason of unknowns) {
      out.push({
        kind: 'replication',
        provider: s.providerId,
        region: { kind: 'unknown', reason },
        provenance: [head],
      });
    }
  }
  return out;
}

/**
 * An Aurora global database (`aws_rds_global_cluster`): every other cluster whose
 * `global_cluster_identifier` names the same global cluster holds a replica of the data. A global
 * cluster that this configuration does not declare gives a copy whose region is not known.
 */
function globalDatabasePeers(s: Subject): ExtractedCopy[] {
  const own = s.decl.block.body.attributes.find((x) => x.name === 'global_cluster_identifier');
  if (!own) {
    return [];
  }
  const ownStep: ProvenanceStep = {
    description: 'global_cluster_identifier argument',
    location: { file: s.decl.file, range: own.range },
  };
  const target = resourceOf(s, reference(own.expr));
  if (!target || target.type !== 'aws_rds_global_cluster') {
    return [
      {
        kind: 'replica',
        provider: s.providerId,
        region: {
          kind: 'unknown',
          reason:
            'the cluster is a member of a global database that this configuration does not declare, so where its other members are is not known',
        },
        provenance: [ownStep],
      },
    ];
  }
  const out: ExtractedCopy[] = [];
  for (const { other, oi, at } of pointingAt(s, 'aws_rds_cluster', 'global_cluster_identifier', target, undefined)) {
    const r = resolveRegion(s.inst, other, oi);
    out.push({
      kind: 'replica',
      provider: r.providerId ?? s.providerId,
      region: r.region,
      provenance: [
        ownStep,
        {
          description: `member ${other.type}.${other.name}${oi.suffix} of global database ${target.type}.${target.name}`,
          location: { file: other.file, range: at },
        },
        ...r.provenance,
      ],
    });
  }
  return out;
}

/** The partner servers of failover groups whose `server_id` is this server. */
function partnerServers(s: Subject): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  for (const { other: group, oi: gi, env } of pointingAt(s, 'azurerm_mssql_failover_group', 'server_id')) {
    const head: ProvenanceStep = {
      description: `failover group ${group.type}.${group.name}${gi.suffix}`,
      location: { file: group.file, range: group.block.typeRange },
    };
    for (const b of nestedBodies(group.block.body, env, ['partner_server'], [])) {
      const c = atReferenced(s, 'replica', 'partner server', b, 'id');
      if (c) {
        out.push({ ...c, provenance: [head, ...c.provenance] });
      }
    }
  }
  return out;
}

/** Copies of one resource instance's data that its configuration asks for; [] for types without such rules. */
export function extractCopies(
  inst: ModuleInstance,
  decl: ResourceDecl,
  ri: Instance<unknown> | undefined,
  primary: RegionResult,
): ExtractedCopy[] {
  // Own properties only: a resource type named like an object member (`constructor`) has no rule.
  const rule = Object.hasOwn(RULES, decl.type) ? RULES[decl.type] : undefined;
  if (!rule || !primary.providerId) {
    return [];
  }
  return rule({ inst, decl, ri, primary, providerId: primary.providerId });
}
