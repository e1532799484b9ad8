import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import type { ReportData } from '../../../src/engine';
import { buildReportData, defaultAnalyzers, defaultConfig, Engine, FORMATTERS, legal } from '../../../src/engine';
import { buildReportModel } from '../../../src/engine/report/report-model';
import { buildHoverMarkdown } from '../../../src/vscode/hover-markdown';

const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/terraform/copies-azure').replace(/\\/g, '/');
const NOTICE = legal.notLegalAdvice();

/** Issue: "Not legal advice" in the README, the full hover, the report, the HTML and Markdown exports and the SARIF rule help. */
describe('"not legal advice" is said wherever a legal note is given', () => {
  let data: ReportData;

  before(async () => {
    const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
    data = buildReportData(await engine.scan([FIXTURE], { config: defaultConfig() }), FIXTURE);
    assert.ok(data.placements.some((p) => p.findings.some((f) => f.ruleId === 'CAL001')));
  });

  it('README and the Marketplace page', () => {
    assert.ok(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes(NOTICE));
    assert.ok(fs.readFileSync(path.join(ROOT, 'media/marketplace.md'), 'utf8').includes(NOTICE));
  });

  it('the full hover of a CLOUD Act finding', () => {
    const p = data.placements.find((x) => x.findings.some((f) => f.ruleId === 'CAL001'));
    assert.ok(p);
    const md = buildHoverMarkdown(p, {
      detail: 'full',
      role: 'resource',
      displayPath: (f) => f,
      moreUri: 'command:x',
    }).replace(/\\(.)/g, '$1');
    assert.ok(md.includes(NOTICE), md);
  });

  it('the report the webview shows (its legal paragraphs)', () => {
    const model = buildReportModel(data);
    assert.ok(JSON.stringify(model).includes(NOTICE));
  });

  for (const format of ['html', 'markdown']) {
    it(`the ${format} export`, () => {
      assert.ok(FORMATTERS[format](data, { color: false }).includes(NOTICE));
    });
  }

  it('the SARIF rule help of CAL001', () => {
    const sarif = JSON.parse(FORMATTERS.sarif(data, { color: false })) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; help?: { text: string; markdown?: string } }> } } }>;
    };
    const rule = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'CAL001');
    assert.ok(rule?.help?.text.includes(NOTICE));
    assert.ok(rule?.help?.markdown?.includes(NOTICE));
  });
});
