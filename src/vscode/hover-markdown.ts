// Builds the hover for a placement as plain markdown. No 'vscode' import, so it is unit-tested in Node.
import {
  catalog,
  type Copy,
  countryName,
  describeProvenance,
  type Finding,
  type Placement,
  unitKeyOf,
} from '../engine';
import {
  alternativesLine,
  code,
  controlLabel,
  escapeMarkdown,
  legalNote,
  locationText,
  regionTally,
} from './region-facts';

export interface HoverOptions {
  /** `short` by default in the editor; `full` adds the case history and every alternative. */
  detail: 'short' | 'full';
  /** Formats engine paths for the provenance chain (workspace-relative in the editor). */
  displayPath: (path: string) => string;
  /** Target of the "more" link (a command URI in the editor); omitted in `full`. */
  moreUri?: string;
  /** What the cursor is on: the resource itself, its region value, or a value feeding the region. */
  role: 'resource' | 'region' | 'source';
  /** How many other resources the same region value or source feeds. */
  others?: number;
  /**
   * Every placement of the declaration under the cursor, `p` first, when there are several: a module
   * that several roots call, or a loop. Listed, so that the hover shows each root's region.
   */
  all?: readonly Placement[];
}

/** At most this many placements of one declaration are listed one by one; the rest are counted by region. */
const LISTED_PLACEMENTS = 8;

/** The root of a placement: `envs/prod`, `main.bicep` (its analysis unit, shown as the editor shows paths). */
function rootName(p: Placement, opts: HoverOptions): string {
  return p.unit !== undefined ? opts.displayPath(unitKeyOf(p.unit)) : '';
}

function regionText(p: Placement): string {
  return p.regionId ? `${code(p.regionId)}${p.country ? ` (${p.country})` : ''}` : 'region not known';
}

/** "All 10 placements of this declaration (7 roots)", one line each, the first (shown above) marked. */
function allPlacements(all: readonly Placement[], opts: HoverOptions): string[] {
  const roots = new Set(all.map((x) => x.unit)).size;
  const lines = [`**All ${all.length} placements of this declaration**${roots > 1 ? ` (${roots} roots)` : ''}`];
  all.slice(0, LISTED_PLACEMENTS).forEach((x, i) => {
    const root = rootName(x, opts);
    const target = x.instanceKey !== undefined ? `${x.address} [${x.instanceKey}]` : x.address;
    lines.push(
      `- ${root ? `${escapeMarkdown(root)}: ` : ''}${code(target)} — ${regionText(x)}${i === 0 ? ' (above)' : ''}`,
    );
  });
  const rest = all.slice(LISTED_PLACEMENTS);
  if (rest.length > 0) {
    lines.push(`- and ${rest.length} more: ${escapeMarkdown(regionTally(rest.map((x) => x.regionId)))}`);
  }
  return lines;
}

function findingLine(f: Finding): string {
  const accepted = f.suppressed
    ? ` — accepted: ${escapeMarkdown(f.suppressed.reason)}${f.suppressed.expires ? ` (until ${f.suppressed.expires})` : ''}`
    : '';
  // The residency policy's verdict is the organisation's own rule: the hover says which policy and why.
  const why =
    f.ruleId === 'CAL009' && f.message.includes(' is outside ')
      ? `: ${escapeMarkdown(f.message.slice(f.message.indexOf(' is outside ') + 4))}`
      : '';
  return `- ${code(f.ruleId)} ${f.severity}${why}${accepted}`;
}

/** `- replicated: us-east-1 (US), Amazon Web Services, Inc. — from …`, one line per copy. */
function copyLine(p: Placement, c: Copy, opts: HoverOptions): string {
  const where = c.regionId
    ? `${code(c.regionId)} (${c.country ?? (c.multiCountry ? 'several countries' : 'country unknown')})`
    : `region not known — ${escapeMarkdown(c.unresolvedReason ?? '')}`;
  const control = c.operator ? `, ${escapeMarkdown(c.operator)}${c.controller ? ` (${c.controller})` : ''}` : '';
  const abroad = c.regionKnown && (c.multiCountry || (c.country !== null && c.country !== p.country));
  const mark = abroad ? ' — **another country**' : '';
  const how = c.provenance.length > 0 ? ` · from ${escapeMarkdown(describeProvenance(c.provenance, opts))}` : '';
  return `- ${escapeMarkdown(c.kind)}: ${where}${control}${mark}${how}`;
}

