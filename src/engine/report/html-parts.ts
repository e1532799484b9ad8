import { escapeHtml as h } from './escape';
import {
  type Bar,
  describeRowCopy,
  describeRowRule,
  NOT_READ_LEAD,
  notReadPlaces,
  plural,
  type ReportModel,
  type ReportRow,
  residencyPolicyName,
} from './report-model';
import { groupByRoot, groupLabel } from './root-groups';

export { worldMapHtml } from './world-map';

/**
 * HTML fragments shared by the self-contained export and the VS Code webview. Every value is escaped
 * here; callers only concatenate. Charts are SVG with presentational attributes (no inline styles),
 * so that they render under a strict Content Security Policy and without scripts.
 */

function stat(label: string, value: number, cls: string): string {
  return `<div class="stat ${cls}"><div class="stat-value">${value}</div><div class="stat-label">${h(label)}</div></div>`;
}

export function summaryHtml(m: ReportModel): string {
  const s = m.summary;
  return (
    `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><div class="stats">` +
    stat('resources', s.resources, 'total') +
    stat('in non-U.S. regions of U.S.-controlled operators', s.nonUsRegionUsControlled, 'flagged') +
    stat('with a copy of their data in another country', s.copiesAcrossBorders, 'flagged') +
    stat('unresolved regions', s.unresolved, 'unresolved') +
    stat('accepted findings', s.accepted, 'accepted') +
    stat('errors', s.errors, 'errors') +
    (s.notRead > 0 ? stat('modules or templates not read', s.notRead, 'not-read') : '') +
    `</div><p class="muted">${s.files} files scanned; active findings: ${s.bySeverity.error} errors, ` +
    `${s.bySeverity.warning} warnings, ${s.bySeverity.info} information.</p></section>`
  );
}

function chart(id: string, title: string, bars: Bar[]): string {
  if (bars.length === 0) {
    return '';
  }
  const max = Math.max(...bars.map((b) => b.count));
  const rows = bars.map((b) => {
    const all = ((b.count / max) * 100).toFixed(1);
    const us = ((b.usControlled / max) * 100).toFixed(1);
    const tip = `${b.label}: ${b.count} resources, ${b.usControlled} in non-U.S. regions of U.S.-controlled operators`;
    return (
      `<li><span class="bar-label">${h(b.label)}</span>` +
      `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${h(tip)}">` +
      `<title>${h(tip)}</title><rect class="bar-all" x="0" y="0" height="10" width="${all}"></rect>` +
      `<rect class="bar-us" x="0" y="0" height="10" width="${us}"></rect></svg>` +
      `<span class="bar-count">${b.count}</span></li>`
    );
  });
  return `<figure class="chart" id="${id}"><figcaption>${h(title)}</figcaption><ul class="bars">${rows.join('')}</ul></figure>`;
}

export function chartsHtml(m: ReportModel): string {
  return (
    `<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">Where the resources are</h2>` +
    `<p class="legend"><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="bar-all" width="10" height="10"></rect></svg> all resources ` +
    `<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="bar-us" width="10" height="10"></rect></svg> in non-U.S. regions of U.S.-controlled operators</p>` +
    `<div class="charts">` +
    chart('by-country', 'By country of the region', m.byCountry) +
    chart('by-controller', 'By country of the controlling entity', m.byController) +
    chart('by-provider', 'By provider', m.byProvider) +
    `</div></section>`
  );
}

function rulesCell(r: ReportRow): string {
  if (r.rules.length === 0) {
    return '–';
  }
  return r.rules
    .map((x) => {
      const cls = x.accepted ? 'accepted' : `sev-${x.severity}`;
      return `<span class="rule ${cls}" title="${h(x.message)}">${h(describeRowRule(x))}</span>`;
    })
    .join('<br>');
}

/** The column headers; `key` is what the webview script sorts by. */
export const TABLE_COLUMNS = [
  { key: 'location', label: 'Location' },
  { key: 'resource', label: 'Resource' },
  { key: 'provider', label: 'Provider' },
  { key: 'region', label: 'Region' },
  { key: 'country', label: 'Country' },
  { key: 'control', label: 'Operator → controller' },
  { key: 'rules', label: 'Rules' },
  { key: 'provenance', label: 'Provenance' },
  { key: 'copies', label: 'Copies' },
] as const;

