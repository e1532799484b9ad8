import assert from 'node:assert/strict';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { buildReportData, defaultAnalyzers, defaultConfig, Engine } from '../../../src/engine';
import { listProviders, listRegions } from '../../../src/engine/catalog';
import { toHtml } from '../../../src/engine/report/html';
import { buildReportModel, type ReportModel } from '../../../src/engine/report/report-model';
import { countryAnchor, mapData, worldMapHtml } from '../../../src/engine/report/world-map';
import { buildReportHtml } from '../../../src/vscode/report/report-html';
import { HOSTILE_NAME, sampleData } from './sample-report';

const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = ['copies-aws', 'copies-azure', 'copies-gcp'].map((d) =>
  path.join(ROOT, 'test/fixtures/terraform', d).replace(/\\/g, '/'),
);

/** Issue: the report shows a map of where the data lands and where its copies go, drawn offline. */
describe('report: the map of where the data lands', () => {
  let model: ReportModel;

  before(async () => {
    const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
    const scan = await engine.scan(FIXTURES, { config: defaultConfig() });
    model = buildReportModel(buildReportData(scan, path.join(ROOT, 'test/fixtures/terraform')));
  });

  it('has a place on the map for every country the catalog places a region in', () => {
    const missing = new Set<string>();
    for (const p of listProviders()) {
      for (const r of listRegions(p.id)) {
        if (r.country && !countryAnchor(r.country)) {
          missing.add(`${r.country} (${p.id} ${r.id})`);
        }
      }
    }
    assert.deepEqual([...missing], []);
  });

  it('counts resources per country and copies per way between two countries, as the rows say', () => {
    const data = mapData(model);
    const rowsIn = (c: string) => model.rows.filter((r) => r.country === c).length;
    assert.equal(data.countries.get('DE')?.resources, rowsIn('DE'));
    assert.ok((data.countries.get('DE')?.flagged ?? 0) > 0, 'German resources are flagged by CAL001');
    // S3 replication from Frankfurt to Virginia, Brazil South's geo-redundant pair South Central US.
    const way = (from: string, to: string) => data.copies.find((c) => c.from === from && c.to === to)?.count ?? 0;
    assert.ok(way('DE', 'US') >= 1, 'a copy from Germany to the United States');
    assert.ok(way('BR', 'US') >= 1, 'a copy from Brazil to the United States');
    const abroad = model.rows.flatMap((r) => r.copies.filter((c) => c.crossesBorder)).length;
    const drawn = data.copies.reduce((n, c) => n + c.count, 0);
    const unplaced = model.rows.filter((r) => !r.country || !countryAnchor(r.country)).length;
    assert.equal(drawn + data.notOnMap, abroad + unplaced, 'every copy abroad is drawn or counted as not drawn');
  });

  it('draws the countries, the copies as arrows, and says what it could not draw', () => {
    const svg = worldMapHtml(model);
    assert.match(svg, /<section id="map"/);
    assert.ok((svg.match(/class="map-land/g) ?? []).length > 150, 'the outlines of the world');
    assert.match(
      svg,
      /class="map-land map-placed map-flagged" d="[^"]+"><title>Germany: \d+ resources?, \d+ in a region of a U\.S\.-controlled operator<\/title>/,
    );
    assert.match(
      svg,
      /<path class="map-copy"[^>]*marker-end="url\(#map-arrow\)"><title>\d+ cop(y|ies) of data from Germany to United States<\/title>/,
    );
    assert.match(svg, /not drawn\./);
  });

  it('colours France in Europe only: French Guiana, which ISO 3166 codes apart, stays plain land', () => {
    const svg = worldMapHtml(model);
    const france = /<path class="map-land map-placed[^"]*" d="([^"]+)"><title>France:/.exec(svg)?.[1];
    assert.ok(france, 'France is placed (the Recovery Services vault in France Central)');
    const ys = [...france.matchAll(/-?\d+(?:\.\d+)?,(-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    const spain = countryAnchor('ES');
    assert.ok(spain);
    // Mainland France and Corsica lie north of Spain's centre; French Guiana, near the equator, far south.
    assert.ok(Math.max(...ys) < spain[1], `France reaches y ${Math.max(...ys)}, Spain's centre is at ${spain[1]}`);
  });

  it('is in the HTML export and the webview, with presentational attributes only and names escaped', () => {
    const data = sampleData();
    const html = toHtml(data);
    const webview = buildReportHtml({
      model: buildReportModel(data),
      nonce: 'bm9uY2Utb2YtdGVzdA==',
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      styleUri: 'https://x/report.css',
      scriptUri: 'https://x/report.js',
      scannedAt: '2026-12-03 20:00 UTC',
    });
    for (const page of [html, webview]) {
      const map = /<section id="map"[\s\S]*?<\/section>/.exec(page)?.[0];
      assert.ok(map, 'a map section');
      assert.ok(!/\sstyle\s*=|<script|https?:\/\//i.test(map.replace(/xmlns="[^"]*"/g, '')), 'no style, script or URL');
      assert.ok(!map.includes(HOSTILE_NAME));
    }
  });

  it('is left out when no resource has a country', () => {
    const empty = buildReportModel({ ...sampleData(), placements: [] });
    assert.equal(worldMapHtml(empty), '');
  });
});
