import type { Node } from 'jsonc-parser';

import type { ExtractedCopy, ExtractedResource, ProvenanceStep, RegionResolution, SourceLocation } from '../model';
import {
  BLOCK_REGION_COPIES,
  GEO_REDUNDANCY_SETTINGS,
  LINK_COPIES,
  OWN_REFERENCE_COPIES,
  REFERRER_COPIES,
  sameAzureLocation,
} from './knowledge/copy-attributes';

/**
 * Copies of the data that a planned resource's own values ask for, read with the same table as
 * configuration (knowledge/copy-attributes.ts): replica and replication blocks, configurable
 * dual-regions, Azure geo-redundant storage. A value the plan knows only after apply (`after_unknown`
 * in `resource_changes`) gives a copy whose region is not known, with that reason.
 */
export interface PlannedResource {
  type: string;
  providerId: string;
  /** The resource's `values` in `planned_values`. */
  values: Node | undefined;
  /** Its `change.after_unknown` in `resource_changes`, when the plan has one. */
  afterUnknown: Node | undefined;
  primary: RegionResolution;
  /** Where a node of the plan is. */
  at: (node: Node) => SourceLocation;
}

const AFTER_APPLY = 'the plan knows it only after apply';

function member(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') {
    return undefined;
  }
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

/** Whether an `after_unknown` node is (or holds) `true`: some of the value is not known yet. */
function holdsUnknown(node: Node | undefined): boolean {
  if (!node) {
    return false;
  }
  if (node.type === 'boolean') {
    return node.value === true;
  }
  return (node.children ?? []).some(holdsUnknown);
}

/** The objects at `path` below `node`: nested blocks are arrays of objects in planned values. */
function blocksAt(node: Node | undefined, path: string[]): Node[] {
  let level = node ? [node] : [];
  for (const name of path) {
    level = level.flatMap((n) => {
      const v = member(n, name);
      return v?.type === 'array'
        ? (v.children ?? []).filter((c) => c.type === 'object')
        : v?.type === 'object'
          ? [v]
          : [];
    });
  }
  return level;
}

export function planCopies(r: PlannedResource): ExtractedCopy[] {
  const block = Object.hasOwn(BLOCK_REGION_COPIES, r.type) ? BLOCK_REGION_COPIES[r.type] : undefined;
  if (block) {
    const out: ExtractedCopy[] = [];
    const where = [...block.path, block.attr].join('.');
    for (const b of blocksAt(r.values, block.path)) {
      const v = member(b, block.attr);
      const regions = v?.type === 'string' ? [v] : v?.type === 'array' ? (v.children ?? []) : [];
      for (const node of regions.filter((n) => n.type === 'string')) {
        const value = node.value as string;
        if (block.includesOwnRegion && r.primary.kind === 'known' && sameAzureLocation(value, r.primary.value)) {
          continue;
        }
        const step: ProvenanceStep = { description: `${where} "${value}" in the planned values`, location: r.at(node) };
        out.push({ kind: block.kind, provider: r.providerId, region: { kind: 'known', value }, provenance: [step] });
      }
    }
    if (holdsUnknown(member(r.afterUnknown, block.path[0]))) {
      out.push({
        kind: block.kind,
        provider: r.providerId,
        region: { kind: 'unknown', reason: `${where}: ${AFTER_APPLY}` },
        provenance: [],
      });
    }
    return out;
  }
  const geo = Object.hasOwn(GEO_REDUNDANCY_SETTINGS, r.type) ? GEO_REDUNDANCY_SETTINGS[r.type] : undefined;
  if (!geo) {
    return [];
  }
  const v = member(r.values, geo.attr);
  if (v?.type === 'string') {
    const value = v.value as string;
    const step: ProvenanceStep = { description: `${geo.attr} "${value}" in the planned values`, location: r.at(v) };
    return geo.isGeoRedundant(value)
      ? [{ kind: 'geo-redundancy', provider: r.providerId, region: { kind: 'pair' }, provenance: [step] }]
      : [];
  }
  if (holdsUnknown(member(r.afterUnknown, geo.attr))) {
    const reason = `whether the storage is geo-redundant is not known: ${geo.attr}: ${AFTER_APPLY}`;
    return [{ kind: 'geo-redundancy', provider: r.providerId, region: { kind: 'unknown', reason }, provenance: [] }];
  }
  return geo.default && geo.isGeoRedundant(geo.default)
    ? [
        {
          kind: 'geo-redundancy',
          provider: r.providerId,
          region: { kind: 'pair' },
          provenance: [{ description: `${geo.attr} not set: ${geo.default} by default` }],
        },
      ]
    : [];
}

