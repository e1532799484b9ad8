import { csvField } from './escape';
import type { ReportData } from './report-data';
import { buildReportModel, describeRowCopy, describeRowRule } from './report-model';

const HEADER = [
  'file',
  'line',
  'column',
  'resource',
  'type',
  'provider',
  'region',
  'country',
  'country_name',
  'operator',
  'controller',
  'severity',
  'rules',
  'accepted',
  'provenance',
  'unresolved_reason',
  'copies',
  // Last, so that the columns before it keep their places: the root module or template of the row.
  'root',
];

/**
 * One row per placement (RFC 4180, CRLF line ends), for spreadsheets. Rules and accepted findings are
 * joined with `; `. Cells that a spreadsheet would evaluate as formulas are neutralised.
 */
export function toCsv(data: ReportData): string {
  const model = buildReportModel(data);
  const lines = [HEADER.join(',')];
  for (const r of model.rows) {
    const active = r.rules.filter((x) => !x.accepted).map(describeRowRule);
    const accepted = r.rules.filter((x) => x.accepted).map(describeRowRule);
    lines.push(
      [
        r.file,
        r.line,
        r.column,
        r.resource,
        r.type,
        r.provider,
        r.region,
        r.country,
        r.countryName,
        r.operator,
        r.controller,
        r.severity,
        active.join('; '),
        accepted.join('; '),
        r.provenance,
        r.unresolvedReason,
        r.copies.map(describeRowCopy).join('; '),
        r.root,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
