import type { ExtractedCopy, ProvenanceStep } from '../../model';
import type { ModuleConfig, ResourceDecl } from '../config/module-config';
import { type Env, evaluate } from '../eval/evaluate';
import { map, str, type Val } from '../eval/values';
import type { Block, Body, Expression, ScopeTraversalExpression } from '../parser';
import type { Instance } from './instances';
import { knownOrOpaque } from './module-calls';
import type { ModuleInstance } from './module-instance';
import { type RegionResult, resolveRegion } from './region';

/**
 * The module's resources of one type, indexed once per module configuration: copy rules look for the
 * resources that point at a resource (replication configurations, replicas), and scanning every
 * resource of the module for each resource made a file of 150,000 buckets quadratic.
 */
const byType = new WeakMap<ModuleConfig, Map<string, ResourceDecl[]>>();

function ofType(s: Subject, type: string): readonly ResourceDecl[] {
  let index = byType.get(s.inst.cfg);
  if (!index) {
    index = new Map();
    for (const r of s.inst.cfg.resources) {
      if (r.mode === 'managed') {
        const list = index.get(r.type);
        if (list) {
          list.push(r);
        } else {
          index.set(r.type, [r]);
        }
      }
    }
    byType.set(s.inst.cfg, index);
  }
  return index.get(type) ?? [];
}

/** What the copy rules of one resource need: its module instance, declaration, instance and region. */
interface Subject {
  inst: ModuleInstance;
  decl: ResourceDecl;
  ri: Instance<unknown> | undefined;
  primary: RegionResult;
  providerId: string;
}

type Kind = ExtractedCopy['kind'];

/** A blocks' bodies with the environment to evaluate each in: literal blocks and expanded `dynamic` blocks. */
interface BodyInEnv {
  body: Body;
  env: Env;
  block: Block;
}

const MAX_DYNAMIC = 64;

/**
 * Bodies of the nested blocks named `path` (e.g. `["rule", "destination"]`), including `dynamic`
 * blocks whose `for_each` is known: the iterator is bound as Terraform binds it (`<name>.key`,
 * `<name>.value`). A dynamic block whose `for_each` is not known yields one copy with the reason.
 */
function nestedBodies(body: Body, env: Env, path: string[], unknowns: string[]): BodyInEnv[] {
  if (path.length === 0) {
    return [];
  }
  const [name, ...rest] = path;
  const out: BodyInEnv[] = [];
  for (const b of body.blocks) {
    if (b.type === name) {
      out.push(...(rest.length === 0 ? [{ body: b.body, env, block: b }] : nestedBodies(b.body, env, rest, unknowns)));
    } else if (b.type === 'dynamic' && b.labels[0]?.value === name) {
      const content = b.body.blocks.find((c) => c.type === 'content');
      const forEach = b.body.attributes.find((a) => a.name === 'for_each');
      const iteratorAttr = b.body.attributes.find((a) => a.name === 'iterator');
      const iterator =
        iteratorAttr?.expr.kind === 'scopeTraversal' && iteratorAttr.expr.steps.length === 0
          ? iteratorAttr.expr.root
          : name;
      if (!content || !forEach) {
        continue;
      }
      const v = evaluate(forEach.expr, env);
      const items: Array<[Val, Val]> =
        v.t === 'list'
          ? v.items.map((x, i) => [str(String(i)), x])
          : v.t === 'map'
            ? [...v.entries].map(([k, x]) => [str(k), x])
            : [];
      if (v.t === 'unknown') {
        unknowns.push(`dynamic "${name}" blocks whose for_each is not known statically: ${v.reason}`);
      }
      for (const [key, value] of items.slice(0, MAX_DYNAMIC)) {
        const bound = new Map(env.bound ?? []);
        bound.set(
          iterator,
          map(
            new Map([
              ['key', key],
              ['value', value],
            ]),
          ),
        );
        const inner = { ...env, bound };
        out.push(
          ...(rest.length === 0
            ? [{ body: content.body, env: inner, block: b }]
            : nestedBodies(content.body, inner, rest, unknowns)),
        );
      }
    }
  }
  return out;
}

function attrValue(b: BodyInEnv, name: string): { v: Val; step: ProvenanceStep } | undefined {
  const a = b.body.attributes.find((x) => x.name === name);
  if (!a) {
    return undefined;
  }
  return {
    v: evaluate(a.expr, b.env),
    step: { description: `${name} argument`, location: { file: b.env.file, range: a.range } },
  };
}