/** A placed resource of a plan with what the plan's `configuration` says about it. */
export interface PlanPlacement {
  resource: ExtractedResource;
  /** Its `expressions` in the plan's `configuration`. */
  expressions: Node | undefined;
  /** Its `values` in `planned_values`. */
  values: Node | undefined;
  moduleAddress: string;
}

/** The `references` of argument `attr` in each of the nested blocks at `path` of a configuration's expressions. */
function referencesAt(expressions: Node | undefined, path: string[], attr: string): string[][] {
  return blocksAt(expressions, path).map((b) =>
    (member(member(b, attr), 'references')?.children ?? []).flatMap((n) =>
      n.type === 'string' ? [n.value as string] : [],
    ),
  );
}

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'data', 'path', 'each', 'count', 'self', 'terraform']);

/** `aws_s3_bucket.dest` (with its index, `[0]` or `["a"]`, when the reference has one) from a reference list. */
function resourceReference(refs: string[]): string | undefined {
  for (const r of refs) {
    const m = /^([A-Za-z][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]+\])?/.exec(r);
    if (m && !NOT_RESOURCES.has(m[1])) {
      return `${m[1]}.${m[2]}${m[3] ?? ''}`;
    }
  }
  return undefined;
}

/**
 * The planned resource a reference names, in the module instance of `from`: the instance it names, the
 * instance with the same key as `from`, or the only instance.
 */
function referenced(
  byAddress: ReadonlyMap<string, PlanPlacement>,
  from: PlanPlacement,
  refs: string[],
): PlanPlacement | undefined {
  const local = resourceReference(refs);
  if (!local) {
    return undefined;
  }
  const full = from.moduleAddress ? `${from.moduleAddress}.${local}` : local;
  const exact = byAddress.get(full);
  if (exact || local.endsWith(']')) {
    return exact;
  }
  const own = from.resource.address;
  const suffix = own.endsWith(']') ? own.slice(own.lastIndexOf('[')) : '';
  const sameKey = suffix ? byAddress.get(`${full}${suffix}`) : undefined;
  if (sameKey) {
    return sameKey;
  }
  const instances = [...byAddress.keys()].filter((a) => a.startsWith(`${full}[`));
  return instances.length === 1 ? byAddress.get(instances[0]) : undefined;
}

function at(p: PlanPlacement, description: string): ProvenanceStep {
  return { description, location: { file: p.resource.file, range: p.resource.headerRange } };
}

