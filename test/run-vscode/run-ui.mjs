// Runs the UI checks (test/ui/*.ui.mjs) against code-server in headless Chromium: what a person
// sees. Each check module exports `workspace` (a folder relative to test/ui) and a default async
// function that receives a UiContext. Screenshots go to test-results/ui/ (gitignored).
//
//   node test/run-vscode/run-ui.mjs [name-filter...] [--no-build] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, openWorkbench } from './browser.mjs';
import { copyWorkspace, ensureTools, installVsix, killAllOnExit, startCodeServer, tempDir } from './code-server.mjs';
import { repoRoot } from './install-tools.mjs';
import { buildAndPackage } from './prepare.mjs';
import { screenshot } from '../ui/helpers.mjs';

/**
 * @typedef {object} UiContext
 * @property {import('playwright-core').Page} page the workbench, with the check's workspace open
 * @property {(name: string) => Promise<string>} screenshot saves test-results/ui/<name>.png
 * @property {(msg: string) => void} log prints a line under the check's name
 * @property {() => string[]} consoleLines the page's console so far
 */

const UI_DIR = path.join(repoRoot, 'test', 'ui');
const SHOTS = path.join(repoRoot, 'test-results', 'ui');

async function runCheck(file, ctx) {
  const mod = await import(pathToFileURL(file).href);
  const name = path.basename(file, '.ui.mjs');
  const tmp = tempDir(`ui-${name}`);
  const workspace = copyWorkspace(path.join(UI_DIR, mod.workspace ?? 'workspace'), path.join(tmp, 'workspace'));
  const log = [];
  const keep = (l) => {
    log.push(l);
    if (ctx.verbose) {
      console.log(`    | ${l}`);
    }
  };
  const started = Date.now();
  const consoleLines = [];
  let server;
  let context;
  let page;
  try {
    server = await startCodeServer({
      tools: ctx.tools,
      extensionsDir: mod.extension === 'web' ? ctx.webExtensionsDir : ctx.extensionsDir,
      userDataDir: path.join(tmp, 'user-data'),
      workspace,
      onOutput: (l) => keep(`[code-server] ${l}`),
    });
    ({ context, page } = await openWorkbench(ctx.browser, server.url, {
      onConsole: (t) => {
        consoleLines.push(t);
        keep(`[page] ${t}`);
      },
    }));
    const check = mod.default({
      page,
      screenshot: (shot) => screenshot(page, SHOTS, shot),
      log: (msg) => console.log(`    ${name}: ${msg}`),
      consoleLines: () => [...consoleLines],
    });
    await withTimeout(check, Number(process.env.CAL_UI_TIMEOUT_MS || 180_000), `UI check ${name}`);
    return { name, ok: true, ms: Date.now() - started };
  } catch (e) {
    await page?.screenshot({ path: path.join(SHOTS, `${name}-FAILED.png`) }).catch(() => {});
    console.log(
      log
        .slice(-30)
        .map((l) => `      ${l}`)
        .join('\n'),
    );
    return { name, ok: false, ms: Date.now() - started, error: String(e?.stack ?? e) };
  } finally {
    await context?.close().catch(() => {});
    server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * An extensions folder holding a copy of the installed extension whose manifest has no `main`: VS Code
 * then runs its `browser` entry in the web worker extension host, as vscode.dev does.
 */
function webOnlyCopy(exts) {
  const name = fs.readdirSync(exts).find((n) => n.startsWith('cloud-act-lens.cloud-act-lens-'));
  if (!name) {
    throw new Error(`the extension is not installed in ${exts}`);
  }
  const dir = tempDir('ui-web-exts');
  fs.cpSync(path.join(exts, name), path.join(dir, name), { recursive: true });
  const manifestPath = path.join(dir, name, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  delete manifest.main;
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

/** Rejects when `promise` has not settled after `ms`, so a stuck check cannot hang the run. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const filters = args.filter((a) => !a.startsWith('--'));
  killAllOnExit();
  const tools = ensureTools();
  if (!args.includes('--no-build')) {
    buildAndPackage({ tests: false });
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const checks = fs
    .readdirSync(UI_DIR)
    .filter((f) => f.endsWith('.ui.mjs') && (filters.length === 0 || filters.some((x) => f.includes(x))))
    .sort()
    .map((f) => path.join(UI_DIR, f));
  const exts = tempDir('ui-exts');
  console.log(`[ui] ${installVsix(tools, exts, path.join(repoRoot, 'dist', 'cloud-act-lens.vsix'))}`);
  const webExts = webOnlyCopy(exts);
  const browser = await launchBrowser();
  const results = [];
  try {
    for (const file of checks) {
      const r = await runCheck(file, { tools, browser, extensionsDir: exts, webExtensionsDir: webExts, verbose });
      console.log(`  ${r.ok ? '✔' : '✘'} ${r.name} (${(r.ms / 1000).toFixed(1)} s)`);
      if (r.error) {
        console.log(r.error.replace(/^/gm, '      '));
      }
      results.push(r);
    }
  } finally {
    await browser.close().catch(() => {});
    fs.rmSync(exts, { recursive: true, force: true });
    fs.rmSync(webExts, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(
    `\n[ui] ${results.length - failed} passing, ${failed} failing; screenshots in ${path.relative(repoRoot, SHOTS)}/`,
  );
  process.exitCode = failed === 0 && results.length > 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(`[ui] ${e?.stack ?? e}`);
  process.exitCode = 1;
});
