// @vscode/test-cli configuration (`npx vscode-test`) for machines that can download VS Code.
// It runs the same suites as test/run-vscode/run-integration.mjs does in code-server: every folder
// of test/integration that has a `workspace/` fixture is one suite, compiled to
// out/test/integration/<suite>/ by `node esbuild.js --tests`, and opened on its own workspace.
// Run `node esbuild.js --tests` first; `npx vscode-test --label diagnostics` runs one suite.
import { defineConfig } from '@vscode/test-cli';
import fs from 'node:fs';
import path from 'node:path';

const SRC = 'test/integration';
const OUT = 'out/test/integration';

const suites = fs
  .readdirSync(SRC, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(SRC, d.name, 'workspace')))
  .map((d) => d.name)
  .sort();

/** The suite's workspace folder, or the `.code-workspace` file in it (a multi-root workspace). */
function workspaceOf(suite) {
  const dir = path.join(SRC, suite, 'workspace');
  const multiRoot = fs.readdirSync(dir).find((f) => f.endsWith('.code-workspace'));
  return multiRoot ? path.join(dir, multiRoot) : dir;
}

export default defineConfig(
  suites.map((suite) => ({
    label: suite,
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: '.',
    workspaceFolder: workspaceOf(suite),
    files: `${OUT}/${suite}/**/*.test.js`,
    // Other installed extensions (e.g. HashiCorp Terraform) stay out, so results depend on ours only.
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
    mocha: { ui: 'bdd', color: true, timeout: 30_000 },
  })),
);
