import { escapeHtml as h, reportHtml, type ReportModel } from '../../engine';

const {
  alternativesHtml,
  chartsHtml,
  copiesHtml,
  residencyHtml,
  errorsHtml,
  legalHtml,
  rulesHtml,
  summaryHtml,
  tableHtml,
  worldMapHtml,
} = reportHtml;

export interface WebviewHtmlInput {
  model: ReportModel;
  /** Fresh per render, from `crypto.randomBytes`. */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** `asWebviewUri` of media/report.css and dist/webview/report.js. */
  styleUri: string;
  scriptUri: string;
  /** When the scan finished, shown under the title. */
  scannedAt: string;
}

/** The part of the page that is replaced when a new scan arrives (everything but the toolbar). */
export function reportBodyHtml(model: ReportModel, scannedAt: string): string {
  return (
    `<p class="muted" id="scanned">Scanned ${h(scannedAt)} · ${h(model.tool.name)} ${h(model.tool.version)}, ` +
    `catalog of ${h(model.tool.catalogDate)}</p>` +
    summaryHtml(model) +
    worldMapHtml(model) +
    chartsHtml(model) +
    `<section id="placements-section" aria-labelledby="placements-h"><h2 id="placements-h">Placements ` +
    `<span class="muted" id="row-count">${model.rows.length} of ${model.rows.length}</span></h2>` +
    tableHtml(model, true) +
    `</section>` +
    copiesHtml(model) +
    residencyHtml(model) +
    errorsHtml(model) +
    legalHtml(model) +
    alternativesHtml(model) +
    rulesHtml(model)
  );
}

/**
 * The whole webview document, as a pure function of its input. Strict CSP: nothing by default, styles and
 * fonts from the extension only, the one script by nonce, no inline script or event handler anywhere.
 */
export function buildReportHtml(input: WebviewHtmlInput): string {
  // Both come from VS Code and crypto, never from user files; checked so the policy stays unescaped and readable.
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(input.nonce) || /["<>;\n]/.test(input.cspSource)) {
    throw new Error('invalid nonce or CSP source');
  }
  const csp = [
    "default-src 'none'",
    `style-src ${input.cspSource}`,
    `font-src ${input.cspSource}`,
    `img-src ${input.cspSource} data:`,
    `script-src 'nonce-${input.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${h(input.styleUri)}">
<title>CLOUD Act Lens report</title>
</head>
<body>
<header class="toolbar">
<h1>CLOUD Act Lens report</h1>
<label>Filter <input id="filter" type="search" placeholder="file, resource, region, country, rule…" aria-controls="placements"></label>
<label>Show <select id="severity" aria-controls="placements">
<option value="all">all resources</option>
<option value="error">errors</option>
<option value="warning">warnings</option>
<option value="info">information</option>
<option value="accepted">accepted only</option>
<option value="none">without findings</option>
</select></label>
<label>Group <select id="group" aria-controls="placements">
<option value="root">by root module</option>
<option value="none">none</option>
</select></label>
<button type="button" id="rescan">Rescan</button>
<button type="button" id="export">Export…</button>
</header>
<main id="report">${reportBodyHtml(input.model, input.scannedAt)}</main>
<script nonce="${h(input.nonce)}" src="${h(input.scriptUri)}"></script>
</body>
</html>
`;
}
