// Test-harness extension, copied by run-integration.mjs into code-server's temporary extensions
// folder. In code-server the extensionTestsPath route of @vscode/test-electron does not load, so
// this extension plays its part: it runs the same mocha suites in the extension host, where the
// suites' `require('vscode')` gets the real API, and writes the results to the file named by
// CAL_TEST_RESULTS. It does nothing when that variable is absent.
'use strict';
const fs = require('node:fs');
const vscode = require('vscode');

function activate() {
  const resultsFile = process.env.CAL_TEST_RESULTS;
  const configFile = process.env.CAL_TEST_CONFIG;
  if (!resultsFile || !configFile) {
    return;
  }
  const write = (data) => {
    fs.writeFileSync(resultsFile + '.tmp', JSON.stringify(data, null, 2));
    fs.renameSync(resultsFile + '.tmp', resultsFile); // the runner never sees a half-written file
  };
  try {
    runSuites(JSON.parse(fs.readFileSync(configFile, 'utf8')), write);
  } catch (e) {
    write({ vscodeVersion: vscode.version, error: String((e && e.stack) || e), tests: [] });
  }
}

function runSuites(config, write) {
  const Mocha = require(config.mochaPath);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: config.timeout || 20000, reporter: 'base' });
  if (config.grep) {
    mocha.grep(config.grep);
  }
  for (const file of config.files) {
    mocha.addFile(file);
  }
  const tests = [];
  const started = Date.now();
  console.log(`[cal-harness] VS Code ${vscode.version}: running ${config.files.length} file(s)`);
  const before = {
    uncaughtException: process.listeners('uncaughtException'),
    unhandledRejection: process.listeners('unhandledRejection'),
  };
  const runner = mocha.run();
  onlyOurErrors(before, config.ownPaths || []);
  const record = (state) => (test, err) =>
    tests.push({
      title: test.fullTitle(),
      file: test.file,
      state,
      durationMs: test.duration || 0,
      error: err ? String(err.stack || err.message || err) : undefined,
    });
  runner.on('pass', record('passed'));
  runner.on('fail', record('failed'));
  runner.on('pending', record('pending'));
  runner.on('end', () => {
    console.log(`[cal-harness] done: ${runner.stats.passes} passed, ${runner.stats.failures} failed`);
    write({
      vscodeVersion: vscode.version,
      appName: vscode.env.appName,
      uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
      durationMs: Date.now() - started,
      tests,
    });
  });
}

/**
 * Mocha fails the running test on any uncaught error in the process. The extension host is shared
 * with built-in extensions whose background work fails here (no network: telemetry, GitHub
 * authentication), so mocha's handlers only receive errors whose stack mentions our own code
 * (`ownPaths`: the repository's out/ and the installed extension); others are logged.
 */
function onlyOurErrors(before, ownPaths) {
  for (const event of Object.keys(before)) {
    const added = process.listeners(event).filter((l) => !before[event].includes(l));
    for (const listener of added) {
      process.removeListener(event, listener);
      process.on(event, (err, ...rest) => {
        const stack = String((err && err.stack) || err);
        if (ownPaths.some((p) => stack.includes(p))) {
          listener(err, ...rest);
        } else {
          console.log(`[cal-harness] ignored ${event} outside our code: ${stack.split('\n')[0]}`);
        }
      });
    }
  }
}

module.exports = { activate, deactivate() {} };