/** Heading and fact lines for one placement: where it is, who operates it, what it holds, why we think so. */
function facts(p: Placement, opts: HoverOptions): string[] {
  const info = p.regionId ? catalog.lookupRegion(p.provider, p.regionId) : undefined;
  const target = p.instanceKey !== undefined ? `${p.address} [${p.instanceKey}]` : p.address;
  const lines: string[] = [];
  const lead = opts.role === 'resource' ? '' : opts.role === 'region' ? 'Region of ' : 'Feeds the region of ';
  const others = opts.others ? ` and ${opts.others} other resource${opts.others === 1 ? '' : 's'}` : '';
  lines.push(`**CLOUD Act Lens** · ${lead}${code(target)}${others}`, '');
  // The answer first: where the data is, who operates it and who controls the operator, where copies go.
  if (p.region.kind === 'unknown') {
    lines.push(`- **Region:** not determined statically — ${escapeMarkdown(p.region.reason)}`);
  } else {
    const name = info ? ` — ${escapeMarkdown(info.region.name)}` : p.regionKnown ? '' : ' — unknown to the catalog';
    lines.push(`- **Region:** ${code(p.regionId ?? p.region.value)}${name}`);
    lines.push(`- **Location:** ${escapeMarkdown(locationText(info?.effective, p.country))}`);
  }
  if (p.operator) {
    const parent = p.ultimateParent && p.ultimateParent !== p.operator ? ` → ${p.ultimateParent}` : '';
    const where = p.controller ? ` (${p.controller})` : '';
    lines.push(`- **Operator → controller:** ${escapeMarkdown(`${p.operator}${parent}${where}`)}`);
  }
  if (p.copies.length > 0) {
    lines.push('', '**Copies of the data**', ...p.copies.map((c) => copyLine(p, c, opts)));
  }
  if (p.findings.length > 0) {
    lines.push('', '**Findings**', ...p.findings.map(findingLine));
  }
  // Then the details and why we think so.
  lines.push('');
  lines.push(`- **Control:** ${escapeMarkdown(controlLabel(p.control, p.provider))}`);
  if (info) {
    lines.push(`- **Partition / cloud:** ${code(info.effective.partition)}`);
  }
  lines.push(
    `- **Customer data:** ${p.dataClass === 'customer-data' ? 'yes, this resource type stores or processes customer data' : 'no, this resource type holds no customer data'}`,
  );
  if (p.provenance.length > 0) {
    lines.push(`- **Region from:** ${escapeMarkdown(describeProvenance(p.provenance, opts))}`);
  }
  return lines;
}

/**
 * The hover for `p`. Short: facts, the statute with its quote, the case in one sentence, citation links,
 * alternatives in the same country and a "more" link. Full: also the case history and every alternative.
 */
export function buildHoverMarkdown(p: Placement, opts: HoverOptions): string {
  const full = opts.detail === 'full';
  const lines = facts(p, opts);
  const operatorCountry = p.regionId ? catalog.lookupRegion(p.provider, p.regionId)?.operator.country : undefined;
  // No legal text where the region is not known (CAL002) or not in the catalog (CAL006): there is nothing to apply it to.
  const known = p.region.kind === 'known' && p.regionKnown;
  const note = known ? legalNote(p.control, p.country, operatorCountry, full) : [];
  if (note.length > 0) {
    lines.push('', '---', '', ...note.flatMap((l) => [l, '']));
    lines.pop();
  }
  const alt = p.control === 'non-us' ? undefined : alternativesLine(p.country, full ? 50 : 3);
  if (alt) {
    lines.push('', alt);
  }
  if (opts.all && opts.all.length > 1) {
    lines.push('', ...allPlacements(opts.all, opts));
  }
  if (!full && opts.moreUri) {
    lines.push('', `[More about this region…](${opts.moreUri})`);
  }
  return lines.join('\n');
}

/** The code lens title above a resource: `DE · eu-central-1 · U.S.-controlled (Amazon Web Services)` (no flag emoji: they render as boxes on Linux and Windows). */
export function codeLensTitle(p: Placement): string {
  if (p.region.kind === 'unknown') {
    return 'region not determined statically';
  }
  const where = p.country ? `${p.country} · ` : '';
  const copies =
    p.copies.length > 0
      ? ` · ${p.copies.length} ${p.copies.length === 1 ? 'copy' : 'copies'}: ${p.copies.map((c) => c.country ?? c.regionId ?? '?').join(', ')}`
      : '';
  return `${where}${p.regionId ?? p.region.value} · ${controlLabel(p.control, p.provider)}${copies}`;
}

/** `feeds 12 resources in Ireland`, `feeds 3 resources: Germany, Ireland`, `feeds 1 resource (region not known)`. */
export function feedsTitle(placements: Placement[]): string {
  const n = placements.length;
  const countries = [...new Set(placements.map((p) => (p.country ? countryName(p.country) : undefined)))];
  const known = countries.filter((c): c is string => c !== undefined).sort();
  const where =
    known.length === 0
      ? ' (region not known)'
      : known.length === 1 && !countries.includes(undefined)
        ? ` in ${known[0]}`
        : `: ${known.join(', ')}${countries.includes(undefined) ? ', not known' : ''}`;
  return `feeds ${n} resource${n === 1 ? '' : 's'}${where}`;
}
