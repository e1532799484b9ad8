// A person has the workspace report open, reloads the window (Developer: Reload Window, or VS Code
// restarting) and finds the report tab still there, showing the report again rather than an empty tab.
import assert from 'node:assert/strict';
import { findWebviewFrame, runCommand, waitForSquiggle } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'report-workspace';

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function reportReload({ page, screenshot, log }) {
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.tf' })
    .first()
    .click({ timeout: 60_000 });
  await waitForSquiggle(page, 'any', 120_000);
  await runCommand(page, 'CLOUD Act Lens: Show Workspace Report', 60_000);
  const before = await findWebviewFrame(page, 'Placements', 120_000);
  await before.locator('#placements tbody tr[data-row]').first().waitFor({ timeout: 30_000 });
  const rowsBefore = await before.locator('#placements tbody tr[data-row]').count();
  log(`rows before the reload: ${rowsBefore}`);

  await runCommand(page, 'Developer: Reload Window', 60_000);
  // The workbench comes back with the report's tab; the extension restores its content by scanning again.
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  await page
    .locator('.tabs-container .tab', { hasText: 'CLOUD Act Lens Report' })
    .first()
    .waitFor({ timeout: 120_000 });
  const after = await findWebviewFrame(page, 'Placements', 180_000);
  await after.locator('#placements tbody tr[data-row]').first().waitFor({ timeout: 60_000 });
  const rowsAfter = await after.locator('#placements tbody tr[data-row]').count();
  log(`rows after the reload: ${rowsAfter}`);
  assert.equal(rowsAfter, rowsBefore, 'the restored report shows the same rows');
  await screenshot('report-after-reload');
}
