import { catalog, countryName } from '../engine';

/** What the catalog knows about one region of one provider, as text or JSON. Returns undefined when unknown. */
export function explain(providerId: string, region: string, format: 'text' | 'json'): string | undefined {
  const provider = catalog.getProvider(providerId) ?? catalog.providerForTerraform(providerId);
  if (!provider) {
    return undefined;
  }
  const match = catalog.lookupRegion(provider.id, region);
  if (!match) {
    return undefined;
  }
  const alternatives = match.effective.country ? catalog.alternativesIn(match.effective.country) : [];
  if (format === 'json') {
    return (
      JSON.stringify(
        {
          provider: provider,
          region: match.region,
          effectiveRegion: match.effective,
          operator: match.operator,
          ultimateParent: match.ultimateParent,
          control: match.control,
          alternatives: alternatives.map((a) => ({
            provider: a.provider.id,
            name: a.provider.displayName,
            regions: a.regions.map((r) => r.id),
          })),
        },
        null,
        2,
      ) + '\n'
    );
  }
  const r = match.region;
  const lines = [
    `${provider.displayName} ${r.id} — ${r.name}`,
    `  kind:            ${r.kind}${r.parentRegion ? ` of ${r.parentRegion}` : ''}`,
    `  location:        ${match.effective.country ? `${countryName(match.effective.country)} (${match.effective.country})` : (r.countries ?? []).join(', ') || r.jurisdiction || 'not one country'}${match.effective.city ? `, ${match.effective.city}` : ''}`,
    `  partition:       ${r.partition}`,
    `  operator:        ${match.operator.name} (${countryName(match.operator.country)})`,
    `  ultimate parent: ${match.ultimateParent.name} (${countryName(match.ultimateParent.country)})`,
    `  control:         ${match.control === 'us' ? 'U.S.-controlled' : match.control === 'licensed-us-technology' ? 'non-U.S. operator under licence of U.S. technology' : 'not U.S.-controlled'}`,
    ...(r.notes ?? []).map((n) => `  note:            ${n}`),
    `  sources:`,
    ...[...provider.sources, ...r.sources].map((s) => `    - ${s.title} (${s.asOf}): ${s.url}`),
  ];
  if (alternatives.length > 0) {
    lines.push(`  not U.S.-controlled alternatives in ${countryName(match.effective.country)}:`);
    for (const a of alternatives) {
      lines.push(`    - ${a.provider.displayName}: ${a.regions.map((x) => x.id).join(', ')}`);
    }
  }
  return lines.join('\n') + '\n';
}
