import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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

  it('writes one huge unit in runs of about a megabyte, not as one string of the whole unit', () => {
    const scan = sampleScan();
    // One unit of many resources arrives in one call (one Terraform file of 200,000 resources does).
    const placements = Array.from({ length: 4000 }, () => scan.placements).flat();
    const spill = new ResultSpill('/repo', 10);
    const writes: number[] = [];
    // The module object itself: the namespace import is read-only, and spill.ts reads through it per call.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const realFs = require('node:fs') as { writeSync: unknown };
    const writeSync = fs.writeSync;
    const spy = (fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
      writes.push(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
      return (writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    };
    realFs.writeSync = spy;
    try {
      spill.add(placements, scan.findings);
    } finally {
      realFs.writeSync = writeSync;
    }
    try {
      assert.ok(writes.length > 2, `${writes.length} writes`);
      assert.ok(Math.max(...writes) < 1.1 * 1024 * 1024, `largest write ${Math.max(...writes)} bytes`);
      const chunks: string[] = [];
      spill.writeJson(scan.errors, (c) => chunks.push(c));
      const expected = toJson(
        buildReportData({ placements, findings: scan.findings, errors: scan.errors, files: 0 }, '/repo'),
      );
      assert.equal(chunks.join(''), expected);
    } finally {
      spill.dispose();
    }
  });

  /** Runs a child process that spills a sample scan to disk and then ends as `ending` says. */
  const spillThenEnd = (ending: string) => {
    const script = `
      const { ResultSpill } = require(${JSON.stringify(path.join(__dirname, '../../../src/cli/spill.js'))});
      const { sampleScan } = require(${JSON.stringify(path.join(__dirname, '../report/sample-report.js'))});
      const scan = sampleScan();
      const spill = new ResultSpill('/repo', 1);
      spill.add(scan.placements, scan.findings);
      if (!spill.spilled) process.exit(3);
      ${ending}`;
    return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  };

  it('removes its temporary file when the process exits early (a failed write calls process.exit)', () => {
    const before = tempDirs();
    const r = spillThenEnd('process.exit(2);');
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(tempDirs(), before);
  });

  for (const signal of process.platform === 'win32' ? [] : (['SIGINT', 'SIGTERM'] as const)) {
    it(`removes its temporary file when the scan is interrupted (${signal}) and still ends by that signal`, () => {
      const before = tempDirs();
      const r = spillThenEnd(`setTimeout(() => process.exit(4), 10000); process.kill(process.pid, '${signal}');`);
      assert.equal(r.signal, signal, `status ${r.status}: ${r.stderr}`);
      assert.deepEqual(tempDirs(), before);
    });
  }

  it('keeps a small scan in memory without touching the disk', () => {
    const scan = sampleScan();
    const spill = new ResultSpill('/repo');
    spill.add(scan.placements, scan.findings);
    assert.equal(spill.spilled, false);
    assert.equal(spill.inMemory().placements.length, scan.placements.length);
    spill.dispose();
  });
});
