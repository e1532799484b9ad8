// A new user opens the Getting Started walkthrough (Welcome: Open Walkthrough...) and sees its four
// steps: the report, the Azure location, the rule settings and CI; opening a step shows its page.
import assert from 'node:assert/strict';
import { findWebviewFrame, waitForSquiggle } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'report-workspace';

const STEPS = ['See where your data lands', 'Set the Azure location', 'Choose how strict it is', 'Add it to CI'];

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function walkthrough({ page, screenshot, log }) {
  // The extension is active once a Terraform file shows its first diagnostics.
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.tf' })
    .first()
    .click({ timeout: 60_000 });
  await waitForSquiggle(page, 'any', 120_000);
  // The command opens a second quick pick (the walkthroughs), so not through runCommand.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill('>Welcome: Open Walkthrough');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget input[placeholder="Select a walkthrough to open"]').waitFor();
  await input.fill('CLOUD Act Lens');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with CLOUD Act Lens' })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  const slide = page.locator('.gettingStartedSlideDetails').first();
  await slide.getByText('Get started with CLOUD Act Lens').first().waitFor({ timeout: 60_000 });
  const text = await slide.innerText();
  log(`walkthrough: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
  for (const step of STEPS) {
    assert.ok(text.includes(step), `step "${step}" is shown`);
  }
  await screenshot('walkthrough');
  // The Azure step explains why (CAL002) in its page beside the steps and offers the command that fixes it.
  await slide.getByText('Set the Azure location').first().click();
  await slide.getByText('Set the Azure Location', { exact: true }).first().waitFor({ timeout: 30_000 });
  const media = await findWebviewFrame(page, 'Where do your Azure templates deploy?', 60_000);
  assert.match(await media.locator('body').innerText(), /CAL002/);
  await screenshot('walkthrough-azure-location');
}
