import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { CLI, REPO } from './hostile-workspace';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One line on stderr, naming the tool, no stack frames. */
function assertOneLine(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0], /^cloud-act-lens: /);
  assert.doesNotMatch(stderr, /\bat .+:\d+:\d+/);
}

describe('CLI errors', function () {
  this.timeout(60_000);
  let tmp = '';
  before(function () {
    if (!existsSync(CLI)) {
      this.skip();
    }
    tmp = mkdtempSync(path.join(tmpdir(), 'cal-cli-'));
  });
  after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  const usage: Array<[string, string[]]> = [
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['scan', '--frobnicate']],
    ['an unknown format', ['scan', '.', '--format', 'yaml']],
    ['a missing option value', ['scan', '--format']],
    ['a bad --fail-on', ['scan', '.', '--fail-on', 'sometimes']],
    ['a bad --max-file-size', ['scan', '.', '--max-file-size', '-3']],
    ['a missing path', ['scan', 'no/such/dir']],
    ['a missing config file', ['scan', '.', '--config', 'no-such.json']],
  ];
  for (const [what, args] of usage) {
    it(`exits 2 with one line for ${what}`, () => {
      const r = run(...args);
      assert.equal(r.code, 2, r.stderr);
      assertOneLine(r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  it('exits 2 with one line when the output cannot be written', () => {
    const r = run(
      'scan',
      'test/fixtures/arm/literal',
      '--format',
      'json',
      '--output',
      path.join(tmp, 'no/such/dir/out.json'),
    );
    assert.equal(r.code, 2);
    assertOneLine(r.stderr);
  });

  it('reports an unreadable path when not running as root', function () {
    if (process.getuid?.() === 0) {
      this.skip();
    }
    const locked = path.join(tmp, 'locked');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    const r = run('scan', locked);
    assert.equal(r.code, 2);
    assertOneLine(r.stderr);
  });

  it('scans a FIFO given as the path without blocking: valid JSON with an error entry', function () {
    const fifo = path.join(tmp, 'pipe.tf');
    if (spawnSync('mkfifo', [fifo]).status !== 0) {
      this.skip();
    }
    const r = run('scan', fifo, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { errors: Array<{ message: string }> };
    assert.equal(doc.errors.length, 1);
    assert.match(doc.errors[0].message, /not a regular file/);
  });
});
