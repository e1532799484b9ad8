import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const BUILTINS = new Set(builtinModules);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The libraries the build writes beside the CLI (see esbuild.js). */
function libraries(): string[] {
  return fs.readdirSync(path.join(ROOT, 'dist/lib')).map((f) => `dist/lib/${f}`);
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', shell: process.platform === 'win32' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm package', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('holds only the CLI and what it needs at run time', () => {
    const r = run(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
    assert.deepEqual(files, [
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/lib/d3-geo.js',
      'dist/lib/topojson-client.js',
      'dist/lib/world-atlas-countries-110m.js',
      'dist/lib/yaml.js',
      'dist/scan-worker.js',
      'package.json',
    ]);
  });

  it('leaves the .vsix to .vscodeignore: no "files" in package.json, which vsce refuses beside it', () => {
    assert.ok(fs.existsSync(path.join(ROOT, '.vscodeignore')));
    assert.equal(pkg.files, undefined);
    assert.ok(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('.npmignore'));
  });

  it('declares no runtime dependencies, because the CLI is bundled into dist/', () => {
    // Everything the bundles import is inlined by esbuild, so installing the package must not fetch
    // anything; a package listed under `dependencies` would make every install download it.
    assert.equal(pkg.dependencies, undefined);
    assert.equal(pkg.bin['cloud-act-lens'], './dist/cli.js');
    for (const file of ['dist/cli.js', 'dist/scan-worker.js', ...libraries()]) {
      const code = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      const external = required.filter((m) => !m.startsWith('node:') && !BUILTINS.has(m) && !m.startsWith('./lib/'));
      assert.deepEqual(external, [], `${file} requires packages at run time`);
      for (const lib of required.filter((m) => m.startsWith('./lib/'))) {
        assert.ok(
          fs.existsSync(path.join(ROOT, 'dist', lib)),
          `${file} requires ${lib}, which the build did not write`,
        );
      }
    }
  });

  it('leaves YAML and the world map to files of their own, loaded when first needed', () => {
    // Compiled with the CLI they cost every run about 35 ms of start-up (345 KB of its 924 KB).
    const cli = fs.readFileSync(path.join(ROOT, 'dist/cli.js'), 'utf8');
    assert.deepEqual([...cli.matchAll(/require\("(\.\/lib\/[^"]+)"\)/g)].map((m) => m[1]).sort(), [
      './lib/d3-geo.js',
      './lib/topojson-client.js',
      './lib/world-atlas-countries-110m.js',
      './lib/yaml.js',
    ]);
    assert.ok(!cli.includes('GeometryCollection'), 'the world outlines and d3-geo are not compiled with the CLI');
    // Nothing requires them at start-up: `--version` loads the CLI alone.
    const loaded = spawnSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(path.join(ROOT, 'dist/cli.js'))}); process.on('exit', () => console.error(JSON.stringify(Object.keys(require.cache))))`,
        '--',
        '--version',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(loaded.status, 0, loaded.stderr);
    const modules = JSON.parse(loaded.stderr.trim().split('\n').pop()!) as string[];
    assert.deepEqual(
      modules.filter((m) => m.includes(`${path.sep}lib${path.sep}`)),
      [],
    );
  });

  it('installs from the packed tarball without the network and runs `npx cloud-act-lens scan`', function () {
    this.slow(30_000);
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-npm-package-'));
    try {
      // `npm pack` runs the prepack script, which builds dist/ for production.
      const packed = run(NPM, ['pack', '--json', '--pack-destination', dir], ROOT);
      assert.equal(packed.status, 0, packed.stderr);
      const tarball = path.join(dir, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
      const project = path.join(dir, 'project');
      fs.mkdirSync(project);
      // An empty npm cache and --offline: any package not inside the tarball would fail the install.
      const env = { ...process.env, npm_config_cache: path.join(dir, 'cache'), npm_config_update_notifier: 'false' };
      const install = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], project, env);
      assert.equal(install.status, 0, install.stderr);
      assert.deepEqual(
        fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')),
        ['cloud-act-lens'],
      );

      fs.cpSync(path.join(ROOT, 'test/fixtures/example-workspace/terraform'), path.join(project, 'fixture'), {
        recursive: true,
      });
      const scan = run(NPX, ['--offline', 'cloud-act-lens', 'scan', 'fixture', '--format', 'json'], project, env);
      assert.equal(scan.status, 0, scan.stderr);
      const fromSource = spawnSync(
        process.execPath,
        [path.join(ROOT, 'dist/cli.js'), 'scan', 'fixture', '--format', 'json'],
        { cwd: project, encoding: 'utf8' },
      );
      assert.equal(scan.stdout, fromSource.stdout, 'the installed CLI reports what the checkout reports');
      const doc = JSON.parse(scan.stdout);
      assert.equal(doc.schemaVersion, 1);
      assert.ok(doc.resources.some((r: { file: string; region: string }) => r.file === 'fixture/main.tf' && r.region));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
