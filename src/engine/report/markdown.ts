import { escapeMarkdown as md } from './escape';
import type { ReportData } from './report-data';
import {
  type Bar,
  buildReportModel,
  describeRowCopy,
  describeRowRule,
  NOT_READ_LEAD,
  notReadPlaces,
  plural,
  type ReportModel,
  type ReportRow,
  residencyPolicyName,
  scanLine,
  summarySentence,
} from './report-model';
import { groupByRoot, groupLabel } from './root-groups';

/** A link whose target is one of our own constant URLs (never user data). */
function link(text: string, url: string): string {
  return `[${md(text)}](<${url}>)`;
}

function barLines(title: string, bars: Bar[]): string[] {
  if (bars.length === 0) {
    return [];
  }
  const max = Math.max(...bars.map((b) => b.count));
  const out = [`### ${title}`, '', '| | Resources | Non-U.S. region, U.S.-controlled | |', '|---|--:|--:|---|'];
  for (const b of bars) {
    const width = Math.max(1, Math.round((b.count / max) * 20));
    out.push(`| ${md(b.label)} | ${b.count} | ${b.usControlled} | ${'█'.repeat(width)} |`);
  }
  return [...out, ''];
}

function placementTable(model: ReportModel): string[] {
  if (model.rows.length === 0) {
    return ['No resources with a region were found.', ''];
  }
  const groups = groupByRoot(model.rows, (r) => r.root);
  // Several roots: one table each, under its root, as in the HTML export (a module that several roots
  // call has a row per root, and the rows would otherwise read as repeats).
  return groups.flatMap((g) => [
    ...(groups.length > 1 ? [`### ${md(groupLabel(g.root, g.items.length))}`, ''] : []),
    '| Location | Resource | Provider | Region | Country | Operator → controller | Rules | Provenance | Copies |',
    '|---|---|---|---|---|---|---|---|---|',
    ...g.items.map(placementRow),
    '',
  ]);
}

function placementRow(r: ReportRow): string {
  const region = r.region ?? `unresolved${r.unresolvedReason ? `: ${r.unresolvedReason}` : ''}`;
  const country = r.country ? `${r.countryName} (${r.country})` : '–';
  const control = `${r.operator ?? 'unknown'} → ${r.controllerName ?? 'unknown'}`;
  const rules = r.rules.map((x) => md(describeRowRule(x))).join('<br>') || '–';
  return (
    `| ${md(`${r.file}:${r.line}`)} | ${md(r.resource)} | ${md(r.provider)} | ${md(region)} | ${md(country)} | ` +
    `${md(control)} | ${rules} | ${md(r.provenance || '–')} | ${r.copies.map((c) => md(describeRowCopy(c))).join('<br>') || '–'} |`
  );
}

/** Every copy that leaves the resource's country, with how it comes about. */
function copiesAcrossBorders(model: ReportModel): string[] {
  const out: string[] = [];
  const severalRoots = new Set(model.rows.map((r) => r.root)).size > 1;
  for (const r of model.rows) {
    const where = severalRoots ? `${r.file}:${r.line}, root ${r.root}` : `${r.file}:${r.line}`;
    for (const c of r.copies.filter((x) => x.crossesBorder)) {
      const control = c.operator ? `, operated by ${c.operator} → ${c.controller ?? 'unknown'}` : '';
      out.push(`- ${md(r.resource)} (${md(where)}): ${md(describeRowCopy(c))}${md(control)}; ${md(c.provenance)}`);
    }
  }
  return out.length === 0 ? ['No copy of the data lands in another country.', ''] : [...out, ''];
}

/** Compliance per residency policy (only when one is configured). */
function residencySection(m: ReportModel): string[] {
  if (m.residency.length === 0) {
    return [];
  }
  return [
    '## Residency policies',
    '',
    '| Policy | Allows | Inside | Outside | Not checked |',
    '|---|---|---|---|---|',
    ...m.residency.map(
      (t) => `| ${md(residencyPolicyName(t))} | ${md(t.allows)} | ${t.compliant} | ${t.outside} | ${t.unresolved} |`,
    ),
    '',
  ];
}

