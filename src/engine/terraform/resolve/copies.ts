import type { ExtractedCopy, ProvenanceStep } from '../../model';
import { memoByKey } from '../../text/memo';
import type { ResourceDecl } from '../config/module-config';
import { type Env, evaluate } from '../eval/evaluate';
import {
  BLOCK_REGION_COPIES,
  type BlockRegionCopies,
  GEO_REDUNDANCY_SETTINGS,
  type GeoRedundancySetting,
  LINK_COPIES,
  type LinkCopies,
  OWN_REFERENCE_COPIES,
  type OwnReferenceCopies,
  REFERRER_COPIES,
  sameAzureLocation,
} from '../knowledge/copy-attributes';
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
import type { Instance } from './instances';
import type { ModuleInstance } from './module-instance';
import { type RegionResult, resolveRegion } from './region';
import { customConfigReplicas } from './spanner-copies';

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

/** Copies whose target the resource's own nested blocks name (OWN_REFERENCE_COPIES). */
function ownReferences(s: Subject, rule: OwnReferenceCopies): ExtractedCopy[] {
  return nestedBodies(s.decl.block.body, s.inst.env(s.decl.file, s.ri), rule.path, [])
    .map((b) => atReferenced(s, rule.kind, rule.what, b, rule.target))
    .filter((c): c is ExtractedCopy => c !== undefined);
}

/**
 * Linking resources (LINK_COPIES) that name this resource: one copy per target their nested blocks
 * name, e.g. per destination of an `aws_s3_bucket_replication_configuration` whose `bucket` is this one.
 */
function links(s: Subject, link: LinkCopies): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  for (const { other, oi, env, inst } of pointingAt(s, link.via, link.attr, s.decl, s.ri, link.key)) {
    if (link.when && !argumentIs(other, env, link.when)) {
      continue;
    }
    const sub: Subject = { ...s, inst, decl: other, ri: oi };
    const head: ProvenanceStep = {
      description: `${link.label} ${other.type}.${other.name}${oi.suffix}`,
      location: { file: other.file, range: other.block.typeRange },
    };
    const unknowns: string[] = [];
    const bodies =
      link.path.length === 0
        ? [{ body: other.block.body, env, block: other.block }]
        : nestedBodies(other.block.body, env, link.path, unknowns);
    for (const b of bodies) {
      const c = atReferenced(sub, link.kind, link.what, b, link.target);
      if (c) {
        out.push({ ...c, provenance: [head, ...c.provenance] });
      }
    }
    // Blocks written as dynamic blocks over a value that is not known: the copy is listed, not dropped.
    for (const reason of unknowns) {
      out.push({ kind: link.kind, provider: s.providerId, region: { kind: 'unknown', reason }, provenance: [head] });
    }
  }
  return out;
}

/** Whether the linking resource's argument is the text a rule asks for; not known counts as no. */
function argumentIs(decl: ResourceDecl, env: Env, when: { attr: string; value: string }): boolean {
  const a = decl.block.body.attributes.find((x) => x.name === when.attr);
  const v = a ? evaluate(a.expr, env) : undefined;
  return v?.t === 'str' && v.v === when.value;
}

/** Copy rules that are code rather than table rows. */
const SPECIAL: Record<string, (s: Subject) => ExtractedCopy[]> = {
  aws_rds_cluster: (s) => globalDatabasePeers(s),
  google_spanner_instance: (s) => customConfigReplicas(s),
};

const own = <T>(table: Readonly<Record<string, T>>, type: string): T | undefined =>
  Object.hasOwn(table, type) ? table[type] : undefined;

/** Every copy rule of a resource type, in order: its own arguments, then other resources. */
function rulesOf(type: string): Array<(s: Subject) => ExtractedCopy[]> {
  const rules: Array<(s: Subject) => ExtractedCopy[]> = [];
  const block = own(BLOCK_REGION_COPIES, type);
  const geo = own(GEO_REDUNDANCY_SETTINGS, type);
  if (block) {
    rules.push((s) => ownBlocks(s, block));
  }
  if (geo) {
    rules.push((s) => geoRedundantStorage(s, geo));
  }
  for (const r of own(OWN_REFERENCE_COPIES, type) ?? []) {
    rules.push((s) => ownReferences(s, r));
  }
  for (const r of own(REFERRER_COPIES, type) ?? []) {
    rules.push((s) => referrers(s, r.kind, r.from, r.attr, r.label));
  }
  for (const l of own(LINK_COPIES, type) ?? []) {
    rules.push((s) => links(s, l));
  }
  const special = own(SPECIAL, type);
  if (special) {
    rules.push(special);
  }
  return rules;
}

/** The rules for each resource type, worked out once per type. */
const rulesByType = memoByKey(rulesOf);

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
  for (const { other, oi, at, inst } of pointingAt(
    s,
    'aws_rds_cluster',
    'global_cluster_identifier',
    target,
    undefined,
  )) {
    const r = resolveRegion(inst, other, oi);
    out.push({
      kind: 'replica',
      provider: r.providerId ?? s.providerId,
      region: r.region,
      provenance: [
        ownStep,
        {
          description: `member ${inst.address ? `${inst.address}.` : ''}${other.type}.${other.name}${oi.suffix} of global database ${target.type}.${target.name}`,
          location: { file: other.file, range: at },
        },
        ...r.provenance,
      ],
    });
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
  const rules = rulesByType(decl.type);
  if (rules.length === 0 || !primary.providerId) {
    return [];
  }
  const s: Subject = { inst, decl, ri, primary, providerId: primary.providerId };
  return rules.flatMap((rule) => rule(s));
}
