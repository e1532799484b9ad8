import { lookupRegion } from '../../catalog';
import type { ExtractedCopy, ProvenanceStep } from '../../model';
import { fileFor } from '../config/module-config';
import { evaluate } from '../eval/evaluate';
import { attrValue, fromValue, nestedBodies, type Subject } from './copy-sources';
import { customConfigOf } from './spanner';

export const REPLICA_TYPES: Readonly<Record<string, string>> = {
  READ_WRITE: 'read-write replica',
  READ_ONLY: 'read-only replica',
  WITNESS: 'witness replica',
};

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
  const own = s.primary.region.kind === 'known' ? lookupRegion('gcp', s.primary.region.value) : undefined;
  const base = new Set([own?.region.id, ...(own?.effective.members ?? [])]);
  const cenv = s.inst.env(custom.decl.file, custom.ri);
  const unknowns: string[] = [];
  const out: ExtractedCopy[] = [];
  for (const b of nestedBodies(custom.decl.block.body, cenv, ['replicas'], unknowns)) {
    const loc = attrValue(b, 'location');
    if (!loc || (loc.v.t === 'str' && base.has(lookupRegion('gcp', loc.v.v)?.region.id ?? loc.v.v))) {
      continue;
    }
    const type = attrValue(b, 'type');
    const what = (type?.v.t === 'str' && REPLICA_TYPES[type.v.v]) || 'replica';
    const head: ProvenanceStep = {
      description: `${what} added by custom configuration ${custom.label}`,
      location: { file: b.env.file, range: b.block.typeRange },
    };
    out.push(...fromValue(s, 'replica', loc.v, loc.step).map((c) => ({ ...c, provenance: [head, ...c.provenance] })));
  }
  for (const reason of unknowns) {
    out.push({ kind: 'replica', provider: s.providerId, region: { kind: 'unknown', reason }, provenance: [] });
  }
  return out;
}
