import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

/**
 * Loaded before the CLI: records every use of ICU-backed functions (their data cost a run 10–20 ms
 * the first time) and every file of dist/lib/ that was loaded, and prints both at exit.
 */
const PROBE = `
const used = new Set();
const wrap = (obj, key, label) => {
  const f = obj[key];
  obj[key] = function (...args) { used.add(label); return Reflect.apply(f, this, args); };
};
for (const k of ['Segmenter', 'DisplayNames', 'NumberFormat', 'Collator', 'DateTimeFormat', 'PluralRules']) {
  const C = Intl[k];
  Intl[k] = new Proxy(C, { construct(t, a) { used.add('Intl.' + k); return Reflect.construct(t, a); } });
}
wrap(Number.prototype, 'toLocaleString', 'Number.toLocaleString');
wrap(String.prototype, 'localeCompare', 'String.localeCompare');
wrap(Date.prototype, 'toLocaleString', 'Date.toLocaleString');
process.on('exit', () => {
  const libs = Object.keys(require.cache).filter((m) => m.includes('${path.sep}dist${path.sep}lib${path.sep}'));
  process.stderr.write('PROBE ' + JSON.stringify({ icu: [...used], libs }) + '\\n');
});
`;

function probe(args: string[]): { icu: string[]; libs: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-start-up-'));
  try {
    fs.writeFileSync(path.join(dir, 'probe.js'), PROBE);
    const r = spawnSync(process.execPath, ['-r', path.join(dir, 'probe.js'), CLI, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const line = r.stderr.split('\n').find((l) => l.startsWith('PROBE '));
    assert.ok(line, r.stderr);
    return JSON.parse(line.slice('PROBE '.length)) as { icu: string[]; libs: string[] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('CLI start-up', () => {
  before(function () {
    this.timeout(60_000);
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('scans the bundled example without ICU data and without the libraries only some runs need', function () {
    this.timeout(30_000);
    for (const format of ['json', 'table', 'sarif']) {
      assert.deepEqual(
        probe(['scan', 'test/fixtures/example-workspace', '--format', format, '--timings', '--output', os.devNull]),
        { icu: [], libs: [] },
        format,
      );
    }
  });

  it('loads the world map for an HTML report, and YAML for yamldecode, when they are needed', function () {
    this.timeout(30_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-start-up-yaml-'));
    try {
      // An anchor and an alias: a form our own reader leaves to the library.
      fs.writeFileSync(path.join(dir, 'c.yaml'), 'region: eu-central-1\nlist: &x [a, {b: c}]\nagain: *x\n');
      fs.writeFileSync(
        path.join(dir, 'main.tf'),
        'locals {\n  c = yamldecode(file("${path.module}/c.yaml"))\n}\nprovider "aws" {\n  region = local.c.region\n}\nresource "aws_s3_bucket" "b" {}\n',
      );
      const html = probe(['scan', dir, '--format', 'html', '--output', os.devNull]);
      assert.deepEqual(html.libs.map((l) => path.basename(l)).sort(), [
        'd3-geo.js',
        'topojson-client.js',
        'world-atlas-countries-110m.js',
        'yaml.js',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
