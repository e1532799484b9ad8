import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { defaultAnalyzers, defaultConfig, Engine, paths, type RunResult } from '../../../src/engine';
import { badFiles, CLI, generateHostile, GOOD, languageOf, removeHostile } from './hostile-workspace';

const registered = new Set(defaultAnalyzers().map((a) => a.language));

function names(result: { placements: Array<{ name: string; language: string }> }): Set<string> {
  return new Set(result.placements.map((p) => p.name));
}

describe('hostile workspace (in-process engine)', function () {
  this.timeout(120_000);
  let dir = '';
  let result: RunResult;

  before(async () => {
    dir = generateHostile(true);
    const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
    result = await engine.scan([paths.toEnginePath(dir)], { config: defaultConfig() });
  });

  after(() => removeHostile(dir));

  it('finishes without internal errors', () => {
    const internal = result.errors.filter((e) => /internal error/i.test(e.message));
    assert.deepEqual(internal, []);
  });

  for (const language of ['terraform', 'bicep', 'arm'] as const) {
    it(`keeps every good ${language} resource beside the bad files`, function () {
      if (!registered.has(language)) {
        this.skip();
      }
      const found = names(result);
      assert.deepEqual(
        GOOD[language].filter((n) => !found.has(n)),
        [],
      );
    });
  }

  it('names each bad file in errors, with a line', () => {
    const reported = new Map(result.errors.map((e) => [path.relative(dir, e.file).split(path.sep).join('/'), e]));
    const missing = badFiles(dir)
      .filter((f) => registered.has(languageOf(f)))
      .filter((f) => !(f === 'perm/bad-unreadable.tf' && process.getuid?.() === 0))
      .filter((f) => !reported.has(f));
    assert.deepEqual(missing, []);
  });

  it('skips the FIFO and the socket without opening them, and reports link loops once', () => {
    const messages = (rel: string) => result.errors.filter((e) => e.file === path.join(dir, rel)).map((e) => e.message);
    assert.deepEqual(messages('special/x.tf'), [
      'not a regular file (FIFO, socket or device); skipped without opening',
    ]);
    if (existsSync(path.join(dir, 'special/y.tf'))) {
      assert.equal(messages('special/y.tf').length, 1);
    }
    assert.deepEqual(messages('links/loop.tf'), ['broken symbolic link; skipped']);
    assert.deepEqual(messages('links/dangling.tf'), ['broken symbolic link; skipped']);
    assert.equal(result.placements.filter((p) => p.name === 'good_in_links').length, 1);
  });

  it('reports the directory beyond the depth limit and finds the shallow file', () => {
    assert.ok(result.errors.some((e) => e.message.startsWith('directory nesting deeper than')));
    assert.ok(!names(result).has('too_deep'));
  });

  it('keeps ranges inside the documents', () => {
    for (const p of result.placements) {
      assert.ok(p.range.start.line >= 0 && p.range.end.line >= p.range.start.line, p.address);
    }
  });

  it('reports an unreadable file and directory when not running as root', function () {
    if (process.getuid?.() === 0) {
      // root reads files and lists directories regardless of mode 000.
      this.skip();
    }
    const files = result.errors.map((e) => path.relative(dir, e.file));
    assert.ok(files.includes('perm/bad-unreadable.tf'));
    assert.ok(files.includes('perm/locked'));
  });
});

describe('hostile workspace through the CLI (with the 20 MB file)', function () {
  this.timeout(600_000);
  let dir = '';
  before(function () {
    if (!existsSync(CLI)) {
      this.skip();
    }
    dir = generateHostile(false);
  });
  after(() => dir && removeHostile(dir));

  it('prints valid JSON, no stack trace, every bad file in errors and all 150,000 generated resources', () => {
    const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--fail-on', 'none'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const doc = JSON.parse(r.stdout) as { resources: Array<{ name: string }>; errors: Array<{ file: string }> };
    if (registered.has('terraform')) {
      assert.equal(doc.resources.filter((x) => x.name.startsWith('huge_')).length, 150_000);
    }
    const errorFiles = new Set(doc.errors.map((e) => path.resolve(e.file)));
    const missing = badFiles(dir)
      .filter((f) => registered.has(languageOf(f)))
      .filter((f) => !(f === 'perm/bad-unreadable.tf' && process.getuid?.() === 0))
      .filter((f) => !errorFiles.has(path.join(dir, f)));
    assert.deepEqual(missing, []);
  });
});