/** The report as GitHub-flavoured Markdown: summary, charts as tables, placements, legal background, alternatives. */
export function toMarkdown(data: ReportData): string {
  const m = buildReportModel(data);
  const s = m.summary;
  const out: string[] = [
    '# CLOUD Act Lens report',
    '',
    `${data.scan ? `${md(scanLine(data))}. ` : ''}${md(m.tool.name)} ${md(m.tool.version)}, catalog of ${md(m.tool.catalogDate)}.`,
    '',
    '## Summary',
    '',
    `- Resources: ${s.resources} (in ${s.files} files)`,
    `- In non-U.S. regions of U.S.-controlled operators: ${s.nonUsRegionUsControlled}`,
    `- With a copy of their data in another country: ${s.copiesAcrossBorders}`,
    `- Unresolved regions: ${s.unresolved}`,
    `- Accepted findings: ${s.accepted}`,
    `- Errors: ${s.errors}`,
    `- Active findings: ${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} information`,
    '',
    md(summarySentence(s)),
    '',
    '## Resources by country, controller and provider',
    '',
    ...barLines('By country of the region', m.byCountry),
    ...barLines('By country of the controlling entity', m.byController),
    ...barLines('By provider', m.byProvider),
    '## Placements',
    '',
    ...placementTable(m),
    '## Copies across borders',
    '',
    ...copiesAcrossBorders(m),
    ...residencySection(m),
  ];
  if (m.otherFindings.length > 0) {
    out.push('## Other findings', '');
    for (const f of m.otherFindings) {
      out.push(`- ${md(`${f.file}:${f.line}`)}: ${md(describeRowRule(f))}: ${md(f.message)}`);
    }
    out.push('');
  }
  if (m.errors.length > 0) {
    out.push('## Errors', '');
    for (const e of m.errors) {
      out.push(`- ${md(`${e.file}:${e.line}`)}: ${md(e.message)}`);
    }
    out.push('');
  }
  if (m.notRead.length > 0) {
    out.push('## Not read', '', md(NOT_READ_LEAD), '');
    for (const g of m.notRead) {
      out.push(`**${md(g.title)}** (${plural(g.count, 'place')})${g.advice ? `: ${md(g.advice)}` : ''}`, '');
      out.push('| Not read | Places | Where |', '|---|--:|---|');
      for (const s of g.sources) {
        // A code span keeps the source as written; inside a table cell only its pipes need a backslash.
        const what = s.given ? `\`${s.source.replace(/`/g, "'").replace(/\|/g, '\\|')}\`` : md(s.source);
        out.push(`| ${what} | ${s.places.length} | ${md(notReadPlaces(s.places))} |`);
      }
      out.push('');
    }
  }
  out.push('## Legal background', '');
  for (const p of m.legal.paragraphs) {
    out.push(md(p), '');
  }
  out.push('Sources:', '');
  for (const c of m.legal.citations) {
    out.push(`- ${link(c.label, c.url)}`);
  }
  out.push('', '## Alternatives not controlled by a U.S. entity', '');
  if (m.alternatives.length === 0) {
    out.push('No resource is in a non-U.S. region of a U.S.-controlled operator.', '');
  }
  for (const a of m.alternatives) {
    out.push(`### ${md(a.countryName)} (${md(a.country)})`, '');
    if (a.providers.length === 0) {
      out.push('The catalog lists no provider with a region in this country that is not U.S.-controlled.');
    }
    for (const p of a.providers) {
      out.push(
        `- ${md(p.name)} (operated by ${md(p.operator)}, controlled from ${md(p.controllerName)}): ${p.regions.map(md).join(', ')}`,
      );
    }
    out.push('');
  }
  if (m.rules.length > 0) {
    out.push('## Rules', '');
    for (const r of m.rules) {
      out.push(`- ${link(`${r.id} ${r.title}`, r.helpUri)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
