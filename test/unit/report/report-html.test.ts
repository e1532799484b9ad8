import assert from 'node:assert/strict';

import { buildReportModel } from '../../../src/engine/report/report-model';
import { parseWebviewMessage } from '../../../src/vscode/report/messages';
import { buildReportHtml, reportBodyHtml } from '../../../src/vscode/report/report-html';
import { sampleData } from './sample-report';

const NONCE = 'bm9uY2Utb2YtdGVzdA==';
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function page(): string {
  return buildReportHtml({
    model: buildReportModel(sampleData()),
    nonce: NONCE,
    cspSource: CSP_SOURCE,
    styleUri: `${CSP_SOURCE}/ext/media/report.css`,
    scriptUri: `${CSP_SOURCE}/ext/dist/webview/report.js`,
    scannedAt: '26/11/2026, <b>14:00</b>',
  });
}

describe('report webview html', () => {
  const html = page();

  it('sets a strict CSP: nothing by default, the one script by nonce, no inline or eval', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp, 'CSP meta present');
    assert.match(csp, /^default-src 'none'/);
    assert.ok(csp.includes(`script-src 'nonce-${NONCE}'`));
    assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1, 'exactly one script element');
    assert.ok(scripts[0][1].includes(`nonce="${NONCE}"`));
    assert.ok(scripts[0][1].includes('src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/report.js"'));
    assert.equal(scripts[0][2], '', 'no inline script body');
  });

  it('has no inline event handlers, inline styles or remote resources', () => {
    assert.ok(!/\son[a-z]+\s*=/i.test(html));
    assert.ok(!/\sstyle\s*=/i.test(html));
    assert.ok(!/<style/i.test(html));
    const urls = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    for (const u of urls) {
      assert.ok(u.startsWith(CSP_SOURCE) || u.startsWith('https://'), u);
    }
    const loaded = [...html.matchAll(/<(?:script|link|img)\b[^>]*\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(
      loaded.every((u) => u.startsWith(CSP_SOURCE)),
      'only local resources are loaded',
    );
  });

  it('escapes every string from the user files', () => {
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;'));
    assert.ok(html.includes('we&lt;i&gt;rd &quot;dir&quot;'));
    assert.ok(!html.includes('<b>approved</b>') && !html.includes('<b>14:00</b>'));
  });

  it('shows summary first, then charts, the table, legal background and alternatives', () => {
    const order = ['id="summary"', 'id="charts"', 'id="placements"', 'id="legal"', 'id="alternatives"'].map((s) =>
      html.indexOf(s),
    );
    assert.ok(order.every((i) => i > 0));
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    assert.equal((html.match(/<tr data-row="/g) ?? []).length, 5, 'one clickable row per placement');
    assert.ok(html.includes('<th scope="col" data-key="location" aria-sort="none">'));
    assert.ok(html.includes('18 U.S.C. § 2713'));
  });

  it('renders the same body for updates', () => {
    const body = reportBodyHtml(buildReportModel(sampleData()), 'x');
    assert.ok(body.includes('id="placements"') && !body.includes('<script'));
  });

  it('accepts only well-formed messages from the webview', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'open', row: 3, extra: 1 }), { type: 'open', row: 3 });
    assert.equal(parseWebviewMessage({ type: 'open', row: '3' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'open', row: -1 }), undefined);
    assert.equal(parseWebviewMessage({ type: 'eval', code: 'x' }), undefined);
    assert.equal(parseWebviewMessage(null), undefined);
  });
});