/** Copies at regions written as a value (a replica block's `region`, a list of data locations). */
function fromValue(s: Subject, kind: Kind, v: Val, step: ProvenanceStep): ExtractedCopy[] {
  const provenance = [step, ...v.o.steps];
  if (v.t === 'null') {
    return [];
  }
  if (v.t === 'list') {
    return v.items.flatMap((item) => fromValue(s, kind, item, step));
  }
  if (v.t === 'str') {
    return [{ kind, provider: s.providerId, region: { kind: 'known', value: v.v }, provenance }];
  }
  const reason = v.t === 'unknown' ? v.reason : 'the region value is not a string';
  return [{ kind, provider: s.providerId, region: { kind: 'unknown', reason }, provenance }];
}

/** Strips parentheses and `"${x}"` around a reference. */
function reference(e: Expression): ScopeTraversalExpression | undefined {
  while (e.kind === 'parentheses') {
    e = e.expr;
  }
  if (e.kind === 'template' && e.parts.length === 1 && e.parts[0].kind === 'interpolation') {
    e = e.parts[0].expr;
  }
  return e.kind === 'scopeTraversal' && e.steps[0]?.kind === 'attr' ? e : undefined;
}

/** A copy at another managed resource the configuration names (a destination bucket, a backup vault). */
function atReferenced(s: Subject, kind: Kind, what: string, b: BodyInEnv, attr: string): ExtractedCopy | undefined {
  const a = b.body.attributes.find((x) => x.name === attr);
  if (!a) {
    return undefined;
  }
  const step: ProvenanceStep = { description: `${attr} argument`, location: { file: b.env.file, range: a.range } };
  const ref = reference(a.expr);
  const target =
    ref && ref.steps[0].kind === 'attr' ? s.inst.cfg.byAddress.get(`${ref.root}.${ref.steps[0].name}`) : undefined;
  if (!ref || !target) {
    const v = evaluate(a.expr, b.env);
    return {
      kind,
      provider: s.providerId,
      region: {
        kind: 'unknown',
        reason: `the ${what} is not a resource of this configuration${v.t === 'str' ? ' (an ARN or name written as text)' : ''}, so its region is not known`,
      },
      provenance: [step],
    };
  }
  const picked = s.inst.pickInstance(target, ref.steps.slice(1), b.env);
  if ('value' in picked) {
    const reason = picked.value.t === 'unknown' ? picked.value.reason : `the ${what} instance is not known`;
    return { kind, provider: s.providerId, region: { kind: 'unknown', reason }, provenance: [step] };
  }
  return fromRegion(
    s,
    kind,
    `${what} ${target.type}.${target.name}${picked.instance?.suffix ?? ''}`,
    step,
    s.inst,
    target,
    picked.instance,
  );
}

function fromRegion(
  s: Subject,
  kind: Kind,
  label: string,
  step: ProvenanceStep,
  inst: ModuleInstance,
  target: ResourceDecl,
  ri: Instance<unknown> | undefined,
): ExtractedCopy {
  const r = resolveRegion(inst, target, ri);
  const provenance = [
    step,
    { description: label, location: { file: target.file, range: target.block.typeRange } },
    ...r.provenance,
  ];
  return { kind, provider: r.providerId ?? s.providerId, region: r.region, provenance };
}

/** Whether `e` refers to `decl` (any attribute of it), and to the instance `ri` when it names one. */
function refersTo(e: Expression, decl: ResourceDecl, ri: Instance<unknown> | undefined, env: Env): boolean {
  const ref = reference(e);
  if (!ref || ref.root !== decl.type || ref.steps[0].kind !== 'attr' || ref.steps[0].name !== decl.name) {
    return false;
  }
  const index = ref.steps[1];
  if (index?.kind !== 'index' || ri?.key === undefined) {
    return true;
  }
  const k = evaluate(index.key, env);
  return (k.t === 'str' || k.t === 'num') && String(k.v) === ri.key;
}

/**
 * Copies made by other resources of the module that point at this one (`aws_kms_replica_key` →
 * `primary_key_arn`, a read replica's `replicate_source_db`): each instance of such a resource is a
 * copy in that instance's own region.
 */
function referrers(s: Subject, kind: Kind, type: string, attr: string, label: string): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  for (const other of ofType(s, type)) {
    if (other === s.decl) {
      continue;
    }
    const a = other.block.body.attributes.find((x) => x.name === attr);
    for (const oi of knownOrOpaque(s.inst.instancesOf(other))) {
      if (a && refersTo(a.expr, s.decl, s.ri, s.inst.env(other.file, oi))) {
        const step = {
          description: `${label} ${other.type}.${other.name}${oi.suffix}`,
          location: { file: other.file, range: a.range },
        };
        const r = resolveRegion(s.inst, other, oi);
        out.push({
          kind,
          provider: r.providerId ?? s.providerId,
          region: r.region,
          provenance: [step, ...r.provenance],
        });
      }
    }
  }
  return out;
}

