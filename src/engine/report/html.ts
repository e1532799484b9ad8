import { escapeHtml as h } from './escape';
import { EXPORT_CSS } from './html-export-css';
import {
  alternativesHtml,
  chartsHtml,
  copiesHtml,
  errorsHtml,
  legalHtml,
  residencyHtml,
  rulesHtml,
  summaryHtml,
  tableHtml,
} from './html-parts';
import type { ReportData } from './report-data';
import { buildReportModel, scanLine } from './report-model';
import { worldMapHtml } from './world-map';

/**
 * A self-contained HTML document: inline CSS, no scripts, no remote resources, so that it can be
 * mailed, archived or printed. Its CSP forbids scripts in case a viewer opens it from a web server.
 */
export function toHtml(data: ReportData): string {
  const m = buildReportModel(data);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>CLOUD Act Lens report</title>
<style>${EXPORT_CSS}</style>
</head>
<body>
<header><h1>CLOUD Act Lens report</h1><p class="muted">${data.scan ? `${h(scanLine(data))} · ` : ''}${h(m.tool.name)} ${h(m.tool.version)}, catalog of ${h(m.tool.catalogDate)}</p></header>
<main>
${summaryHtml(m)}
${worldMapHtml(m)}
${chartsHtml(m)}
<section id="placements-section" aria-labelledby="placements-h"><h2 id="placements-h">Placements</h2>${tableHtml(m, false)}</section>
${copiesHtml(m)}
${residencyHtml(m)}
${errorsHtml(m)}
${legalHtml(m)}
${alternativesHtml(m)}
${rulesHtml(m)}
</main>
</body>
</html>
`;
}
