import type { Node } from 'jsonc-parser';
import type { ExtractedCopy, ProvenanceStep, RegionResolution, SourceLocation } from '../model';
import { BLOCK_REGION_COPIES, GEO_REDUNDANCY_SETTINGS, sameAzureLocation } from './knowledge/copy-attributes';

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
    const where = `${[...block.path, block.attr].join('.')}`;
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
