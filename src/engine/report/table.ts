import { stripControl as clean } from './escape';
import type { ReportData } from './report-data';
import {
  buildReportModel,
  describeRowCopy,
  describeRowRule,
  NOT_READ_LEAD,
  notReadHeading,
  notReadPlaces,
  type ReportRow,
  residencyCounts,
  residencyPolicyName,
  summarySentence,
} from './report-model';
import { groupByRoot, groupLabel } from './root-groups';

export interface TableOptions {
  color: boolean;
  /** The terminal's width in columns: rows are fitted to it and long lines wrapped (none: no limit). */
  width?: number;
}

const SEVERITY_COLOR: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
const MAX_WIDTH = 60;
/** No column of the table is cut narrower than this to fit the terminal. */
const MIN_WIDTH = 8;

/** Column widths that fit `total` columns: the widest column gives up a character until the row fits. */
function fitToWidth(widths: number[], last: number, total: number | undefined): number[] {
  const out = [...widths];
  const used = () => out.reduce((a, b) => a + b, 0) + 2 * out.length + last;
  while (total !== undefined && used() > total) {
    const i = out.indexOf(Math.max(...out));
    if (out[i] <= MIN_WIDTH) {
      break;
    }
    out[i]--;
  }
  return out;
}

/** `text` wrapped at `width` columns, continuation lines indented, words kept whole where they fit. */
function wrap(text: string, width: number | undefined, indent = '    '): string {
  if (width === undefined || text.length <= width) {
    return text;
  }
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length > width && line.trim() !== '') {
      lines.push(line);
      line = indent + word;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

function fit(s: string, n: number): string {
  if (s.length > n) {
    return s.slice(0, n - 1) + '…';
  }
  return s + ' '.repeat(n - s.length);
}

function cells(r: ReportRow): string[] {
  return [
    `${r.file}:${r.line}`,
    r.resource,
    r.provider,
    r.region ?? '(unresolved)',
    r.country ?? '-',
    `${r.operator ?? '?'} → ${r.controller ?? '?'}`,
    r.rules.map((x) => (x.accepted ? `${x.ruleId} (accepted)` : x.ruleId)).join(', ') || '-',
  ].map(clean);
}

/**
 * A plain-text table for terminals: one row per placement, then findings, accepted findings, errors and
 * a summary. Control characters from user files are replaced so that names cannot drive the terminal;
 * colours only when asked for (stdout is a TTY).
 */
export function toTable(data: ReportData, opts: TableOptions): string {
  const m = buildReportModel(data);
  const paint = (code: string, s: string) => (opts.color && code ? `${code}${s}${RESET}` : s);
  const header = ['LOCATION', 'RESOURCE', 'PROVIDER', 'REGION', 'COUNTRY', 'OPERATOR → CONTROLLER', 'RULES'];
  const rows = m.rows.map(cells);
  const natural = header.map((hd, i) => Math.min(MAX_WIDTH, Math.max(hd.length, ...rows.map((r) => r[i].length))));
  const lastWidth = natural.pop()!;
  const widths = fitToWidth(natural, lastWidth, opts.width);
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : fit(c, widths[i])))
      .join('  ')
      .trimEnd();
  const out = [paint(BOLD, line(header))];
  const groups = groupByRoot(
    m.rows.map((r, i) => ({ r, cells: rows[i] })),
    (x) => x.r.root,
  );
  // Several roots: each one's rows under its name (a module that several roots call has a row per root,
  // with the same location and address).
  for (const g of groups) {
    if (groups.length > 1) {
      out.push(paint(BOLD, clean(groupLabel(g.root, g.items.length))));
    }
    for (const { r, cells: c } of g.items) {
      out.push(paint(r.severity ? SEVERITY_COLOR[r.severity] : '', line(c)));
    }
  }
  const findings = [
    ...m.rows.flatMap((r) => r.rules.map((x) => ({ r, x }))),
    ...m.otherFindings.map((x) => ({ r: x, x })),
  ].sort((a, b) => (a.r.file < b.r.file ? -1 : a.r.file > b.r.file ? 1 : a.r.line - b.r.line));
  const active = findings.filter(({ x }) => !x.accepted);
  if (active.length > 0) {
    out.push('', paint(BOLD, 'FINDINGS'));
    const key = ({ r, x }: (typeof active)[number]) =>
      `${r.file}:${r.line}:${r.column}\0${x.ruleId}\0${x.severity}\0${x.message}`;
    for (const { item, roots } of oncePerText(active, key, ({ r }) => ('root' in r ? r.root : ''))) {
      const { r, x } = item;
      const sev = paint(SEVERITY_COLOR[x.severity], x.severity);
      const head = `${clean(`${r.file}:${r.line}:${r.column}`)}  ${x.ruleId} `;
      // Wrapped on the plain text (colour codes take no columns), then the severity painted.
      const text = wrap(`${head}${x.severity}  ${clean(x.message)}${inRoots(roots)}`, opts.width);
      out.push(text.replace(`${head}${x.severity}`, `${head}${sev}`));
    }
  }
  const accepted = findings.filter(({ x }) => x.accepted);
  if (accepted.length > 0) {
    out.push('', paint(BOLD, 'ACCEPTED'));
    for (const { r, x } of accepted) {
      out.push(paint(DIM, clean(`${r.file}:${r.line}  ${describeRowRule(x)}`)));
    }
  }
  const copies = m.rows.flatMap((r) => r.copies.map((c) => ({ r, c })));
  if (copies.length > 0) {
    out.push('', paint(BOLD, 'COPIES'));
    const text = ({ r, c }: (typeof copies)[number]) => {
      const mark = c.crossesBorder ? 'another country' : c.region ? 'same country' : 'not known';
      return `${r.file}:${r.line}  ${r.resource}  ${describeRowCopy(c)}  [${mark}]  ${c.provenance}`;
    };
    for (const { item, roots } of oncePerText(copies, text, ({ r }) => r.root)) {
      out.push(clean(`${text(item)}${inRoots(roots)}`));
    }
  }
  if (m.residency.length > 0) {
    out.push('', paint(BOLD, 'RESIDENCY POLICIES'));
    for (const t of m.residency) {
      const counts = t.outside > 0 ? paint(SEVERITY_COLOR.error, residencyCounts(t)) : residencyCounts(t);
      out.push(`${clean(residencyPolicyName(t))}  allows ${clean(t.allows)}: ${counts}`);
    }
  }
  if (m.errors.length > 0) {
    out.push('', paint(BOLD, 'ERRORS'));
    for (const e of m.errors) {
      out.push(paint(SEVERITY_COLOR.error, clean(`${e.file}:${e.line}  ${e.message}`)));
    }
  }
  if (m.notRead.length > 0) {
    out.push('', paint(BOLD, 'NOT READ'), wrap(NOT_READ_LEAD, opts.width, ''));
    for (const g of m.notRead) {
      out.push(paint(SEVERITY_COLOR.warning, wrap(notReadHeading(g), opts.width, '')));
      for (const s of g.sources) {
        const what = s.given ? `"${s.source}"` : s.source;
        out.push(wrap(clean(`  ${what} (${s.places.length}): ${notReadPlaces(s.places)}`), opts.width));
      }
    }
  }
  out.push('', summarySentence(m.summary));
  return out.join('\n') + '\n';
}

/**
 * Items whose text is the same, once each, with the number of roots they come from: a module that 20
 * examples call gives 20 identical lines otherwise.
 */
function oncePerText<T>(
  items: readonly T[],
  text: (item: T) => string,
  rootOf: (item: T) => string,
): Array<{ item: T; roots: number }> {
  const byText = new Map<string, { item: T; roots: Set<string> }>();
  for (const item of items) {
    const key = text(item);
    const seen = byText.get(key);
    if (seen) {
      seen.roots.add(rootOf(item));
    } else {
      byText.set(key, { item, roots: new Set([rootOf(item)]) });
    }
  }
  return [...byText.values()].map(({ item, roots }) => ({ item, roots: roots.size }));
}

/** `  (in 5 roots)` after a line that several roots give alike; nothing for one. */
function inRoots(roots: number): string {
  return roots > 1 ? `  (in ${roots} roots)` : '';
}
