import { countryName } from '../catalog/countries';
import type { ReportData } from './report-data';

export interface TableOptions {
  color: boolean;
}

const SEVERITY_COLOR: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const RESET = '\x1b[0m';

/** Strips control characters so that names from user files cannot move the cursor or recolour a terminal. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** A plain-text table for terminals, one row per placement, then errors and a summary line. */
export function toTable(data: ReportData, opts: TableOptions): string {
  const rows: string[][] = [['LOCATION', 'RESOURCE', 'REGION', 'COUNTRY', 'CONTROLLER', 'RULES']];
  for (const p of data.placements) {
    const active = p.findings.filter((f) => !f.suppressed).map((f) => f.ruleId);
    const accepted = p.findings.filter((f) => f.suppressed).map((f) => `${f.ruleId} (accepted)`);
    rows.push(
      [
        `${data.rel(p.file)}:${p.range.start.line + 1}`,
        p.address,
        p.regionId ?? '(unresolved)',
        p.country ? `${p.country} ${countryName(p.country)}` : '-',
        p.controller ?? '-',
        [...active, ...accepted].join(', ') || '-',
      ].map(clean),
    );
  }
  const widths = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i].length))));
  const lines = rows.map((r) =>
    r
      .map((c, i) => pad(c, widths[i]))
      .join('  ')
      .trimEnd(),
  );
  const out = [lines[0], ...lines.slice(1)];
  const active = data.findings.filter((f) => !f.suppressed);
  if (active.length > 0) {
    out.push('', 'FINDINGS');
    for (const f of active) {
      const sev = opts.color ? `${SEVERITY_COLOR[f.severity] ?? ''}${f.severity}${RESET}` : f.severity;
      out.push(
        clean(
          `${data.rel(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.ruleId} ${sev}  ${f.message}`,
        ),
      );
    }
  }
  if (data.errors.length > 0) {
    out.push('', 'ERRORS');
    for (const e of data.errors) {
      out.push(clean(`${data.rel(e.file)}:${(e.range?.start.line ?? 0) + 1}  ${e.message}`));
    }
  }
  const count = (rule: string) => active.filter((f) => f.ruleId === rule).length;
  out.push(
    '',
    `${data.placements.length} resources in ${data.files} files: ${count('CAL001')} in non-U.S. regions of U.S.-controlled operators, ` +
      `${count('CAL002')} unresolved, ${data.findings.length - active.length} accepted, ${data.errors.length} errors.`,
  );
  return out.join('\n') + '\n';
}