function copiesCell(r: ReportRow): string {
  if (r.copies.length === 0) {
    return '–';
  }
  return r.copies
    .map((c) => {
      const cls = c.crossesBorder ? 'copy copy-abroad' : 'copy';
      return `<span class="${cls}" title="${h(c.provenance)}">${h(describeRowCopy(c))}</span>`;
    })
    .join('<br>');
}

/** Where data flows: a resource's country → the country of a copy, with how many copies take that way. */
export function dataFlows(m: ReportModel): Array<{ from: string; to: string; count: number }> {
  const counts = new Map<string, { from: string; to: string; count: number }>();
  for (const r of m.rows) {
    for (const c of r.copies.filter((x) => x.crossesBorder)) {
      const from = r.countryName ?? (r.region ? `${r.region} (several countries)` : 'region not known');
      const to = c.countryName ?? 'several countries';
      const key = `${from}\u0000${to}`;
      const flow = counts.get(key) ?? { from, to, count: 0 };
      flow.count++;
      counts.set(key, flow);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.from < b.from ? -1 : 1));
}

/**
 * A picture of where copies of the data go: the resources' countries on the left, the copies'
 * countries on the right, one line per way with its width by count. SVG with presentational
 * attributes only (no inline style, no script), each line titled for a tooltip and screen readers.
 */
export function flowsSvg(m: ReportModel): string {
  const flows = dataFlows(m);
  if (flows.length === 0) {
    return '';
  }
  const froms = [...new Set(flows.map((f) => f.from))];
  const tos = [...new Set(flows.map((f) => f.to))];
  const row = 30;
  const height = Math.max(froms.length, tos.length) * row + 10;
  const y = (list: string[], name: string) => 20 + list.indexOf(name) * row;
  const max = Math.max(...flows.map((f) => f.count));
  const lines = flows
    .map((f) => {
      const y1 = y(froms, f.from);
      const y2 = y(tos, f.to);
      const width = 1.5 + (4.5 * f.count) / max;
      const title = `${f.count} ${f.count === 1 ? 'copy' : 'copies'} from ${f.from} to ${f.to}`;
      return (
        `<path class="flow" d="M 230 ${y1} C 330 ${y1}, 370 ${y2}, 470 ${y2}" fill="none" stroke-width="${width.toFixed(1)}">` +
        `<title>${h(title)}</title></path>`
      );
    })
    .join('');
  const labels =
    froms
      .map((c) => `<text class="flow-label" x="222" y="${y(froms, c) + 4}" text-anchor="end">${h(c)}</text>`)
      .join('') +
    tos.map((c) => `<text class="flow-label" x="478" y="${y(tos, c) + 4}">${h(c)}</text>`).join('') +
    froms.map((c) => `<circle class="flow-node" cx="230" cy="${y(froms, c)}" r="4"></circle>`).join('') +
    tos.map((c) => `<circle class="flow-node flow-abroad" cx="470" cy="${y(tos, c)}" r="4"></circle>`).join('');
  const summary = flows.map((f) => `${f.from} to ${f.to}: ${f.count}`).join('; ');
  return (
    `<figure class="flows"><svg class="flows-svg" viewBox="0 0 700 ${height}" width="700" height="${height}" role="img" ` +
    `aria-label="${h(`Where copies of the data go. ${summary}`)}">${lines}${labels}</svg>` +
    `<figcaption class="muted">Resources' countries on the left, where copies of their data land on the right; a wider line, more copies.</figcaption></figure>`
  );
}

/** The copies that leave the resource's country, one line each, with how they come about. */
export function copiesHtml(m: ReportModel): string {
  const items = m.rows.flatMap((r) =>
    r.copies
      .filter((c) => c.crossesBorder)
      .map(
        (c) =>
          `<li><strong>${h(r.resource)}</strong> <span class="loc">${h(`${r.file}:${r.line}`)}</span>: ${h(describeRowCopy(c))}` +
          (c.operator ? `, operated by ${h(c.operator)} → ${h(c.controller ?? 'unknown')}` : '') +
          `<div class="muted">${h(c.provenance)}</div></li>`,
      ),
  );
  const body =
    items.length > 0
      ? `${flowsSvg(m)}<ul>${items.join('')}</ul>`
      : '<p>No copy of the data lands in another country.</p>';
  return `<section id="copies" aria-labelledby="copies-h"><h2 id="copies-h">Copies across borders</h2>${body}</section>`;
}

