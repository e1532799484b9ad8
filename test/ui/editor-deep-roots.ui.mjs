// A module opened as VS Code starts (a restored editor), whose only caller is four folders away
// (live/prod/eu/app): too far for the search nearby, so its first analysis takes it on its own, where
// its provider sets no region (CAL002). The workspace scan then knows its root; the module's diagnostics
// must come from that root alone, with no CAL002 left over from the first analysis.
import assert from 'node:assert/strict';

import { hoverText, openFile, waitForSquiggle } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'deep-roots';

const TIMEOUT = 60_000;

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function editorDeepRoots({ page, screenshot, log }) {
  await openFile(page, 'modules/store/main.tf', TIMEOUT);
  const squiggle = await waitForSquiggle(page, 'warning', TIMEOUT);
  // The status bar's problem counts: one warning (CAL001 from the root), no information (a CAL002).
  const problems = page.locator('.statusbar-item', { hasText: /\d+\s*\d+/ }).first();
  await page.waitForTimeout(3_000);
  const text = await hoverText(page, squiggle, TIMEOUT);
  await screenshot('editor-deep-roots');
  log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 240)}`);
  log(`status: ${(await problems.innerText().catch(() => '')).replace(/\s+/g, ' ')}`);
  assert.match(text, /module\.store\.aws_s3_bucket\.this: eu-west-1 \(Ireland\)/);
  assert.doesNotMatch(text, /CAL002|sets no region/, 'no finding of the module on its own');
}
