import { lookupRegion } from '../../catalog';
import type { ExtractedCopy, ProvenanceStep } from '../../model';
import { fileFor } from '../config/module-config';
import { evaluate } from '../eval/evaluate';
import { attrValue, fromValue, nestedBodies, type Subject } from './copy-sources';
import { customConfigOf } from './spanner';

const REPLICA_TYPES: Readonly<Record<string, string>> = {
  READ_WRITE: 'read-write replica',
  READ_ONLY: 'read-only replica',
  WITNESS: 'witness replica',
};

/** How provenance names a custom configuration's replica of `type` (`READ_ONLY` → read-only replica). */
export function replicaLabel(type: string | undefined): string {
  return (type !== undefined && Object.hasOwn(REPLICA_TYPES, type) && REPLICA_TYPES[type]) || 'replica';
}

/**
 * Whether a replica at `location` adds a region to those of the base configuration placed at `base`
 * (its own region, or the member regions of its catalog row, which are its copies already).
 */
export function addsRegion(base: string | undefined, location: string): boolean {
  const own = base === undefined ? undefined : lookupRegion('gcp', base);
  const inBase = new Set([own?.region.id, ...(own?.effective.members ?? [])]);
  return !inBase.has(lookupRegion('gcp', location)?.region.id ?? location);
}

/**
 * The replicas a custom Spanner instance configuration adds to its base configuration: each
 * `replicas { location = ... }` of the `google_spanner_instance_config` the instance's `config` names,
 * other than the regions the base configuration already has (those are its copies from the catalog).
 */
export function customConfigReplicas(s: Subject): ExtractedCopy[] {
  const a = s.decl.block.body.attributes.find((x) => x.name === 'config');
  if (!a) {
    return [];
  }
  const env = s.inst.env(fileFor(s.inst.cfg, a, s.decl), s.ri);
  const v = evaluate(a.expr, env);
  const custom = v.t === 'str' ? customConfigOf(s.inst, a.expr, v.v, env) : undefined;
  if (!custom) {
    return [];
  }
  const base = s.primary.region.kind === 'known' ? s.primary.region.value : undefined;
  const cenv = s.inst.env(custom.decl.file, custom.ri);
  const unknowns: string[] = [];
  const out: ExtractedCopy[] = [];
  for (const b of nestedBodies(custom.decl.block.body, cenv, ['replicas'], unknowns)) {
    const loc = attrValue(b, 'location');
    if (!loc || (loc.v.t === 'str' && !addsRegion(base, loc.v.v))) {
      continue;
    }
    const type = attrValue(b, 'type');
    const head: ProvenanceStep = {
      description: `${replicaLabel(type?.v.t === 'str' ? type.v.v : undefined)} added by custom configuration ${custom.label}`,
      location: { file: b.env.file, range: b.block.typeRange },
    };
    out.push(...fromValue(s, 'replica', loc.v, loc.step).map((c) => ({ ...c, provenance: [head, ...c.provenance] })));
  }
  for (const reason of unknowns) {
    out.push({ kind: 'replica', provider: s.providerId, region: { kind: 'unknown', reason }, provenance: [] });
  }
  return out;
}
