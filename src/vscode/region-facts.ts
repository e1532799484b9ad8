// Plain-markdown building blocks shared by hovers, code lenses and the "explain region" document.
// No 'vscode' import here, so that these run (and are unit-tested) in plain Node.
import { catalog, type ControlClass, countryName, legal } from '../engine';

// Our lines never start with user text, so line-start syntax (`-`, `1.`, `+`) needs no escaping.
const MD_SPECIAL = /[\\`*_[\]()#|<>~]/g;

/** Escapes text taken from user files or the catalog so that markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(MD_SPECIAL, (c) => `\\${c}`);
}

/** An inline code span that stays one span whatever the text holds. */
export function code(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${clean}${fence.length > 1 ? ' ' : ''}${fence}`;
}

/** The flag emoji of an ISO 3166-1 alpha-2 code (regional indicator symbols); empty for anything else. */
export function flag(country: string | null | undefined): string {
  if (!country || !/^[A-Za-z]{2}$/.test(country)) {
    return '';
  }
  const base = 0x1f1e6;
  const up = country.toUpperCase();
  return String.fromCodePoint(base + up.charCodeAt(0) - 65, base + up.charCodeAt(1) - 65);
}

/** `U.S.-controlled (Amazon Web Services)`, `not U.S.-controlled`, ... */
export function controlLabel(control: ControlClass | null, providerId: string): string {
  const name = catalog.getProvider(providerId)?.displayName ?? providerId;
  switch (control) {
    case 'us':
      return `U.S.-controlled (${name})`;
    case 'licensed-us-technology':
      return `not U.S.-controlled; ${name} technology under licence`;
    case 'non-us':
      return 'not U.S.-controlled';
    default:
      return 'control unknown';
  }
}

/** `Germany (DE), Frankfurt` for a region, or what a multi-region location spans. */
export function locationText(info: catalog.RegionInfo | undefined, country: string | null): string {
  if (country) {
    const city = info?.city ? `, ${info.city}` : '';
    return `${countryName(country)} (${country})${city}`;
  }
  if (info?.countries?.length) {
    return `several countries: ${info.countries.join(', ')}`;
  }
  if (info?.jurisdiction) {
    return `several countries (${info.jurisdiction})`;
  }
  return 'not one country';
}

/** Markdown links to the statute and the court decisions. */
export function citationLinks(): string {
  return legal
    .citations()
    .map((c) => `[${escapeMarkdown(c.label)}](${c.url})`)
    .join(' · ');
}

/**
 * The legal note for a placement, or an empty list when none applies (regions in the U.S., operators
 * without U.S. control). `full` adds the case history and what the statute does not settle.
 */
export function legalNote(
  control: ControlClass | null,
  country: string | null,
  operatorCountry: string | undefined,
  full: boolean,
): string[] {
  if (control === 'licensed-us-technology') {
    return [escapeMarkdown(`${legal.licensedOperatorNote()} ${legal.notLegalAdvice()}`), citationLinks()];
  }
  if (control !== 'us' || country === 'US') {
    return [];
  }
  const out = [escapeMarkdown(legal.statuteSentence()), escapeMarkdown(legal.caseSummary())];
  if (operatorCountry && operatorCountry !== 'US') {
    out.push(escapeMarkdown(legal.sovereignSubsidiaryNote()));
  }
  if (full) {
    out.push(...legal.caseSentences().map(escapeMarkdown), escapeMarkdown(legal.limitsSentence()));
  } else {
    out.push(escapeMarkdown(legal.notLegalAdvice()));
  }
  out.push(citationLinks());
  return out;
}

/**
 * Providers that are not U.S.-controlled and have a region in `country` (all of them, or those given),
 * as one markdown line.
 */
export function alternativesLine(
  country: string | null,
  maxRegions: number,
  alternatives = country ? catalog.alternativesIn(country) : [],
): string | undefined {
  if (!country || alternatives.length === 0) {
    return undefined;
  }
  const items = alternatives.map((a) => {
    const ids = a.regions.map((r) => r.id);
    const shown = ids.slice(0, maxRegions).map(code).join(', ');
    const more = ids.length > maxRegions ? `, +${ids.length - maxRegions}` : '';
    return `${escapeMarkdown(a.provider.displayName)}, controlled from ${escapeMarkdown(countryName(a.controller))} (${shown}${more})`;
  });
  return `Not U.S.-controlled, with a region in ${escapeMarkdown(countryName(country))}: ${items.join('; ')}`;
}

/**
 * The full catalog entry of one region as a markdown document (the "explain region" command): a
 * renderer of the engine's one explain model, which the CLI's `explain` renders too.
 */
export function explainRegionMarkdown(providerId: string, region: string): string | undefined {
  const x = catalog.explainRegion(providerId, region);
  if (!x) {
    return undefined;
  }
  const { provider, match } = x;
  const r = match.region;
  const eff = match.effective;
  const lines = [
    `# ${escapeMarkdown(provider.displayName)} ${code(r.id)} — ${escapeMarkdown(r.name)}`,
    '',
    `- **Kind:** ${r.kind}${r.parentRegion ? ` of ${code(r.parentRegion)}` : ''}`,
    `- **Location:** ${escapeMarkdown(locationText(eff, eff.country))}`,
    `- **Partition / cloud:** ${code(r.partition)}`,
    ...(x.zones.length > 0 ? [`- **Zones:** ${x.zones.map(code).join(', ')}`] : []),
    `- **Operator:** ${escapeMarkdown(catalog.entityText(match.operator))}`,
    `- **Ultimate controller:** ${escapeMarkdown(catalog.entityText(match.ultimateParent))}`,
    `- **Control:** ${escapeMarkdown(controlLabel(match.control, provider.id))}`,
    ...(x.pair ? [`- **Region pair:** ${escapeMarkdown(pairText(x.pair))}`] : []),
    ...x.notes.map((n) => `- ${escapeMarkdown(n)}`),
    '',
  ];
  const note = legalNote(match.control, eff.country, match.operator.country, true);
  if (note.length > 0) {
    lines.push('## Legal note', '', ...note.flatMap((l) => [l, '']));
  }
  const alt = alternativesLine(eff.country, 20, x.alternatives);
  if (alt) {
    lines.push('## Alternatives', '', alt, '');
  }
  lines.push('## Sources', '');
  for (const s of [...x.sources, ...(x.pair ? [x.pair.source] : [])]) {
    lines.push(`- [${escapeMarkdown(s.title)}](${s.url}) (as of ${s.asOf})`);
  }
  lines.push('', `Catalog reviewed ${catalog.CATALOG_DATE}.`, '');
  return lines.join('\n');
}

function pairText(pair: NonNullable<catalog.RegionExplanation['pair']>): string {
  return pair.secondary
    ? `geo-redundant copies go to ${pair.secondary} (${countryName(pair.secondaryCountry)})`
    : 'no published pair: no secondary region for geo-redundant copies';
}

/** Regions counted: `eu-west-1 ×10, us-east-1 ×2, region not known` (in order of first appearance). */
export function regionTally(regions: ReadonlyArray<string | null>): string {
  const byRegion = new Map<string, number>();
  for (const r of regions) {
    const key = r ?? 'region not known';
    byRegion.set(key, (byRegion.get(key) ?? 0) + 1);
  }
  return [...byRegion].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)).join(', ');
}
