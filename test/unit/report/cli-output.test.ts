import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { progressLine, wantColor } from '../../../src/cli/progress';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURE = 'test/fixtures/terraform/minimal';

describe('cli output', () => {
  let dir = '';
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    dir = mkdtempSync(path.join(tmpdir(), 'cal-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [format, check] of [
    ['sarif', (t: string) => assert.equal(JSON.parse(t).runs[0].results[0].ruleId, 'CAL001')],
    [
      'markdown',
      (t: string) => {
        assert.match(t, /^# CLOUD Act Lens report\n[\s\S]*\| main\.tf:5 \|/m);
        // `.` alone says nothing in an audit file: the header names the folder it stands for.
        assert.match(t, /^Scanned \d{4}-\d\d-\d\d \d\d:\d\d UTC: \. \(minimal\)\. cloud-act-lens /m);
      },
    ],
    ['html', (t: string) => assert.match(t, /^<!DOCTYPE html>[\s\S]*aws\\?_s3\\?_bucket\.invoices/)],
    [
      'csv',
      (t: string) => assert.match(t, /^file,line,column,resource[^\r\n]*\r\nmain\.tf,5,1,aws_s3_bucket\.invoices,/),
    ],
  ] as const) {
    it(`writes --format ${format} to --output with paths relative to the current directory`, () => {
      const out = path.join(dir, `report.${format}`);
      const r = spawnSync(
        process.execPath,
        [CLI, 'scan', '.', '--format', format, '--output', out, '--fail-on', 'none'],
        {
          cwd: path.join(ROOT, FIXTURE),
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      check(readFileSync(out, 'utf8'));
    });
  }

  it('colours the table only when asked or allowed', () => {
    assert.equal(wantColor(undefined, false, {}, true), true);
    assert.equal(wantColor(undefined, false, { NO_COLOR: '1' }, true), false);
    assert.equal(wantColor(undefined, false, { FORCE_COLOR: '1' }, false), true);
    assert.equal(wantColor(undefined, true, {}, true), false, 'never into a file by default');
    assert.equal(wantColor(true, true, { NO_COLOR: '1' }, false), true, '--color wins');
  });

  it('shows progress only for long scans, throttled, and clears it', () => {
    let t = 0;
    const written: string[] = [];
    const stream = { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const p = progressLine(stream, () => t);
    p.report({ done: 1, total: 10, files: 1 });
    assert.equal(written.length, 0, 'quiet at first');
    t = 500;
    p.report({ done: 5, total: 10, files: 5 });
    t = 520;
    p.report({ done: 6, total: 10, files: 6 });
    assert.equal(written.length, 1, 'throttled');
    assert.ok(written[0].includes('5/10 units, 5 files'));
    p.end();
    assert.equal(written.at(-1), '\r\x1b[K');
  });
});
