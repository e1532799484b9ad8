import assert from 'node:assert/strict';

import { buildReportData, toJson, writeJson } from '../../../src/engine';
import { sampleData, sampleScan } from './sample-report';

describe('JSON report', () => {
  it('puts each resource, finding and error on one line of JSON, newline-terminated, with hostile names', () => {
    const text = toJson(sampleData());
    assert.ok(text.endsWith('}\n'));
    const doc = JSON.parse(text);
    assert.equal(doc.schemaVersion, 1);
    assert.ok(doc.resources.length > 0 && doc.findings.length > 0 && doc.errors.length > 0);
    // Every element line parses alone and is one of the document's elements, in order.
    const elements = text
      .split('\n')
      .filter((l) => l.startsWith('    {'))
      .map((l) => JSON.parse(l.trim().replace(/,$/, '')));
    assert.deepEqual(elements, [...doc.resources, ...doc.findings, ...doc.errors]);
    // The frame stays readable: the tool block is indented as JSON.stringify(…, null, 2) prints it.
    assert.ok(text.includes(`"tool": ${JSON.stringify(doc.tool, null, 2).replace(/\n/g, '\n  ')}`));
  });

  it('is not much larger than the source it describes: no per-field indentation', () => {
    const text = toJson(sampleData());
    const doc = JSON.parse(text);
    const compact = JSON.stringify(doc).length;
    assert.ok(text.length < compact * 1.1, `${text.length} bytes for ${compact} bytes of compact JSON`);
  });

  it('prints empty lists as [] like JSON.stringify', () => {
    const text = toJson(buildReportData({ placements: [], findings: [], errors: [], files: 0 }, '/repo'));
    assert.deepEqual(JSON.parse(text).resources, []);
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
