import { catalog, countryName, legal } from '../engine';

/**
 * What the catalog knows about one location of one provider, as text or JSON, with sources and the
 * providers not controlled from the U.S. that have a region in the same country: a renderer of the
 * engine's one explain model (`catalog.explainRegion`), which the editor's Explain Region view renders too.
 * Returns undefined when the provider or the region is unknown.
 */
export function explain(providerName: string, region: string, format: 'text' | 'json'): string | undefined {
  const x = catalog.explainRegion(providerName, region);
  return x && (format === 'json' ? asJson(x) : asText(x));
}

function controlText(control: catalog.RegionMatch['control']): string {
  switch (control) {
    case 'us':
      return 'U.S.-controlled (CAL001 outside the U.S.)';
    case 'licensed-us-technology':
      return 'non-U.S. operator under licence of U.S. technology (CAL004)';
    case 'non-us':
      return 'not U.S.-controlled';
  }
}

function where(r: catalog.RegionInfo, effective: catalog.RegionInfo): string {
  if (effective.country) {
    const city = effective.city ? `, ${effective.city}` : '';
    return `${countryName(effective.country)} (${effective.country})${city}`;
  }
  const spans = r.countries?.length ? `spans ${r.countries.join(', ')}` : '';
  const jurisdiction = r.jurisdiction ? `jurisdiction ${r.jurisdiction}` : '';
  return [jurisdiction, spans].filter(Boolean).join('; ') || 'not one country';
}

function asText(x: catalog.RegionExplanation): string {
  const { provider, match: m } = x;
  const r = m.region;
  const pad = (label: string) => `  ${label}:`.padEnd(20);
  const lines = [`${provider.displayName} ${r.id} — ${r.name}`];
  lines.push(`${pad('kind')}${r.kind}${r.parentRegion ? ` of ${r.parentRegion}` : ''}`);
  lines.push(`${pad('location')}${where(r, m.effective)}`);
  lines.push(`${pad('partition')}${r.partition}`);
  if (r.aliases?.length) {
    lines.push(`${pad('also written')}${r.aliases.join(', ')}`);
  }
  if (x.zones.length > 0) {
    lines.push(`${pad('zones')}${x.zones.join(', ')}`);
  }
  lines.push(`${pad('operator')}${catalog.entityText(m.operator)}`);
  lines.push(`${pad('ultimate parent')}${catalog.entityText(m.ultimateParent)}`);
  lines.push(`${pad('control')}${controlText(m.control)}`);
  if (x.pair) {
    const what = x.pair.secondary
      ? `geo-redundant copies go to ${x.pair.secondary} (${countryName(x.pair.secondaryCountry)})`
      : 'no published pair: no secondary region for geo-redundant copies';
    lines.push(`${pad('region pair')}${what}; ${x.pair.source.title} (${x.pair.source.asOf}): ${x.pair.source.url}`);
  }
  lines.push(
    `${pad('terraform')}${provider.terraformProviders.join(', ')}${provider.armProvider ? '; Bicep and ARM' : ''}`,
  );
  for (const n of x.notes) {
    lines.push(`${pad('note')}${n}`);
  }
  lines.push(`${pad('legal')}${legal.notLegalAdvice()} See docs/legal-reference.md.`);
  lines.push(`${pad('as of')}${r.asOf} (catalog ${catalog.CATALOG_DATE})`);
  lines.push('  sources:');
  for (const s of x.sources) {
    lines.push(`    - ${s.title} (${s.asOf}): ${s.url}`);
  }
  if (x.alternatives.length > 0) {
    lines.push(`  not U.S.-controlled providers with a region in ${countryName(m.effective.country)}:`);
    for (const a of x.alternatives) {
      const parent = `${a.provider.ultimateParent.name}, controlled from ${countryName(a.controller)}`;
      lines.push(`    - ${a.provider.displayName} (${parent}): ${a.regions.map((r) => r.id).join(', ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

function asJson(x: catalog.RegionExplanation): string {
  const m = x.match;
  const doc = {
    catalogDate: catalog.CATALOG_DATE,
    provider: x.provider,
    region: m.region,
    effectiveRegion: m.effective,
    zones: x.zones,
    operator: m.operator,
    ultimateParent: m.ultimateParent,
    control: m.control,
    notLegalAdvice: legal.notLegalAdvice(),
    ...(x.pair ? { pair: { secondary: x.pair.secondary, source: x.pair.source } } : {}),
    alternatives: x.alternatives.map((a) => ({
      provider: a.provider.id,
      name: a.provider.displayName,
      ultimateParent: a.provider.ultimateParent,
      controller: a.controller,
      regions: a.regions.map((r) => r.id),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
