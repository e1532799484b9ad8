// What an auditor and an engineer see at a normal size: the workspace report at an editor width of
// about 950 px (every column, the findings included, visible without scrolling sideways), and the
// HTML export printed on A4 landscape (every column on the page).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../run-vscode/install-tools.mjs';
import { findWebviewFrame, runCommand, screenshot as save, scrollIntoView, waitForSquiggle } from './helpers.mjs';

export const workspace = 'report-workspace';

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function reportWidth({ page, screenshot, log }) {
  // An editor area of about 950 px: the window 1000 px wide with the side bar hidden.
  await page.setViewportSize({ width: 1000, height: 800 });
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.tf' })
    .first()
    .click({ timeout: 60_000 });
  await waitForSquiggle(page, 'any', 120_000);
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  // With no editor open the report takes the whole editor area (beside an editor it would share it).
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'CLOUD Act Lens: Show Workspace Report', 60_000);
  let frame = await findWebviewFrame(page, 'Placements', 120_000);
  const table = frame.locator('#placements');
  await table.locator('tbody tr[data-row]').first().waitFor({ timeout: 30_000 });
  const fit = await table.evaluate((t) => {
    const box = t.getBoundingClientRect();
    const last = t.querySelector('thead th:last-child')?.getBoundingClientRect();
    return { viewport: document.documentElement.clientWidth, right: box.right, lastRight: last?.right ?? 0 };
  });
  log(
    `report at ${fit.viewport} px: table ends at ${Math.round(fit.right)} px, last column at ${Math.round(fit.lastRight)} px`,
  );
  assert.ok(fit.viewport <= 1000 && fit.viewport >= 850, `the webview is about 950 px wide (${fit.viewport})`);
  assert.ok(fit.lastRight <= fit.viewport + 1, 'the last column (findings) is visible without scrolling sideways');
  // The frame is found again if a newer scan replaced it in the meantime.
  await scrollIntoView(async () => (await findWebviewFrame(page, 'Placements', 30_000)).locator('#placements'));
  frame = await findWebviewFrame(page, 'Placements', 30_000);
  await screenshot('report-950');
  // The whole report at a desktop size, from the top: the picture in the README and on the Marketplace
  // page (media/report-screenshot.png is copied from it by hand when the report changes).
  await page.setViewportSize({ width: 1400, height: 900 });
  await frame.locator('body').evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  await screenshot('report-overview');

  // The HTML export, as an auditor prints it: A4 landscape (297 mm ≈ 1123 px at 96 dpi, 12 mm margins).
  const out = path.join(repoRoot, 'test-results', 'ui');
  fs.mkdirSync(out, { recursive: true });
  const html = path.join(out, 'report-export.html');
  const r = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'dist', 'cli.js'),
      'scan',
      path.join(repoRoot, 'test', 'ui', workspace),
      '-f',
      'html',
      '-o',
      html,
      '--fail-on',
      'none',
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  const print = await page.context().newPage();
  try {
    await print.setViewportSize({ width: 1123 - 91, height: 794 - 91 });
    await print.goto(pathToFileURL(html).href);
    await print.emulateMedia({ media: 'print' });
    const width = await print.evaluate(() => ({
      page: document.documentElement.clientWidth,
      widest: Math.max(...[...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right)),
    }));
    log(
      `HTML export printed on A4 landscape: page ${width.page} px, widest table ends at ${Math.round(width.widest)} px`,
    );
    assert.ok(width.widest <= width.page + 1, 'every column of every table fits on the A4 page');
    await save(print, out, 'report-html-a4');
    await print.pdf({
      path: path.join(out, 'report-html-a4.pdf'),
      format: 'A4',
      landscape: true,
      printBackground: true,
    });
  } finally {
    await print.close();
  }
}
