import { getProvider, listRegions } from '../catalog';
import { countryName } from '../catalog/countries';
import { GCP_VALUE_GROUPS_SOURCE, gcpValueGroup } from '../catalog/gcp-value-groups';
import { COUNTRY_GROUPS } from '../catalog/groups';
import { policyAllows, type ResidencyPolicy } from './policy';

/** What one policy in effect means, for `cloud-act-lens policy` and the editor: the one explain model. */
export interface PolicyView {
  policy: string;
  kind: ResidencyPolicy['kind'];
  file: string;
  line: number | null;
  /** Which placements it governs, in words. */
  governs: string;
  /** What it allows, as written. */
  allows: string;
  /** What it says that is not evaluated. */
  notes: string[];
  /** Each group or value group it names, with its meaning and members (catalog ids or country codes). */
  expansions: Array<{ value: string; meaning: string; members: string[]; source?: string }>;
}

function governsText(p: ResidencyPolicy): string {
  const providers = p.providers?.map((id) => getProvider(id)?.displayName ?? id).join(', ') ?? 'every provider';
  const scope =
    p.scope === 'resource-groups'
      ? ' (resource groups only)'
      : p.scope === 'resources'
        ? ' (every resource but resource groups)'
        : '';
  const services = p.exemptServices?.length
    ? `, except the services ${p.exemptServices.join(', ')}`
    : p.onlyServices?.length
      ? `, the services ${p.onlyServices.join(', ')} only`
      : '';
  return `placements of ${providers}${scope}${services}, and every copy of their data; global services are not governed`;
}

function expansions(p: ResidencyPolicy): PolicyView['expansions'] {
  const out: PolicyView['expansions'] = [];
  for (const v of [...(p.countries ?? []), ...(p.controllers ?? [])]) {
    const group = COUNTRY_GROUPS.get(v.trim().toUpperCase());
    if (group && !out.some((e) => e.value === v)) {
      out.push({
        value: v,
        meaning: `${group.name} (${group.source.title}, ${group.source.asOf})`,
        members: [...group.members],
      });
    } else if (!group && /^[A-Za-z]{2}$/.test(v) && !out.some((e) => e.value === v)) {
      out.push({ value: v, meaning: countryName(v.toUpperCase()), members: [v.toUpperCase()] });
    }
  }
  if (p.kind === 'gcp-resource-locations') {
    for (const v of [...(p.allowed ?? []), ...(p.denied ?? [])]) {
      const bare = v.replace(/^is:/, '');
      if (!bare.startsWith('in:')) {
        continue;
      }
      const group = gcpValueGroup(bare.slice(3));
      out.push(
        group
          ? {
              value: v,
              meaning: `${group.description} (and their zones)`,
              source: `${GCP_VALUE_GROUPS_SOURCE.title}, ${GCP_VALUE_GROUPS_SOURCE.url}, read ${GCP_VALUE_GROUPS_SOURCE.asOf}; members from the catalog`,
              members: listRegions('gcp')
                .filter((r) => r.kind !== 'global' && r.kind !== 'zone' && group.contains(r))
                .map((r) => r.id),
            }
          : { value: v, meaning: 'not a value group this tool knows: it allows nothing here', members: [] },
      );
    }
  }
  return out;
}

/** The policies in effect, explained. */
export function explainPolicies(policies: readonly ResidencyPolicy[]): PolicyView[] {
  return policies.map((p) => ({
    policy: p.name,
    kind: p.kind,
    file: p.file,
    line: p.line ?? null,
    governs: governsText(p),
    allows: policyAllows(p),
    notes: p.notes ?? [],
    expansions: expansions(p),
  }));
}
