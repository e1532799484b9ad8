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

  it('reads at editor width: shortened paths with the full one on hover, provenance folded, rows tagged by root', () => {
    const row = (name: string) => {
      const r = [...html.matchAll(/<tr data-row="[^"]*"[^>]*>[\s\S]*?<\/tr>/g)].find((m) => m[0].includes(name));
      assert.ok(r, name);
      return r[0];
    };
    const web = row('aws_instance.web');
    assert.ok(web.includes('data-root="envs/prod"'), 'a module row belongs to the root that calls it');
    assert.ok(web.includes('data-path="modules/web/main.tf:5"'), 'the full path, for sorting and filtering');
    assert.ok(web.includes('<td class="loc" title="Open modules/web/main.tf:5">…/web/main.tf:5</td>'));
    // Three steps: the first one shown, the other two folded under it, origin last.
    assert.match(
      web,
      /<details><summary>var\.region at modules\/web\/main\.tf:3 <span class="more">\(\+2\)<\/span><\/summary><ul class="chain"><li>← module &quot;web&quot; input region at envs\/prod\/main\.tf:6<\/li><li>← var\.region \(no default\) at envs\/prod\/variables\.tf:1<\/li><\/ul><\/details>/,
    );
    const bucket = row('aws_s3_bucket.invoices');
    assert.ok(bucket.includes('data-root="."') && bucket.includes('>main.tf:5</td>'), 'short paths stay as they are');
    assert.ok(!bucket.includes('<details>'), 'a one-step chain is not folded');
    assert.ok(html.includes('<select id="group" aria-controls="placements">'), 'the toolbar offers grouping');
    assert.ok(!html.includes('class="group-row"'), 'the webview script draws the group headers');
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