/** Compliance per residency policy; empty when no policy is configured. */
export function residencyHtml(m: ReportModel): string {
  if (m.residency.length === 0) {
    return '';
  }
  const rows = m.residency
    .map(
      (t) =>
        `<tr><td>${h(residencyPolicyName(t))}</td><td>${h(t.allows)}</td><td class="num">${t.compliant}</td>` +
        `<td class="num${t.outside > 0 ? ' flagged' : ''}">${t.outside}</td><td class="num">${t.unresolved}</td></tr>`,
    )
    .join('');
  return (
    `<section id="residency" aria-labelledby="residency-h"><h2 id="residency-h">Residency policies</h2>` +
    `<table><thead><tr><th scope="col">Policy</th><th scope="col">Allows</th><th scope="col">Inside</th>` +
    `<th scope="col">Outside</th><th scope="col">Not checked (region not known)</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></section>`
  );
}

/** `envs/prod/network/main.tf` → `…/network/main.tf`: the file and its folder, the rest on hover. */
export function shortPath(file: string): string {
  const parts = file.split('/');
  return parts.length <= 2 ? file : `…/${parts.slice(-2).join('/')}`;
}

function provenanceCell(r: ReportRow, interactive: boolean): string {
  const [first, ...rest] = r.provenanceSteps;
  if (!interactive || first === undefined || rest.length === 0) {
    return `<td class="muted prov">${h(r.provenance || '–')}</td>`;
  }
  // The first step says where the value is written; the rest (origin last) folds away.
  const more = rest.map((s) => `<li>← ${h(s)}</li>`).join('');
  return (
    `<td class="muted prov"><details><summary>${h(first)} <span class="more">(+${rest.length})</span></summary>` +
    `<ul class="chain">${more}</ul></details></td>`
  );
}

function rowHtml(r: ReportRow, interactive: boolean): string {
  const region = r.region
    ? h(r.region)
    : `<span class="unresolved-region">unresolved</span>${r.unresolvedReason ? `<div class="muted">${h(r.unresolvedReason)}</div>` : ''}`;
  const country = r.country ? `${h(r.countryName ?? r.country)} <span class="muted">${h(r.country)}</span>` : '–';
  const control = `${h(r.operator ?? 'unknown')} → ${h(r.controllerName ?? 'unknown')}`;
  const sev = r.severity ?? (r.rules.length > 0 ? 'accepted' : 'none');
  const at = `${r.file}:${r.line}`;
  const attrs = interactive
    ? ` data-row="${r.id}" data-severity="${sev}" data-root="${h(r.root)}" data-path="${h(at)}" tabindex="0"`
    : ` data-severity="${sev}"`;
  const loc = interactive
    ? `<td class="loc" title="Open ${h(at)}">${h(`${shortPath(r.file)}:${r.line}`)}</td>`
    : `<td class="loc">${h(at)}</td>`;
  return (
    `<tr${attrs}>${loc}<td>${h(r.resource)}<div class="muted">${h(r.type)}</div></td>` +
    `<td>${h(r.provider)}</td><td>${region}</td><td>${country}</td><td>${control}</td>` +
    `<td>${rulesCell(r)}</td>${provenanceCell(r, interactive)}<td>${copiesCell(r)}</td></tr>`
  );
}

/**
 * The placement table. In the webview (`interactive`) rows carry their id, root and full path; the
 * script sorts, filters and groups them. The export, for paper, groups rows by root when there are
 * several, each under a header row, and writes paths and provenance in full.
 */
export function tableHtml(m: ReportModel, interactive: boolean): string {
  const head = TABLE_COLUMNS.map((c) =>
    interactive
      ? `<th scope="col" data-key="${c.key}" aria-sort="none"><button type="button" class="sort">${h(c.label)}</button></th>`
      : `<th scope="col">${h(c.label)}</th>`,
  ).join('');
  const groups = groupByRoot(m.rows, (r) => r.root);
  let body: string;
  if (m.rows.length === 0) {
    body = `<tbody><tr><td colspan="${TABLE_COLUMNS.length}">No resources with a region were found.</td></tr></tbody>`;
  } else if (interactive || groups.length === 1) {
    body = `<tbody>${m.rows.map((r) => rowHtml(r, interactive)).join('')}</tbody>`;
  } else {
    body = groups
      .map(
        (g) =>
          `<tbody><tr class="group-row"><th scope="rowgroup" colspan="${TABLE_COLUMNS.length}">${h(groupLabel(g.root, g.items.length))}</th></tr>` +
          `${g.items.map((r) => rowHtml(r, false)).join('')}</tbody>`,
      )
      .join('');
  }
  return `<table id="placements"><thead><tr>${head}</tr></thead>${body}</table>`;
}

