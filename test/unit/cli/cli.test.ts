import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { parseTimings } from '../../../src/cli/timings';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('prints the JSON contract for a fixture', () => {
    const r = run(['scan', 'test/fixtures/terraform/minimal', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(Object.keys(doc.tool), ['name', 'version', 'catalogDate']);
    const res = doc.resources[0];
    for (const key of [
      'file',
      'line',
      'column',
      'language',
      'type',
      'name',
      'module',
      'provider',
      'region',
      'country',
      'controller',
      'provenance',
      'findings',
    ]) {
      assert.ok(key in res, `resource lacks ${key}`);
    }
    assert.equal(res.file, 'test/fixtures/terraform/minimal/main.tf');
    assert.deepEqual(
      [res.line, res.column, res.region, res.country, res.controller],
      [5, 1, 'eu-central-1', 'DE', 'US'],
    );
    assert.deepEqual(res.findings, ['CAL001']);
    const f = doc.findings[0];
    for (const key of ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'resource', 'message']) {
      assert.ok(key in f, `finding lacks ${key}`);
    }
    assert.deepEqual(doc.errors, []);
  });

  it('exits 1 with --fail-on warning when a warning exists, 0 with none', () => {
    assert.equal(run(['scan', 'test/fixtures/terraform/minimal', '--fail-on', 'warning', '--format', 'json']).code, 1);
    assert.equal(run(['scan', 'test/fixtures/terraform/minimal', '--fail-on', 'none', '--format', 'json']).code, 0);
  });

  it('exits 2 with one line and no stack trace on usage errors and missing paths', () => {
    for (const args of [
      ['scan', '--format', 'yaml'],
      ['scan', 'does/not/exist'],
      ['frobnicate'],
      ['scan', '--bogus'],
      // A rule the registry does not know is refused, not ignored.
      ['scan', 'test/fixtures/terraform/minimal', '--rule', 'CAL999=error'],
    ]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\bat .*\.js:\d+/);
    }
  });

  it('explains a region with its sources', () => {
    const r = run(['explain', 'aws', 'eu-central-1']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Germany/);
    assert.match(r.stdout, /Amazon\.com, Inc\./);
    assert.match(r.stdout, /https:\/\//);
    const j = JSON.parse(run(['explain', 'aws', 'eu-central-1', '--format', 'json']).stdout);
    assert.equal(j.region.country, 'DE');
  });

  it('names where each alternative is controlled from (not U.S.-controlled is not the same as local)', () => {
    const r = run(['explain', 'aws', 'eu-west-2']);
    assert.match(r.stdout, /Alibaba Cloud \(Alibaba Group Holding Limited, controlled from China\): eu-west-1/);
    assert.match(r.stdout, /UpCloud \(UpCloud Oy, controlled from Finland\): uk-lon1/);
    const j = JSON.parse(run(['explain', 'aws', 'eu-west-2', '--format', 'json']).stdout) as {
      alternatives: Array<{ provider: string; controller: string }>;
    };
    assert.equal(j.alternatives.find((a) => a.provider === 'alicloud')?.controller, 'CN');
  });

  it('suggests the nearest regions for one it does not know', () => {
    const r = run(['explain', 'aws', 'eu-centrl-1']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /did you mean eu-central-1 or eu-central-2\?/);
  });

  it('explains where an Azure region keeps geo-redundant copies: its published pair, one-way pairs, no pair', () => {
    assert.match(
      run(['explain', 'azure', 'brazilsouth']).stdout,
      /region pair: +geo-redundant copies go to southcentralus \(United States\); Azure region pairs/,
    );
    assert.match(run(['explain', 'azure', 'polandcentral']).stdout, /region pair: +no published pair/);
    const j = JSON.parse(run(['explain', 'azure', 'West Europe', '--format', 'json']).stdout);
    assert.equal(j.pair.secondary, 'northeurope');
    assert.match(j.pair.source.url, /regions-paired/);
    assert.equal(JSON.parse(run(['explain', 'aws', 'eu-central-1', '--format', 'json']).stdout).pair, undefined);
  });

  it('stops quietly when the reader of its output goes away (scan | head)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-epipe-'));
    try {
      const blocks = Array.from({ length: 2000 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {}\n`).join('');
      fs.writeFileSync(path.join(dir, 'main.tf'), `provider "aws" {\n  region = "eu-west-1"\n}\n${blocks}`);
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" scan "${dir}" --format json | head -c 100`], {
        encoding: 'utf8',
      });
      assert.equal(r.stdout.length, 100);
      assert.doesNotMatch(r.stderr, /EPIPE|Error/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--timings adds one line on stderr saying where the time went, and leaves the report alone', () => {
    const scanArgs = ['scan', 'test/fixtures/example-workspace', '--format', 'json', '--fail-on', 'none'];
    const plain = run(scanArgs);
    const timed = run([...scanArgs, '--timings']);
    assert.equal(timed.code, 0, timed.stderr);
    assert.equal(timed.stdout, plain.stdout);
    assert.equal(plain.stderr, '');
    const lines = timed.stderr.trim().split('\n');
    assert.equal(lines.length, 1, timed.stderr);
    assert.match(
      lines[0],
      /^cloud-act-lens: timings: start-up [\d.]+ s, discovery and grouping [\d.]+ s \(11 files, 3 units\), analysis [\d.]+ s \(1 thread\), report [\d.]+ s, total [\d.]+ s, peak memory \d+ MB$/,
    );
    const t = parseTimings(lines[0])!;
    // The phases follow each other, so they add up to the total (each is rounded to 10 ms).
    assert.ok(Math.abs(t.startup + t.plan + t.analysis + t.report - t.total) <= 0.021, lines[0]);
  });

  it('prints help', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /cloud-act-lens scan/);
  });
});
