import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { ResultSpill } from '../../../src/cli/spill';
import { buildReportData, toJson } from '../../../src/engine';
import { sampleScan } from '../report/sample-report';

describe('result spill', () => {
  const tempDirs = () =>
    fs
      .readdirSync(os.tmpdir())
      .filter((n) => n.startsWith('cloud-act-lens-'))
      .sort();

  it('writes the same JSON report from disk as from memory, in the same order, and cleans up', () => {
    const scan = sampleScan();
    // Many copies: equal locations (a module called by two roots) must keep their arrival order.
    const placements = Array.from({ length: 30 }, () => scan.placements).flat();
    const findings = Array.from({ length: 30 }, () => scan.findings).flat();
    const before = tempDirs();
    const spill = new ResultSpill('/repo', 10);
    for (let i = 0; i < placements.length; i += 7) {
      spill.add(placements.slice(i, i + 7), i === 0 ? findings : []);
    }
    assert.equal(spill.spilled, true);
    assert.deepEqual(spill.inMemory(), { placements: [], findings: [] });
    const chunks: string[] = [];
    spill.writeJson(scan.errors, (c) => chunks.push(c));
    const expected = toJson(buildReportData({ placements, findings, errors: scan.errors, files: 0 }, '/repo'));
    assert.equal(chunks.join(''), expected);
    assert.equal(spill.count, placements.length);
    assert.ok((spill.severities.get('warning') ?? 0) > 0);
    spill.dispose();
    assert.deepEqual(tempDirs(), before);
  });

  it('keeps a small scan in memory without touching the disk', () => {
    const scan = sampleScan();
    const spill = new ResultSpill('/repo');
    spill.add(scan.placements, scan.findings);
    assert.equal(spill.spilled, false);
    assert.equal(spill.inMemory().placements.length, scan.placements.length);
    spill.dispose();
  });
});
