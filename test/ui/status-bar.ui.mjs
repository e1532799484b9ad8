// The status bar never shows a number that is not the workspace's. In a workspace over the size limit
// (here cloudActLens.workspaceAnalysis.maxFiles = 1, three Terraform files) it says that the count
// covers the open files only; a click scans the whole workspace (the report) and the count becomes the
// workspace's. The headline counts resources that hold customer data; a security group, which holds
// none, is counted apart (+1 info).
import { openFromExplorer } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'status-workspace';

const TIMEOUT = 60_000;

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function statusBar({ page, screenshot, log }) {
  await openFromExplorer(page, 'a.tf', TIMEOUT);
  const item = page.locator('.statusbar-item', { hasText: 'CAL001: 1 +1 info in open files' }).first();
  await item.waitFor({ timeout: TIMEOUT });
  // The tooltip names the folder and the limit. Hovers in the status bar open after a delay and close
  // when anything else takes the pointer: hover again until it shows (the text above is the claim).
  const tooltip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'workspace analysis is paused' }).first();
  const deadline = Date.now() + 30_000;
  let shown = false;
  while (!shown && Date.now() < deadline) {
    await page.mouse.move(600, 300);
    await item.hover();
    shown = await tooltip
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
  }
  log(
    shown
      ? `tooltip: ${(await tooltip.innerText()).replace(/\s+/g, ' ').slice(0, 240)}`
      : 'tooltip did not open in 30 s',
  );
  await screenshot('status-bar-over-limit');
  await item.click();
  // The report scans every file: the count is now the workspace's three buckets.
  await page
    .locator('.statusbar-item', { hasText: /CAL001: 3 \+1 info$/ })
    .first()
    .waitFor({ timeout: TIMEOUT });
  await screenshot('status-bar-after-report');
  log('a click scanned the whole workspace: CAL001: 3 +1 info');
}
