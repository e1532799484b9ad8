import assert from 'node:assert/strict';

import { buildReportData, FORMATTERS } from '../../../src/engine';
import { toCsv } from '../../../src/engine/report/csv';
import { csvField, escapeMarkdown } from '../../../src/engine/report/escape';
import { toHtml } from '../../../src/engine/report/html';
import { toJson } from '../../../src/engine/report/json';
import { toMarkdown } from '../../../src/engine/report/markdown';
import { toSarif } from '../../../src/engine/report/sarif';
import { toTable } from '../../../src/engine/report/table';
import { finding, placement, sampleData, sampleScanWithNotRead } from './sample-report';

/** Splits RFC 4180 CSV into records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('report formatters', () => {
  it('registers every format', () => {
    assert.deepEqual(Object.keys(FORMATTERS).sort(), ['csv', 'html', 'json', 'markdown', 'sarif', 'table']);
  });

  it('html and markdown exports for an audit file: when and what was scanned, in ISO form, and A4 landscape print', () => {
    const data = { ...sampleData(), scan: { at: new Date('2026-12-03T06:10:41Z'), paths: ['infra', '<b>x</b>'] } };
    const html = toHtml(data);
    assert.match(
      html,
      /<header><h1>CLOUD Act Lens report<\/h1><p class="muted">Scanned 2026-12-03 06:10 UTC: infra, &lt;b&gt;x&lt;\/b&gt; · /,
    );
    assert.match(html, /@page \{ size: A4 landscape;/);
    assert.match(toMarkdown(data), /^Scanned 2026-12-03 06:10 UTC: infra, /m);
    // Without a scan context (the JSON and SARIF contract), nothing time-dependent is written.
    assert.doesNotMatch(toHtml(sampleData()), /Scanned/);
  });

  it('html export: self-contained, no scripts, hostile strings escaped', () => {
    const html = toHtml(sampleData());
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!/<script/i.test(html), 'no script element, not even from a resource name');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;'));
    assert.ok(html.includes('we&lt;i&gt;rd &quot;dir&quot;'));
    assert.ok(!/\s(src|href)="(https?:)?\/\/[^"]*\.(css|js)/.test(html), 'no remote style sheets or scripts');
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
    assert.ok(html.includes('backups only, &lt;b&gt;approved&lt;/b&gt;'));
    for (const id of ['summary', 'charts', 'placements', 'legal', 'alternatives', 'errors', 'other-findings']) {
      assert.ok(html.includes(`id="${id}"`), `section ${id}`);
    }
    assert.ok(html.includes('@media print'));
    assert.ok(html.includes('https://supreme.justia.com/cases/federal/us/584/17-2/'));
  });

  it('html export: rows grouped under their root module, paths and provenance in full', () => {
    const html = toHtml(sampleData());
    const headers = [
      ...html.matchAll(/<tr class="group-row"><th scope="rowgroup" colspan="9">([^<]*)<\/th><\/tr>/g),
    ].map((m) => m[1]);
    assert.deepEqual(headers, [
      'Root (the scanned folder): 3 resources',
      'Root envs/prod: 1 resource',
      'Root we&lt;i&gt;rd &quot;dir&quot;: 1 resource',
    ]);
    const prod = html.slice(html.indexOf('Root envs/prod'));
    assert.match(prod, /^[^]*?<td class="loc">modules\/web\/main\.tf:5<\/td>/);
    assert.ok(
      html.includes(
        'var.region at modules/web/main.tf:3 ← module &quot;web&quot; input region at envs/prod/main.tf:6 ← ',
      ),
    );
    assert.ok(!html.includes('<details'), 'paper shows everything');
    assert.match(html, /@media screen \{ thead th \{ position: sticky;/);
  });

  it('markdown: same sections, markup and line breaks in names neutralised', () => {
    const text = toMarkdown(sampleData());
    for (const h of [
      '## Summary',
      '## Placements',
      '## Legal background',
      '## Alternatives not controlled by a U.S. entity',
      '## Errors',
      '## Other findings',
    ]) {
      assert.ok(text.includes(`\n${h}\n`), h);
    }
    assert.ok(!text.includes('<script>'));
    assert.ok(text.includes('\\<script\\>'));
    assert.ok(!text.includes('\x1b'));
    // Every placement row has exactly the 10 unescaped cell separators of a 9-column table.
    const rows = text.split('\n').filter((l) => l.startsWith('| ') && l.includes('.tf:'));
    assert.equal(rows.length, 5);
    for (const r of rows) {
      assert.equal(r.replace(/\\\|/g, '').split('|').length - 1, 10, r);
    }
    assert.equal(escapeMarkdown('a|b\nc*d'), 'a\\|b c\\*d');
  });

  it('csv: RFC 4180 quoting, one record per placement, formulas neutralised', () => {
    const text = toCsv(sampleData());
    const rows = parseCsv(text);
    assert.equal(rows.length, 6);
    assert.ok(rows.every((r) => r.length === rows[0].length));
    const byResource = new Map(rows.slice(1).map((r) => [r[3], r]));
    assert.ok(byResource.has(`<script>alert("x")</script>'\n\x1b[31m|*_[a](b)`), 'the hostile name round-trips');
    assert.ok(byResource.has(`'=HYPERLINK("http://evil")`), 'the formula is prefixed with a quote');
    assert.equal(
      rows.find((r) => r[3] === 'aws_s3_bucket.logs')![13],
      'CAL001 accepted: backups only, <b>approved</b> (until 2027-01-01)',
    );
    assert.equal(csvField('-1+2'), "'-1+2");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField(12), '12');
    assert.equal(csvField('a,"b"'), '"a,""b"""');
  });

  it('table: control characters stripped, colours only when asked', () => {
    const plain = toTable(sampleData(), { color: false });
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(plain), 'no control characters other than newlines');
    assert.ok(plain.includes('ACCEPTED'));
    assert.ok(plain.includes('CAL007'));
    assert.match(
      plain,
      /5 resources in 6 files: 3 in non-U.S. regions of U.S.-controlled operators, 0 with a copy of their data in another country, 1 unresolved, 1 accepted, 1 error\.\n$/,
    );
    const coloured = toTable(sampleData(), { color: true });
    assert.ok(coloured.includes('\x1b[33m'));
    assert.ok(!coloured.includes('\x1b[31m|'), 'the escape sequence from the resource name is not passed through');
  });

  it('every format lists what was not read apart from the errors, and the summary counts it apart', () => {
    const data = buildReportData(sampleScanWithNotRead(), '/repo');
    const table = toTable(data, { color: false });
    assert.match(table, /\nERRORS\nbroken\.tf:3 {2}unterminated string/);
    assert.match(table, /\nNOT READ\nWhat these places refer to is not in this report/);
    assert.match(table, /1 accepted, 1 error, 5 modules or templates not read\.\n$/);
    const markdown = toMarkdown(data);
    assert.match(markdown, /\n## Not read\n\nWhat these places refer to is not in this report/);
    assert.ok(!/## Errors\n\n[^#]*terraform-aws-modules/.test(markdown), 'not among the errors');
    const html = toHtml(data);
    assert.match(html, /<section id="not-read" aria-labelledby="not-read-h"><h2 id="not-read-h">Not read<\/h2><p>/);
    assert.match(
      html,
      /<div class="stat not-read"><div class="stat-value">5<\/div><div class="stat-label">modules or templates not read<\/div><\/div>/,
    );
  });

  it('says why something is not read once per kind and lists each source once, with all its places in order', () => {
    const data = buildReportData(sampleScanWithNotRead(), '/repo');
    const markdown = toMarkdown(data);
    const section = markdown.slice(markdown.indexOf('## Not read'), markdown.indexOf('## Legal background'));
    assert.equal(section.split('run terraform init').length - 1, 1, 'the reason once, not once per call');
    assert.ok(
      section.includes(
        '| `terraform-aws-modules/vpc/aws` | 3 | examples/b.tf:12, examples/b.tf:30, main.tf:5 |\n' +
          '| `terraform-aws-modules/s3-bucket/aws` | 1 | examples/b.tf:2 |',
      ),
      section,
    );
    assert.match(
      section,
      /\n\*\*Terraform modules that are not installed\*\* \(4 places\): run terraform init in the root module/,
    );
    assert.match(section, /\n\*\*Linked templates at a remote address\*\* \(1 place\): the address is not shown\.\n/);
    assert.match(section, /\| remote address \| 1 \| arm\/main\.json:10 \|/);
    const table = toTable(data, { color: false });
    assert.equal(table.split('run terraform init').length - 1, 1);
    assert.match(
      table,
      /\n {2}"terraform-aws-modules\/vpc\/aws" \(3\): examples\/b\.tf:12, examples\/b\.tf:30, main\.tf:5\n/,
    );
    const html = toHtml(data);
    assert.equal(html.split(/run terraform init/i).length - 1, 1);
    assert.match(
      html,
      /<tr><td><code>terraform-aws-modules\/vpc\/aws<\/code><\/td><td class="num">3<\/td><td class="places">examples\/b\.tf:12, examples\/b\.tf:30, main\.tf:5<\/td><\/tr>/,
    );
    // The JSON report keeps one error per place, with its own message (the contract is unchanged).
    const json = JSON.parse(toJson(data)) as { errors: Array<{ file: string; line: number; message: string }> };
    assert.equal(json.errors.length, 6);
  });

  it('table: fits the terminal width — rows cut with an ellipsis, findings wrapped — and has no limit when not on a terminal', () => {
    const wide = toTable(sampleData(), { color: false });
    assert.ok(
      wide.split('\n').some((l) => l.length > 100),
      'the sample has long lines',
    );
    for (const width of [80, 100]) {
      const narrow = toTable(sampleData(), { color: false, width });
      const [table] = narrow.split('\n\n');
      for (const line of table.split('\n')) {
        assert.ok(line.length <= width, `${line.length} > ${width}: ${line}`);
      }
      const findings = narrow.slice(narrow.indexOf('FINDINGS'), narrow.indexOf('ACCEPTED')).split('\n');
      for (const line of findings) {
        assert.ok(line.length <= width || !line.includes(' '), `${line.length} > ${width}: ${line}`);
      }
      assert.ok(narrow.includes('…'));
    }
    // Colours change no width: the coloured table wraps where the plain one does.
    const coloured = toTable(sampleData(), { color: true, width: 80 });
    // eslint-disable-next-line no-control-regex
    assert.equal(coloured.replace(/\x1b\[[0-9;]*m/g, ''), toTable(sampleData(), { color: false, width: 80 }));
  });
  it('every format names the root of each placement; table and Markdown group rows by it and say a line several roots give alike once', () => {
    // A module's bucket, called alike by two examples, and a bucket of the folder itself.
    const inModule = (unit: string) =>
      placement({
        unit,
        file: '/repo/modules/store/main.tf',
        address: 'module.store.aws_s3_bucket.this',
        module: 'module.store',
      });
    const a = inModule('terraform:/repo/examples/a');
    const b = inModule('terraform:/repo/examples/b');
    const own = placement({ unit: 'terraform:/repo' });
    const findings = [a, b, own].map((p) => finding(p, { unit: p.unit }));
    const data = buildReportData({ placements: [a, b, own], findings, errors: [], files: 3 }, '/repo');

    const json = JSON.parse(toJson(data)) as { resources: Array<{ root: string }>; findings: Array<{ root: string }> };
    assert.deepEqual(
      json.resources.map((r) => r.root),
      ['.', 'examples/a', 'examples/b'],
    );
    assert.deepEqual(
      json.findings.map((f) => f.root),
      ['.', 'examples/a', 'examples/b'],
    );
    const csv = parseCsv(toCsv(data));
    assert.equal(csv[0].at(-1), 'root');
    assert.deepEqual(
      csv.slice(1).map((r) => r.at(-1)),
      ['.', 'examples/a', 'examples/b'],
    );
    const sarif = JSON.parse(toSarif(data)) as { runs: Array<{ results: Array<{ properties: { root: string } }> }> };
    assert.deepEqual(
      sarif.runs[0].results.map((r) => r.properties.root),
      ['.', 'examples/a', 'examples/b'],
    );

    const md = toMarkdown(data);
    const headings = [...md.matchAll(/^### Root (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, [
      '(the scanned folder): 1 resource',
      'examples/a: 1 resource',
      'examples/b: 1 resource',
    ]);

    const table = toTable(data, { color: false });
    assert.match(
      table,
      /\nRoot examples\/a: 1 resource\nmodules\/store\/main\.tf:5 +module\.store\.aws_s3_bucket\.this .*\nRoot examples\/b: 1 resource\nmodules\/store\/main\.tf:5 /,
    );
    const findingLines = table.split('\n').filter((l) => l.includes('CAL001 warning'));
    assert.deepEqual(findingLines, [
      'main.tf:5:1  CAL001 warning  aws_s3_bucket.invoices is in eu-central-1',
      'modules/store/main.tf:5:1  CAL001 warning  module.store.aws_s3_bucket.this is in eu-central-1  (in 2 roots)',
    ]);

    // One root: no headings, as before.
    const single = buildReportData({ placements: [own], findings: [], errors: [], files: 1 }, '/repo');
    assert.doesNotMatch(toMarkdown(single), /^### Root/m);
    assert.doesNotMatch(toTable(single, { color: false }), /^Root /m);
  });
  it('labels a Bicep loop instance resolved with one of several parameters files once, not twice', () => {
    const gw = placement({
      language: 'bicep',
      address: 'gw[0]@prod.parameters.json',
      instanceKey: '0',
      unit: 'bicep:/repo/main.bicep',
    });
    const tf = placement({ address: 'aws_s3_bucket.b', instanceKey: 'eu', unit: 'terraform:/repo' });
    const data = buildReportData({ placements: [gw, tf], findings: [], errors: [], files: 1 }, '/repo');
    const csv = parseCsv(toCsv(data));
    assert.deepEqual(
      csv.slice(1).map((r) => r[3]),
      ['gw[0]@prod.parameters.json', 'aws_s3_bucket.b[eu]'],
    );
  });
});
