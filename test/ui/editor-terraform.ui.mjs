// A person edits Terraform: a squiggle on the region of an S3 bucket in Frankfurt, a hover that cites
// § 2713 and the Microsoft Ireland case, and a quick fix that accepts the finding with a reason.
import assert from 'node:assert/strict';
import { hoverText, openFromExplorer, waitForSquiggle } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'editor-workspace';

const TIMEOUT = 60_000;

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function editorTerraform({ page, screenshot, log }) {
  await openFromExplorer(page, 'main.tf', TIMEOUT);
  const squiggle = await waitForSquiggle(page, 'warning', TIMEOUT);
  await screenshot('editor-tf-squiggle');
  // The status bar counts the open CAL001 findings of the workspace: main.tf's and main.bicep's.
  await page.locator('.statusbar-item', { hasText: 'CAL001: 2' }).first().waitFor({ timeout: TIMEOUT });

  await hoverText(page, squiggle, TIMEOUT);
  // The diagnostic shows first; our hover provider's part follows when it is computed.
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '2713' }).first();
  await hover.waitFor({ state: 'visible', timeout: TIMEOUT });
  const text = await hover.innerText();
  await screenshot('editor-tf-hover');
  log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}…`);
  assert.match(text, /CAL001/, 'the diagnostic names the rule');
  assert.match(text, /Germany/, 'the hover names the country');
  assert.match(text, /§ 2713/, 'the hover cites the statute');
  assert.match(text, /possession, custody, or control/, 'the hover quotes the statute');
  assert.match(text, /829 F\.3d 197/, 'the hover cites the Second Circuit decision');
  assert.match(text, /138 S\. Ct\. 1186/, 'the hover cites the Supreme Court decision');
  await page.keyboard.press('Escape');

  // Put the cursor on the squiggle (line 5, the resource header) and open the quick fixes (Ctrl+.).
  // Go to Line, not a click: a click can land on a hover or notification still fading out (and the
  // squiggle element may be re-rendered after the hover, so its box is not asked for).
  const fix = page.locator('.action-widget .monaco-list-row', {
    hasText: 'Suppress CAL001 for aws_s3_bucket.invoices',
  });
  // The menu lists what the code action providers have answered when it opens; on a busy start (the
  // workbench still registering providers, a notification taking focus) it may open before ours has
  // answered. Poll: reopen it until our fix is listed.
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+g');
    const goTo = page.locator('.quick-input-widget input');
    await goTo.waitFor({ state: 'visible', timeout: TIMEOUT });
    await goTo.fill(':5:3');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'Ln 5, Col 3' }).first().waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Control+.');
    try {
      await fix.first().waitFor({ timeout: 10_000 });
      break;
    } catch (e) {
      if (Date.now() > deadline) {
        throw e;
      }
      await page.keyboard.press('Escape');
    }
  }
  await screenshot('editor-tf-quick-fixes');
  await fix.first().click();

  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill('public marketing assets only');
  await page.keyboard.press('Enter');
  // The optional expiry date: leave it empty.
  await page.locator('.quick-input-widget', { hasText: 'Expiry date' }).waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');

  await page
    .locator('.monaco-editor .view-lines', { hasText: 'cloud-act-lens:ignore CAL001 -- public marketing assets only' })
    .first()
    .waitFor({ timeout: TIMEOUT });
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'detached', timeout: TIMEOUT });
  await page.locator('.statusbar-item', { hasText: 'CAL001: 1' }).first().waitFor({ timeout: TIMEOUT });
  await screenshot('editor-tf-suppressed');
  log('quick fix inserted the directive and the squiggle went away');
}
