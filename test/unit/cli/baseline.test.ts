import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { defaultAnalyzers, defaultConfig, Engine, loadProjectConfig } from '../../../src/engine';
import { memoryFs } from '../helpers/memory-fs';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Doc {
  findings: Array<{ ruleId: string; resource: string; suppressed: { reason: string } | null }>;
}

describe('baselines (--write-baseline, --baseline)', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-baseline-'));
    fs.cpSync(path.join(ROOT, 'test/fixtures/example-workspace'), path.join(dir, 'ws'), { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('accepts the findings of today, so that only new ones are open and fail the pipeline', () => {
    const ws = path.join(dir, 'ws');
    const baseline = path.join(dir, 'baseline.json');
    const written = run(['scan', ws, '--format', 'json', '--fail-on', 'none', '--write-baseline', baseline]);
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stderr, /^cloud-act-lens: wrote \d+ findings to the baseline /);
    const entries = (JSON.parse(fs.readFileSync(baseline, 'utf8')) as { accepted: Array<{ file: string }> }).accepted;
    assert.ok(entries.length > 10);
    assert.ok(
      entries.every((e) => !e.file.startsWith('/')),
      'paths relative to the scanned folder',
    );

    const clean = run(['scan', ws, '--format', 'json', '--fail-on', 'warning', '--baseline', baseline]);
    assert.equal(clean.code, 0, clean.stderr);
    const doc = JSON.parse(clean.stdout) as Doc;
    assert.ok(doc.findings.every((f) => f.suppressed?.reason.startsWith('in the baseline written on ')));

    // A new resource in a non-U.S. region: its finding is the only open one, and it fails the build.
    fs.appendFileSync(
      path.join(ws, 'terraform', 'main.tf'),
      '\nresource "aws_s3_bucket" "new_records" {\n  region = "eu-west-3"\n}\n',
    );
    const after = run(['scan', ws, '--format', 'json', '--fail-on', 'warning', '--baseline', baseline]);
    assert.equal(after.code, 1, after.stderr);
    const open = (JSON.parse(after.stdout) as Doc).findings.filter((f) => !f.suppressed);
    assert.deepEqual(
      open.map((f) => [f.ruleId, f.resource]),
      [['CAL001', 'aws_s3_bucket.new_records']],
    );
  });

  it('stops with one line when the baseline cannot be read', () => {
    const missing = run(['scan', path.join(dir, 'ws'), '--baseline', path.join(dir, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^cloud-act-lens: cannot read baseline .*nope\.json: ENOENT\n$/);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"something": []}');
    const r = run(['scan', path.join(dir, 'ws'), '--baseline', bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read baseline .*bad\.json: it has no "accepted" list/);
  });

  it('applies accepted entries in file order, whether they name a resource or only a file', async () => {
    const fs2 = memoryFs({
      '/ws/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "b" {}\n',
    });
    const engine = new Engine({ readRoots: ['/'], fs: fs2, analyzers: defaultAnalyzers() });
    const accepted = [
      { ruleId: 'CAL001' as const, file: 'main.tf', reason: 'whole file first' },
      { ruleId: 'CAL001' as const, resource: 'aws_s3_bucket.b', reason: 'the bucket' },
    ];
    const scan = async (list: typeof accepted) =>
      (await engine.scan(['/ws'], { config: { ...defaultConfig(), accepted: list }, root: '/ws' })).findings.find(
        (f) => f.ruleId === 'CAL001',
      )?.suppressed?.reason;
    assert.equal(await scan(accepted), 'whole file first');
    assert.equal(await scan([...accepted].reverse()), 'the bucket');
  });

  it('is refreshed by writing it again with itself applied: entries stay, with their date, and gone ones go', () => {
    const ws = path.join(dir, 'refresh');
    fs.cpSync(path.join(ROOT, 'test/fixtures/terraform/minimal'), ws, { recursive: true });
    const baseline = path.join(dir, 'refresh.json');
    assert.equal(run(['scan', ws, '--fail-on', 'none', '--write-baseline', baseline]).code, 0);
    const first = JSON.parse(fs.readFileSync(baseline, 'utf8')) as {
      accepted: Array<{ ruleId?: string; resource?: string; file?: string; reason: string }>;
    };
    first.accepted.forEach((e) => (e.reason = 'in the baseline written on 2026-01-01'));
    const kept = first.accepted.length;
    // An entry whose resource no longer exists.
    first.accepted.push({ ruleId: 'CAL001', resource: 'aws_s3_bucket.removed', file: 'main.tf', reason: 'old' });
    fs.writeFileSync(baseline, JSON.stringify(first));
    assert.equal(run(['scan', ws, '--fail-on', 'none', '--baseline', baseline, '--write-baseline', baseline]).code, 0);
    const second = JSON.parse(fs.readFileSync(baseline, 'utf8')) as { accepted: Array<{ reason: string }> };
    assert.equal(second.accepted.length, kept);
    assert.ok(second.accepted.every((e) => e.reason === 'in the baseline written on 2026-01-01'));
  });

  it('is applied when the project file names it, for the CLI and the editor alike', async () => {
    const files = {
      '/ws/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "b" {}\n',
      '/ws/.cloud-act-lens.json': '{ "baseline": "ci/baseline.json" }',
      '/ws/ci/baseline.json': JSON.stringify({
        accepted: [
          {
            ruleId: 'CAL001',
            resource: 'aws_s3_bucket.b',
            file: 'main.tf',
            reason: 'in the baseline written on 2026-11-26',
          },
        ],
      }),
    };
    const mem = memoryFs(files);
    const loaded = await loadProjectConfig(mem, '/ws');
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.config.baselineFile, '/ws/ci/baseline.json');
    const engine = new Engine({ readRoots: ['/'], fs: mem, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: loaded.config, root: '/ws' });
    assert.equal(
      result.findings.find((f) => f.ruleId === 'CAL001')?.suppressed?.reason,
      'in the baseline written on 2026-11-26',
    );
    const broken = await loadProjectConfig(memoryFs({ ...files, '/ws/ci/baseline.json': '{' }), '/ws');
    assert.match(broken.errors[0]?.message ?? '', /cannot read the baseline: invalid JSON/);
  });
});
