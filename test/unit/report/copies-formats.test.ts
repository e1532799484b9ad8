import assert from 'node:assert/strict';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import {
  buildReportData,
  defaultAnalyzers,
  defaultConfig,
  Engine,
  FORMATTERS,
  type ReportData,
} from '../../../src/engine';

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/terraform/copies-azure').replace(/\\/g, '/');

/** Every format shows the copies of the data, and which of them cross a border. */
describe('copies in every report format', () => {
  let data: ReportData;
  const render = (format: string) => FORMATTERS[format](data, { color: false });

  before(async () => {
    const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
    const result = await engine.scan([FIXTURE], { config: defaultConfig() });
    data = buildReportData(result, FIXTURE);
  });

  it('json: a copies list per resource with kind, region, country, operator, controller and provenance', () => {
    const doc = JSON.parse(render('json'));
    const brazil = doc.resources.find((r: { address: string }) => r.address === 'azurerm_storage_account.brazil');
    assert.deepEqual(brazil.copies, [
      {
        kind: 'geo-redundancy',
        region: 'southcentralus',
        country: 'US',
        operator: 'Microsoft Corporation',
        controller: 'US',
        provenance:
          'account_replication_type "GRS" at main.tf:11 ← southcentralus is the published pair of brazilsouth',
        unresolvedReason: null,
      },
    ]);
  });

  it('csv: a copies column', () => {
    const lines = render('csv').split('\r\n');
    assert.ok(lines[0].endsWith(',copies,root'));
    assert.ok(
      lines.some(
        (l) =>
          l.includes('azurerm_storage_account.brazil') &&
          l.endsWith('geo-redundancy: southcentralus (United States),.'),
      ),
    );
    assert.ok(
      lines.some(
        (l) =>
          l.includes('azurerm_storage_account.poland') &&
          l.includes('geo-redundancy: region not known (Microsoft lists polandcentral'),
      ),
    );
  });

  it('markdown: a copies column, a "copies across borders" section and the count in the summary', () => {
    const md = render('markdown');
    assert.ok(md.includes('| Copies |'));
    assert.ok(md.includes('## Copies across borders'));
    assert.ok(md.includes('- With a copy of their data in another country: 5'));
    assert.match(
      md,
      /azurerm\\_storage\\_account\.brazil \(main\.tf:6\): geo-redundancy: southcentralus \(United States\)/,
    );
    // The same-country copy of the vault is listed in the table but not as crossing a border.
    const section = md.slice(md.indexOf('## Copies across borders'));
    assert.ok(!section.slice(0, section.indexOf('\n## ')).includes('francesouth'));
  });

  it('table: a COPIES section that marks copies in another country, the same country, or not known', () => {
    const t = render('table');
    assert.match(t, /COPIES\n/);
    assert.match(
      t,
      /azurerm_storage_account\.brazil {2}geo-redundancy: southcentralus \(United States\) {2}\[another country\]/,
    );
    assert.match(
      t,
      /azurerm_recovery_services_vault\.backups {2}geo-redundancy: francesouth \(France\) {2}\[same country\]/,
    );
    assert.match(t, /azurerm_storage_account\.poland {2}geo-redundancy: region not known .*\[not known\]/);
  });

  it('html: a copies column, the copies-across-borders section and its summary count', () => {
    const html = render('html');
    assert.ok(html.includes('<th scope="col">Copies</th>'));
    assert.ok(html.includes('<section id="copies"'));
    assert.match(
      html,
      /<span class="copy copy-abroad" title="[^"]*">geo-redundancy: southcentralus \(United States\)<\/span>/,
    );
    assert.match(
      html,
      /<div class="stat-value">5<\/div><div class="stat-label">with a copy of their data in another country/,
    );
    // The picture of where data flows: one titled line per way, from the resource's country to the copy's.
    assert.match(
      html,
      /<figure class="flows"><svg class="flows-svg"[^>]* role="img" aria-label="Where copies of the data go\. /,
    );
    assert.match(
      html,
      /<path class="flow" d="M 230 \d+ C [^"]*"[^>]*><title>1 copy from Brazil to United States<\/title><\/path>/,
    );
    assert.match(html, /<title>2 copies from Switzerland to Ireland<\/title>/);
    assert.doesNotMatch(html, /<svg class="flows-svg"[^>]*style=/, 'no inline style: the webview CSP forbids it');
  });

  it('sarif: CAL008 results point at where each copy comes from (relatedLocations)', () => {
    const sarif = JSON.parse(render('sarif'));
    const results = sarif.runs[0].results as Array<{
      ruleId: string;
      message: { text: string };
      relatedLocations?: Array<{ message: { text: string }; physicalLocation: { region: { startLine: number } } }>;
    }>;
    const brazil = results.find((r) => r.ruleId === 'CAL008' && r.message.text.includes('southcentralus'));
    assert.ok(brazil?.relatedLocations);
    assert.deepEqual(
      brazil.relatedLocations.map((r) => [r.message.text, r.physicalLocation.region.startLine]),
      [['Copy (geo-redundancy): account_replication_type "GRS" at main.tf:11', 11]],
    );
    assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'CAL008'));
  });
});