/** Findings on no placement (suppression problems) and analysis errors. */
export function errorsHtml(m: ReportModel): string {
  let out = '';
  if (m.otherFindings.length > 0) {
    const items = m.otherFindings.map(
      (f) =>
        `<li><span class="loc">${h(`${f.file}:${f.line}`)}</span> <span class="rule ${f.accepted ? 'accepted' : `sev-${f.severity}`}">` +
        `${h(describeRowRule(f))}</span> ${h(f.message)}</li>`,
    );
    out += `<section id="other-findings" aria-labelledby="other-h"><h2 id="other-h">Other findings</h2><ul>${items.join('')}</ul></section>`;
  }
  if (m.errors.length > 0) {
    const items = m.errors.map((e) => `<li><span class="loc">${h(`${e.file}:${e.line}`)}</span> ${h(e.message)}</li>`);
    out += `<section id="errors" aria-labelledby="errors-h"><h2 id="errors-h">Errors</h2><ul>${items.join('')}</ul></section>`;
  }
  if (m.notRead.length > 0) {
    let body = `<p>${h(NOT_READ_LEAD)}</p>`;
    for (const g of m.notRead) {
      const rows = g.sources.map(
        (s) =>
          `<tr><td>${s.given ? `<code>${h(s.source)}</code>` : h(s.source)}</td><td class="num">${s.places.length}</td>` +
          `<td class="places">${h(notReadPlaces(s.places))}</td></tr>`,
      );
      body +=
        `<h3>${h(g.title)} (${plural(g.count, 'place')})</h3>` +
        (g.advice ? `<p>${h(g.advice.charAt(0).toUpperCase() + g.advice.slice(1))}</p>` : '') +
        `<table class="not-read"><thead><tr><th scope="col">Not read</th><th scope="col">Places</th><th scope="col">Where</th></tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table>`;
    }
    out += `<section id="not-read" aria-labelledby="not-read-h"><h2 id="not-read-h">Not read</h2>${body}</section>`;
  }
  return out;
}

export function legalHtml(m: ReportModel): string {
  const paras = m.legal.paragraphs.map((p) => `<p>${h(p)}</p>`).join('');
  const cites = m.legal.citations.map((c) => `<li><a href="${h(c.url)}">${h(c.label)}</a></li>`).join('');
  return (
    `<section id="legal" aria-labelledby="legal-h"><h2 id="legal-h">Legal background</h2>${paras}` +
    `<h3>Sources</h3><ul class="citations">${cites}</ul></section>`
  );
}

export function alternativesHtml(m: ReportModel): string {
  const parts = m.alternatives.map((a) => {
    const items =
      a.providers.length === 0
        ? '<p class="muted">The catalog lists no provider with a region in this country that is not U.S.-controlled.</p>'
        : `<ul>${a.providers.map((p) => `<li><strong>${h(p.name)}</strong> (operated by ${h(p.operator)}, controlled from ${h(p.controllerName)}): ${h(p.regions.join(', '))}</li>`).join('')}</ul>`;
    return `<h3>${h(a.countryName)} <span class="muted">${h(a.country)}</span></h3>${items}`;
  });
  const body =
    parts.length > 0 ? parts.join('') : '<p>No resource is in a non-U.S. region of a U.S.-controlled operator.</p>';
  return (
    `<section id="alternatives" aria-labelledby="alternatives-h"><h2 id="alternatives-h">Alternatives not controlled by a U.S. entity</h2>` +
    `<p class="muted">Providers in the catalog with a region in the same country whose operator is not ultimately controlled by a U.S. entity.</p>` +
    `${body}</section>`
  );
}

export function rulesHtml(m: ReportModel): string {
  if (m.rules.length === 0) {
    return '';
  }
  const items = m.rules.map((r) => `<li><a href="${h(r.helpUri)}">${h(r.id)}</a> ${h(r.title)}</li>`);
  return `<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Rules</h2><ul>${items.join('')}</ul></section>`;
}
