// The extension as vscode.dev and github.dev run it: the browser bundle (dist/web/extension.js) in a
// web worker extension host, with no Node.js. The runner installs a copy of the extension whose
// manifest has no `main`, so code-server can only run it in its web worker host. A person opening a
// Terraform file sees the same warning, its hover and the workspace report, as on the desktop.
import assert from 'node:assert/strict';
import { findWebviewFrame, hoverText, openFile, problemsText, runCommand, waitForSquiggle } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'workspace';
/** Install the web-only copy of the extension (see run-ui.mjs). */
export const extension = 'web';

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function webExtension({ page, screenshot, log, consoleLines }) {
  await openFile(page, 'main.tf');
  const squiggle = await waitForSquiggle(page);
  const text = await hoverText(page, squiggle);
  await screenshot('web-extension-hover');
  log(`hover text: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
  assert.match(text, /CAL001/, 'the hover names rule CAL001');
  const problems = await problemsText(page);
  await screenshot('web-extension-problems');
  assert.match(problems, /CAL001|eu-central-1/, 'the Problems panel lists the finding');
  await runCommand(page, 'CLOUD Act Lens: Show Workspace Report', 60_000);
  const frame = await findWebviewFrame(page, 'Placements', 120_000);
  const rows = frame.locator('#placements tbody tr[data-row]');
  await rows.first().waitFor({ timeout: 30_000 });
  assert.ok(
    (await rows.allInnerTexts()).some((r) => r.includes('eu-central-1')),
    'the report lists the bucket',
  );
  await screenshot('web-extension-report');
  const host = consoleLines().filter((l) => /web worker extension host/i.test(l));
  assert.ok(host.length > 0, 'the web worker extension host started');
}
