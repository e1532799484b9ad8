import { catalog, countryName, legal } from '../engine';
import type { ProviderInfo, RegionInfo, RegionMatch, Source } from '../engine/catalog';

type Alternative = ReturnType<typeof catalog.alternativesIn>[number];

/**
 * What the catalog knows about one location of one provider, as text or JSON, with sources and the
 * providers not controlled from the U.S. that have a region in the same country. The provider may be
 * given as catalog id (`azure`), Terraform provider name (`azurerm`) or display name; the region as id,
 * zone or display name (`West Europe`). Returns undefined when either is unknown.
 */
export function explain(providerName: string, region: string, format: 'text' | 'json'): string | undefined {
  const provider = catalog.resolveProvider(providerName);
  if (!provider) {
    return undefined;
  }
  const match = catalog.lookupRegion(provider.id, region);
  if (!match) {
    return undefined;
  }
  const country = match.effective.country;
  const alternatives = country ? catalog.alternativesIn(country).filter((a) => a.provider.id !== provider.id) : [];
  const zones = catalog
    .listRegions(provider.id)
    .filter((r) => r.kind === 'zone' && r.parentRegion === match.effective.id)
    .map((r) => r.id);
  return format === 'json'
    ? asJson(provider, match, zones, alternatives)
    : asText(provider, match, zones, alternatives);
}

function controlText(control: RegionMatch['control']): string {
  switch (control) {
    case 'us':
      return 'U.S.-controlled (CAL001 outside the U.S.)';
    case 'licensed-us-technology':
      return 'non-U.S. operator under licence of U.S. technology (CAL004)';
    case 'non-us':
      return 'not U.S.-controlled';
  }
}

function where(r: RegionInfo, effective: RegionInfo): string {
  if (effective.country) {
    const city = effective.city ? `, ${effective.city}` : '';
    return `${countryName(effective.country)} (${effective.country})${city}`;
  }
  const spans = r.countries?.length ? `spans ${r.countries.join(', ')}` : '';
  const jurisdiction = r.jurisdiction ? `jurisdiction ${r.jurisdiction}` : '';
  return [jurisdiction, spans].filter(Boolean).join('; ') || 'not one country';
}

function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.url) && seen.add(s.url));
}

function asText(provider: ProviderInfo, m: RegionMatch, zones: string[], alternatives: Alternative[]): string {
  const r = m.region;
  const pad = (label: string) => `  ${label}:`.padEnd(20);
  const lines = [`${provider.displayName} ${r.id} — ${r.name}`];
  lines.push(`${pad('kind')}${r.kind}${r.parentRegion ? ` of ${r.parentRegion}` : ''}`);
  lines.push(`${pad('location')}${where(r, m.effective)}`);
  lines.push(`${pad('partition')}${r.partition}`);
  if (r.aliases?.length) {
    lines.push(`${pad('also written')}${r.aliases.join(', ')}`);
  }
  if (zones.length > 0) {
    lines.push(`${pad('zones')}${zones.join(', ')}`);
  }
  lines.push(`${pad('operator')}${m.operator.name} (${countryName(m.operator.country)})`);
  lines.push(`${pad('ultimate parent')}${m.ultimateParent.name} (${countryName(m.ultimateParent.country)})`);
  lines.push(`${pad('control')}${controlText(m.control)}`);
  const pair = pairText(provider, m);
  if (pair) {
    lines.push(`${pad('region pair')}${pair}`);
  }
  lines.push(
    `${pad('terraform')}${provider.terraformProviders.join(', ')}${provider.armProvider ? '; Bicep and ARM' : ''}`,
  );
  const notes = catalog.regionNotes(provider, m);
  for (const n of notes) {
    lines.push(`${pad('note')}${n}`);
  }
  lines.push(`${pad('legal')}${legal.notLegalAdvice()} See docs/legal-reference.md.`);
  lines.push(`${pad('as of')}${r.asOf} (catalog ${catalog.CATALOG_DATE})`);
  lines.push('  sources:');
  for (const s of uniqueSources([...provider.sources, ...r.sources])) {
    lines.push(`    - ${s.title} (${s.asOf}): ${s.url}`);
  }
  if (alternatives.length > 0) {
    lines.push(`  not U.S.-controlled providers with a region in ${countryName(m.effective.country)}:`);
    for (const a of alternatives) {
      const parent = `${a.provider.ultimateParent.name}, controlled from ${countryName(a.controller)}`;
      lines.push(`    - ${a.provider.displayName} (${parent}): ${a.regions.map((x) => x.id).join(', ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Where geo-redundant copies of data in this region go (Azure's published pairs), with the source. */
function pairText(provider: ProviderInfo, m: RegionMatch): string | undefined {
  const pair = catalog.regionPair(provider.id, m.effective.id);
  if (!pair) {
    return undefined;
  }
  const what = pair.secondary
    ? `geo-redundant copies go to ${pair.secondary} (${countryName(catalog.lookupRegion(provider.id, pair.secondary)?.effective.country ?? null)})`
    : 'no published pair: no secondary region for geo-redundant copies';
  return `${what}; ${pair.source.title} (${pair.source.asOf}): ${pair.source.url}`;
}

function asJson(provider: ProviderInfo, m: RegionMatch, zones: string[], alternatives: Alternative[]): string {
  const pair = catalog.regionPair(provider.id, m.effective.id);
  const doc = {
    catalogDate: catalog.CATALOG_DATE,
    provider,
    region: m.region,
    effectiveRegion: m.effective,
    zones,
    operator: m.operator,
    ultimateParent: m.ultimateParent,
    control: m.control,
    notLegalAdvice: legal.notLegalAdvice(),
    ...(pair ? { pair: { secondary: pair.secondary, source: pair.source } } : {}),
    alternatives: alternatives.map((a) => ({
      provider: a.provider.id,
      name: a.provider.displayName,
      ultimateParent: a.provider.ultimateParent,
      controller: a.controller,
      regions: a.regions.map((r) => r.id),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
