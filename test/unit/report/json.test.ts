import assert from 'node:assert/strict';
import { buildReportData, toJson, writeJson } from '../../../src/engine';
import { sampleData, sampleScan } from './sample-report';

describe('JSON report', () => {
  it('is exactly JSON.stringify(document, null, 2), newline-terminated, with hostile names', () => {
    const text = toJson(sampleData());
    assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const doc = JSON.parse(text);
    assert.equal(doc.schemaVersion, 1);
    assert.ok(doc.resources.length > 0 && doc.findings.length > 0 && doc.errors.length > 0);
  });

  it('prints empty lists as [] like JSON.stringify', () => {
    const text = toJson(buildReportData({ placements: [], findings: [], errors: [], files: 0 }, '/repo'));
    assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    assert.match(text, /"resources": \[\],\n {2}"findings": \[\],\n {2}"errors": \[\]\n\}\n$/);
  });

  it('writes a large report in bounded pieces that join to the same document', () => {
    const scan = sampleScan();
    const many = { ...scan, placements: Array.from({ length: 4000 }, () => scan.placements).flat() };
    const data = buildReportData(many, '/repo');
    const chunks: string[] = [];
    writeJson(data, (c) => chunks.push(c));
    assert.ok(chunks.length > 10, `${chunks.length} chunks`);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < 600 * 1024);
    const text = chunks.join('');
    assert.equal(text, toJson(data));
    assert.equal(JSON.parse(text).resources.length, many.placements.length);
  });
});
