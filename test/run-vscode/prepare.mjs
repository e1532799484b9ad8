// Shared preparation for the code-server runners: build + package the extension, and generate the
// test-harness extension into a temporary extensions folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './install-tools.mjs';

const HARNESS_SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'harness-extension');
// Compiled by `node esbuild.js --tests` like every other test file.
const HARNESS_JS = path.join(repoRoot, 'out', 'test', 'run-vscode', 'harness-extension', 'extension.js');

function run(cmd, args) {
  console.log(`[build] $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
  }
}

/**
 * Builds what the runners need: the compiled tests in out/ (when `tests`) and the .vsix, which is
 * what gets installed into code-server, so every run also checks that the package is complete.
 * `pack: false` when the caller has just packaged (npm test's package step).
 */
export function buildAndPackage({ tests, pack = true }) {
  if (tests) {
    run('node', ['esbuild.js', '--tests']);
  }
  if (pack) {
    run('npm', ['run', '--silent', 'package']);
  }
}

/** Files below `dir` whose names end with `suffix`, sorted, as absolute paths. */
export function listFiles(dir, suffix, out = []) {
  if (!fs.existsSync(dir)) {
    return out;
  }
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      listFiles(full, suffix, out);
    } else if (e.name.endsWith(suffix)) {
      out.push(full);
    }
  }
  return out.sort();
}

/**
 * Packages the test-harness extension as a .vsix in `dir` and returns its path. (A folder copied
 * into the extensions folder is not enough: code-server marks extensions that it did not install
 * as removed.)
 */
export function packageHarnessExtension(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(HARNESS_SRC, 'package.json'), 'utf8'));
  if (!fs.existsSync(HARNESS_JS)) {
    throw new Error(`${path.relative(repoRoot, HARNESS_JS)} is missing: run node esbuild.js --tests`);
  }
  const src = path.join(dir, 'harness-src');
  fs.mkdirSync(src, { recursive: true });
  fs.copyFileSync(path.join(HARNESS_SRC, 'package.json'), path.join(src, 'package.json'));
  fs.copyFileSync(HARNESS_JS, path.join(src, 'extension.js'));
  const vsix = path.join(dir, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: src, encoding: 'utf8' },
  );
  if (r.status !== 0) {
    throw new Error(`packaging the test-harness extension failed:\n${r.stdout}\n${r.stderr}`);
  }
  return vsix;
}