/** A string of the planned values (undefined when it is not a known string). */
function plannedString(values: Node | undefined, attr: string): string | undefined {
  const node = member(values, attr);
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/**
 * A link whose source is one item of a map argument (BigQuery's `params.source_dataset_id`). A plan's
 * configuration records the references of a map without their keys, so the source is the one resource
 * of the source type that the map refers to and the target does not; none, or several, make no copy.
 * As in configuration, only references link resources (a dataset named by a plain string does not),
 * and a linking resource whose condition (`data_source_id`) is not known makes no copy.
 */
function keyedLinkCopies(
  p: PlanPlacement,
  sourceType: string,
  rule: (typeof LINK_COPIES)[string][number],
  byAddress: ReadonlyMap<string, PlanPlacement>,
  add: (owner: PlanPlacement | undefined, c: ExtractedCopy) => void,
): void {
  if (rule.when && plannedString(p.values, rule.when.attr) !== rule.when.value) {
    return;
  }
  const targetRefs = referencesAt(p.expressions, [], rule.target);
  const targets = targetRefs.map((r) => referenced(byAddress, p, r));
  // Every resource the map refers to, each on its own (a reference list names its first resource only).
  const sources = referencesAt(p.expressions, [], rule.attr)
    .flat()
    .map((r) => referenced(byAddress, p, [r]))
    .filter((s): s is PlanPlacement => s?.resource.type === sourceType && !targets.includes(s));
  if (new Set(sources).size !== 1) {
    return;
  }
  add(sources[0], copyAt(rule.kind, sources[0], targets[0], [at(p, `${rule.label} ${p.resource.address}`)], rule.what));
}

/** A copy where `target` is, or without a region when the plan does not hold the target. */
function copyAt(
  kind: ExtractedCopy['kind'],
  owner: PlanPlacement,
  target: PlanPlacement | undefined,
  head: ProvenanceStep[],
  what: string,
): ExtractedCopy {
  if (!target) {
    const reason = `the ${what} is not a resource of this plan, so its region is not known`;
    return { kind, provider: owner.resource.provider, region: { kind: 'unknown', reason }, provenance: head };
  }
  return {
    kind,
    provider: target.resource.provider,
    region: target.resource.region,
    provenance: [...head, ...target.resource.provenance],
  };
}

/**
 * Copies that need references between resources (REFERRER_COPIES, LINK_COPIES, OWN_REFERENCE_COPIES of
 * knowledge/copy-attributes.ts), found through the references the plan's `configuration` records:
 * replication configurations, read replicas, replica keys, backup copy actions, failover groups. Each
 * copy is added to the resource whose data is copied.
 */
export function addReferenceCopies(placements: readonly PlanPlacement[]): void {
  const byAddress = new Map(placements.map((p) => [p.resource.address, p]));
  const add = (owner: PlanPlacement | undefined, c: ExtractedCopy) => {
    if (owner) {
      (owner.resource.copies ??= []).push(c);
    }
  };
  // Aurora global databases: clusters by the global cluster their `global_cluster_identifier` names
  // ('' for one that is not a resource of the plan).
  const globals = new Map<string, PlanPlacement[]>();
  for (const p of placements) {
    const type = p.resource.type;
    for (const rule of Object.hasOwn(OWN_REFERENCE_COPIES, type) ? OWN_REFERENCE_COPIES[type] : []) {
      for (const refs of referencesAt(p.expressions, rule.path, rule.target)) {
        const head = [
          at(p, `${[...rule.path, rule.target].join('.')} → ${resourceReference(refs) ?? refs.join(', ')}`),
        ];
        add(p, copyAt(rule.kind, p, referenced(byAddress, p, refs), head, rule.what));
      }
    }
    for (const [targetType, rules] of Object.entries(REFERRER_COPIES)) {
      for (const rule of rules.filter((r) => r.from === type)) {
        for (const refs of referencesAt(p.expressions, [], rule.attr)) {
          const target = referenced(byAddress, p, refs);
          if (target?.resource.type === targetType) {
            add(target, copyAt(rule.kind, target, p, [at(p, `${rule.label} ${p.resource.address}`)], rule.label));
          }
        }
      }
    }
    if (type === 'aws_rds_cluster') {
      const refs = referencesAt(p.expressions, [], 'global_cluster_identifier')[0];
      if (refs) {
        const global = referenced(byAddress, p, refs);
        const key = global?.resource.type === 'aws_rds_global_cluster' ? global.resource.address : '';
        globals.set(key, [...(globals.get(key) ?? []), p]);
      }
    }
    for (const [sourceType, rules] of Object.entries(LINK_COPIES)) {
      for (const rule of rules.filter((r) => r.via === type && r.key !== undefined)) {
        keyedLinkCopies(p, sourceType, rule, byAddress, add);
      }
      for (const rule of rules.filter((r) => r.via === type && r.key === undefined)) {
        const sources = referencesAt(p.expressions, [], rule.attr)
          .map((refs) => referenced(byAddress, p, refs))
          .filter((s) => s?.resource.type === sourceType);
        for (const refs of referencesAt(p.expressions, rule.path, rule.target)) {
          const head = [at(p, `${rule.label} ${p.resource.address}`)];
          for (const source of sources) {
            add(source, copyAt(rule.kind, source!, referenced(byAddress, p, refs), head, rule.what));
          }
        }
      }
    }
  }
  for (const [global, members] of globals) {
    for (const m of members) {
      const own = at(m, `global_cluster_identifier → ${global || 'a global cluster not in this plan'}`);
      if (!global) {
        const reason =
          'the cluster is a member of a global database that this plan does not hold, so where its other members are is not known';
        add(m, {
          kind: 'replica',
          provider: m.resource.provider,
          region: { kind: 'unknown', reason },
          provenance: [own],
        });
        continue;
      }
      for (const other of members) {
        if (other !== m) {
          const head = [own, at(other, `member ${other.resource.address} of global database ${global}`)];
          add(m, copyAt('replica', m, other, head, 'global database member'));
        }
      }
    }
  }
}
