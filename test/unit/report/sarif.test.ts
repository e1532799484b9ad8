import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { buildReportData, RULES } from '../../../src/engine';
import { FINGERPRINT_KEY, toSarif } from '../../../src/engine/report/sarif';
import { sampleData, sampleScan, sampleScanWithNotRead } from './sample-report';

const ROOT = path.resolve(__dirname, '../../../..');
const MULTITOOL = path.join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('sarif', () => {
  const doc: Json = JSON.parse(toSarif(sampleData()));
  const run = doc.runs[0];

  it('describes the tool and one rule per CAL id', () => {
    assert.equal(doc.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'cloud-act-lens');
    assert.ok(run.tool.driver.version && run.tool.driver.informationUri);
    assert.deepEqual(
      run.tool.driver.rules.map((r: Json) => r.id),
      RULES.map((r) => r.id),
    );
    for (const r of run.tool.driver.rules) {
      assert.ok(r.name && r.shortDescription.text && r.fullDescription.text && r.help.text && r.help.markdown, r.id);
      assert.match(r.helpUri, /^https:\/\//);
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
    }
  });

  it('gives results relative locations, levels, fingerprints and suppressions', () => {
    assert.equal(run.results.length, 5);
    const first = run.results[0];
    assert.equal(run.tool.driver.rules[first.ruleIndex].id, first.ruleId);
    const loc = first.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(!loc.artifactLocation.uri.startsWith('/'));
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endLine && loc.region.endColumn);
    const hostile = run.results.find((r: Json) =>
      r.locations[0].physicalLocation.artifactLocation.uri.startsWith('we'),
    );
    assert.equal(hostile.locations[0].physicalLocation.artifactLocation.uri, 'we%3Ci%3Erd%20%22dir%22/%3Dcmd()%7Cx.tf');
    const accepted = run.results.filter((r: Json) => r.suppressions);
    assert.equal(accepted.length, 1);
    assert.deepEqual(accepted[0].suppressions, [
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'backups only, <b>approved</b> (accepted until 2027-01-01)',
      },
    ]);
    assert.equal(run.results.find((r: Json) => r.ruleId === 'CAL002').level, 'note');
    assert.equal(run.invocations[0].toolExecutionNotifications.length, 1);
    const fps = run.results.map((r: Json) => r.partialFingerprints[FINGERPRINT_KEY]);
    assert.equal(new Set(fps).size, fps.length, 'fingerprints are unique');
    // The same SHA-256 as before the engine stopped using node:crypto: baselines in code scanning stay valid.
    const data = sampleData();
    const f = data.findings[0];
    const want = createHash('sha256')
      .update(`${f.ruleId}\u0000${f.resource}\u0000${data.rel(f.file)}`)
      .digest('hex')
      .slice(0, 32);
    assert.equal(fps[0], want);
  });

  it('gives what a scan does not read (a registry module, a remote template) the level warning, errors the level error', () => {
    const scan = sampleScanWithNotRead();
    const notes = JSON.parse(toSarif(buildReportData(scan, '/repo'))).runs[0].invocations[0].toolExecutionNotifications;
    assert.deepEqual(
      notes.map((n: Json) => [n.level, n.locations[0].physicalLocation.region.startLine]),
      [
        ['warning', 10],
        ['error', 3],
        ['warning', 2],
        ['warning', 12],
        ['warning', 30],
        ['warning', 5],
      ],
    );
  });

  it('keeps fingerprints when lines move', () => {
    const moved = sampleScan();
    for (const f of moved.findings) {
      f.range = {
        start: { line: f.range.start.line + 7, character: 0 },
        end: { line: f.range.end.line + 7, character: 3 },
      };
    }
    const again: Json = JSON.parse(toSarif(buildReportData(moved, '/repo')));
    assert.deepEqual(
      again.runs[0].results.map((r: Json) => r.partialFingerprints),
      run.results.map((r: Json) => r.partialFingerprints),
    );
  });

  it("passes Microsoft's SARIF validator with no errors or warnings", function () {
    if (!existsSync(MULTITOOL)) {
      this.skip();
    }
    if ((statSync(MULTITOOL).mode & 0o100) === 0) {
      chmodSync(MULTITOOL, statSync(MULTITOOL).mode | 0o100);
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'cal-sarif-'));
    try {
      const input = path.join(dir, 'report.sarif');
      const output = path.join(dir, 'validation.sarif');
      writeFileSync(input, toSarif(sampleData()));
      const r = spawnSync(MULTITOOL, ['validate', input, '-o', output, '--log', 'ForceOverwrite'], {
        encoding: 'utf8',
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
        timeout: 120_000,
      });
      if (r.error || (r.status !== 0 && !existsSync(output))) {
        // Only when the .NET binary cannot start on this platform; a failed validation still writes its log.
        console.log(`      skipped: Sarif.Multitool cannot run here (${r.error?.message ?? r.stderr})`);
        this.skip();
      }
      const log: Json = JSON.parse(readFileSync(output, 'utf8'));
      // A result without `level` is a warning (SARIF 3.27.10); notes are advice only.
      const problems = (log.runs[0].results ?? []).filter((x: Json) => (x.level ?? 'warning') !== 'note');
      assert.deepEqual(
        problems.map((x: Json) => `${x.ruleId}: ${x.message.text ?? JSON.stringify(x.message.arguments)}`),
        [],
        r.stdout,
      );
      assert.equal(r.status, 0, r.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