/** Copies written in nested blocks of the resource itself: `replica { region_name = ... }`. */
function blockRegions(s: Subject, kind: Kind, path: string[], attr: string): ExtractedCopy[] {
  const unknowns: string[] = [];
  const env = s.inst.env(s.decl.file, s.ri);
  const out: ExtractedCopy[] = [];
  for (const b of nestedBodies(s.decl.block.body, env, path, unknowns)) {
    const a = attrValue(b, attr);
    if (a) {
      out.push(...fromValue(s, kind, a.v, a.step));
    }
  }
  for (const reason of unknowns) {
    out.push({ kind, provider: s.providerId, region: { kind: 'unknown', reason }, provenance: [] });
  }
  return out;
}

function literal(s: Subject, name: string): { v: Val; step: ProvenanceStep } | undefined {
  const env = s.inst.env(s.decl.file, s.ri);
  return attrValue({ body: s.decl.block.body, env, block: s.decl.block }, name);
}

const GEO_REDUNDANT = new Set(['GRS', 'RAGRS', 'GZRS', 'RAGZRS']);

/** Azure storage replication types that keep a copy in the paired region. */
function geoRedundantStorage(s: Subject, attr: string, geo: (v: string) => boolean, dflt?: string): ExtractedCopy[] {
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
    ...blockRegions(s, 'replica', ['replica'], 'region_name'),
    ...referrers(s, 'replica', 'aws_dynamodb_table_replica', 'global_table_arn', 'replica'),
  ],
  aws_secretsmanager_secret: (s) => blockRegions(s, 'replication', ['replica'], 'region'),
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
  aws_ecr_replication_configuration: (s) =>
    blockRegions(s, 'replication', ['replication_configuration', 'rule', 'destination'], 'region'),
  azurerm_storage_account: (s) =>
    geoRedundantStorage(s, 'account_replication_type', (v) => GEO_REDUNDANT.has(v.toUpperCase().replace(/-/g, ''))),
  azurerm_recovery_services_vault: (s) =>
    geoRedundantStorage(s, 'storage_mode_type', (v) => v === 'GeoRedundant', 'GeoRedundant'),
  azurerm_cosmosdb_account: (s) =>
    blockRegions(s, 'replica', ['geo_location'], 'location').filter(
      (c) =>
        !(
          c.region.kind === 'known' &&
          s.primary.region.kind === 'known' &&
          sameAzure(c.region.value, s.primary.region.value)
        ),
    ),
  azurerm_mssql_server: (s) => partnerServers(s),
  // A geo-secondary (create_mode "Secondary") or a copy of the database made from it.
  azurerm_mssql_database: (s) =>
    referrers(s, 'replica', 'azurerm_mssql_database', 'creation_source_database_id', 'database created from it:'),
  google_storage_bucket: (s) => blockRegions(s, 'multi-region', ['custom_placement_config'], 'data_locations'),
};

function sameAzure(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, '') === b.toLowerCase().replace(/\s+/g, '');
}

/** `aws_s3_bucket_replication_configuration` resources whose `bucket` is this bucket: one copy per destination. */
function replicationConfigurations(s: Subject): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  for (const other of ofType(s, 'aws_s3_bucket_replication_configuration')) {
    const bucket = other.block.body.attributes.find((x) => x.name === 'bucket');
    for (const oi of knownOrOpaque(s.inst.instancesOf(other))) {
      const env = s.inst.env(other.file, oi);
      if (!bucket || !refersTo(bucket.expr, s.decl, s.ri, env)) {
        continue;
      }
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
  const ref = reference(own.expr);
  const target =
    ref && ref.steps[0].kind === 'attr' ? s.inst.cfg.byAddress.get(`${ref.root}.${ref.steps[0].name}`) : undefined;
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
  for (const other of ofType(s, 'aws_rds_cluster')) {
    if (other === s.decl) {
      continue;
    }
    const a = other.block.body.attributes.find((x) => x.name === 'global_cluster_identifier');
    for (const oi of knownOrOpaque(s.inst.instancesOf(other))) {
      if (a && refersTo(a.expr, target, undefined, s.inst.env(other.file, oi))) {
        const r = resolveRegion(s.inst, other, oi);
        out.push({
          kind: 'replica',
          provider: r.providerId ?? s.providerId,
          region: r.region,
          provenance: [
            ownStep,
            {
              description: `member ${other.type}.${other.name}${oi.suffix} of global database ${target.type}.${target.name}`,
              location: { file: other.file, range: a.range },
            },
            ...r.provenance,
          ],
        });
      }
    }
  }
  return out;
}

/** The partner servers of failover groups whose `server_id` is this server. */
function partnerServers(s: Subject): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  for (const group of ofType(s, 'azurerm_mssql_failover_group')) {
    const server = group.block.body.attributes.find((x) => x.name === 'server_id');
    for (const gi of knownOrOpaque(s.inst.instancesOf(group))) {
      const env = s.inst.env(group.file, gi);
      if (!server || !refersTo(server.expr, s.decl, s.ri, env)) {
        continue;
      }
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
