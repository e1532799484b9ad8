// A person hovers over a module's resource that two root modules call (envs/prod in Frankfurt,
// envs/test in Ireland): one squiggle on the declaration, and a hover that lists both placements with
// their roots and regions, the legal note said once.
import assert from 'node:assert/strict';

import { hoverText, openFile, waitForSquiggle } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'report-roots';

const TIMEOUT = 60_000;

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function editorRoots({ page, screenshot, log }) {
  await openFile(page, 'modules/store/main.tf', TIMEOUT);
  const squiggle = await waitForSquiggle(page, 'warning', TIMEOUT);
  await hoverText(page, squiggle, TIMEOUT);
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'All 2 placements' }).first();
  await hover.waitFor({ state: 'visible', timeout: TIMEOUT });
  const text = await hover.innerText();
  // The list ends the hover: scroll it into view (over the hover, which keeps it open) for the picture.
  const box = await hover.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20, { steps: 5 });
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(300);
  }
  await screenshot('editor-roots-hover');
  log(`hover: ${text.replace(/\s+/g, ' ').slice(-220)}`);
  assert.match(text, /All 2 placements of this declaration \(2 roots\)/);
  assert.match(text, /envs\/prod: module\.store\.aws_s3_bucket\.this — eu-central-1 \(DE\)/);
  assert.match(text, /envs\/test: module\.store\.aws_s3_bucket\.this — eu-west-1 \(IE\)/);
  assert.match(text, /§ 2713/, 'the legal note is still there');
  assert.match(text, /829 F\.3d 197/, 'the legal note is still there');
  // Not the module on its own, which a scan never analyses (its provider sets no region).
  assert.doesNotMatch(text, /CAL002/);
}
