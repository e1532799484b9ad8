// Runs the integration suites (test/integration/<suite>/, compiled to out/test/integration/) inside
// code-server, i.e. inside a real VS Code, with our extension installed from the built .vsix.
// One code-server per suite, because each suite opens its own `workspace/` folder.
//
//   node test/run-vscode/run-integration.mjs [suite...] [--no-build | --no-package] [--grep TEXT] [--verbose]
//
// --no-build uses out/ and dist/cloud-act-lens.vsix as they are; --no-package only compiles the tests.
//
// Environment: CAL_TOOLS_DIR (tool cache), CAL_SUITE_TIMEOUT_MS (per suite, default 180000).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launchBrowser, openWorkbench } from './browser.mjs';
import { copyWorkspace, ensureTools, installVsix, killAllOnExit, startCodeServer, tempDir } from './code-server.mjs';
import { repoRoot } from './install-tools.mjs';
import { buildAndPackage, listFiles, packageHarnessExtension } from './prepare.mjs';

const INTEGRATION_SRC = path.join(repoRoot, 'test', 'integration');
const INTEGRATION_OUT = path.join(repoRoot, 'out', 'test', 'integration');

function parseArgs(argv) {
  const o = { suites: [], build: true, pack: true, grep: undefined, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') {
      o.build = false;
    } else if (a === '--no-package') {
      o.pack = false;
    } else if (a === '--verbose') {
      o.verbose = true;
    } else if (a === '--grep') {
      o.grep = argv[++i];
    } else if (a.startsWith('-')) {
      throw new Error(`unknown option ${a}`);
    } else {
      o.suites.push(a);
    }
  }
  return o;
}

/** A suite is a folder of test/integration that has a `workspace/` fixture. */
function discoverSuites() {
  return fs
    .readdirSync(INTEGRATION_SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(INTEGRATION_SRC, d.name, 'workspace')))
    .map((d) => d.name)
    .sort();
}

async function runSuite(suite, ctx) {
  const files = listFiles(path.join(INTEGRATION_OUT, suite), '.test.js');
  if (files.length === 0) {
    throw new Error(`no compiled tests in out/test/integration/${suite} (did the build run?)`);
  }
  const tmp = tempDir(`it-${suite}`);
  const copied = copyWorkspace(path.join(INTEGRATION_SRC, suite, 'workspace'), path.join(tmp, 'workspace'));
  // A suite whose workspace holds a `.code-workspace` file is opened as that multi-root workspace.
  const multiRoot = fs.readdirSync(copied).find((f) => f.endsWith('.code-workspace'));
  const workspace = multiRoot ? path.join(copied, multiRoot) : copied;
  const resultsFile = path.join(tmp, 'results.json');
  const configFile = path.join(tmp, 'config.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify(
      { mochaPath: ctx.mochaPath, files, grep: ctx.grep, timeout: 30_000, ownPaths: ctx.ownPaths },
      null,
      2,
    ),
  );
  const log = [];
  const keep = (line) => {
    log.push(line);
    if (ctx.verbose) {
      console.log(`    | ${line}`);
    }
  };
  let server;
  let context;
  let page;
  try {
    server = await startCodeServer({
      tools: ctx.tools,
      extensionsDir: ctx.extensionsDir,
      userDataDir: path.join(tmp, 'user-data'),
      workspace,
      env: { CAL_TEST_RESULTS: resultsFile, CAL_TEST_CONFIG: configFile },
      onOutput: (l) => keep(`[code-server] ${l}`),
    });
    ({ context, page } = await openWorkbench(ctx.browser, server.url, { onConsole: (t) => keep(`[page] ${t}`) }));
    const deadline = Date.now() + Number(process.env.CAL_SUITE_TIMEOUT_MS || 180_000);
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        // What the workbench showed helps to see why (e.g. an activation error notification).
        const shot = path.join(repoRoot, 'test-results', 'integration', `${suite}-timeout.png`);
        fs.mkdirSync(path.dirname(shot), { recursive: true });
        await page.screenshot({ path: shot }).catch(() => {});
        return { suite, error: `timed out waiting for the test results (screenshot: ${shot})`, tests: [], log };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    return { suite, ...JSON.parse(fs.readFileSync(resultsFile, 'utf8')), log };
  } catch (e) {
    return { suite, error: String(e?.stack ?? e), tests: [], log };
  } finally {
    await context?.close().catch(() => {});
    server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function printResult(r) {
  console.log(`\n  suite ${r.suite}  (VS Code ${r.vscodeVersion ?? 'unknown'}${r.appName ? `, ${r.appName}` : ''})`);
  for (const t of r.tests) {
    const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✘' : '-';
    console.log(`    ${mark} ${t.title}${t.state === 'pending' ? ' (pending)' : ''}`);
    if (t.error) {
      console.log(t.error.replace(/^/gm, '        '));
    }
  }
  if (r.error) {
    console.log(`    ✘ ${r.error}`);
    console.log('    last output of code-server and the page:');
    console.log(
      r.log
        .slice(-40)
        .map((l) => `      ${l}`)
        .join('\n'),
    );
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  killAllOnExit();
  const tools = ensureTools();
  if (opts.build) {
    buildAndPackage({ tests: true, pack: opts.pack });
  }
  const suites = opts.suites.length ? opts.suites : discoverSuites();
  const vsix = path.join(repoRoot, 'dist', 'cloud-act-lens.vsix');
  const exts = tempDir('it-exts');
  const harnessDir = tempDir('it-harness');
  const harness = packageHarnessExtension(harnessDir);
  console.log(`[integration] installing ${path.relative(repoRoot, vsix)} and the test harness into code-server`);
  console.log(installVsix(tools, exts, vsix, harness).replace(/^/gm, '[integration] '));
  const browser = await launchBrowser();
  const ctx = {
    tools,
    browser,
    extensionsDir: exts,
    grep: opts.grep,
    verbose: opts.verbose,
    // Uncaught errors count as test failures only when their stack passes through these.
    ownPaths: [path.join(repoRoot, 'out'), path.join(exts, 'cloud-act-lens.cloud-act-lens-')],
    mochaPath: createRequire(path.join(repoRoot, 'package.json')).resolve('mocha'),
  };
  const results = [];
  try {
    for (const suite of suites) {
      console.log(`[integration] suite ${suite}: starting code-server`);
      let r;
      try {
        r = await runSuite(suite, ctx);
      } catch (e) {
        r = { suite, error: String(e?.stack ?? e), tests: [], log: [] };
      }
      printResult(r);
      results.push(r);
    }
  } finally {
    await browser.close().catch(() => {});
    fs.rmSync(exts, { recursive: true, force: true });
    fs.rmSync(harnessDir, { recursive: true, force: true });
  }
  const all = results.flatMap((r) => r.tests);
  const passed = all.filter((t) => t.state === 'passed').length;
  const failed = all.filter((t) => t.state === 'failed').length + results.filter((r) => r.error).length;
  const versions = [...new Set(results.map((r) => r.vscodeVersion).filter(Boolean))];
  console.log(`\n[integration] VS Code ${versions.join(', ') || 'unknown'}: ${passed} passing, ${failed} failing`);
  const ok = failed === 0 && passed > 0;
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(`[integration] ${e?.stack ?? e}`);
  process.exitCode = 1;
});
