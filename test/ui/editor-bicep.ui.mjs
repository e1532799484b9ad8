// A person edits Bicep: a storage account in West Europe gets a squiggle whose hover cites § 2713,
// without the Bicep extension installed.
import assert from 'node:assert/strict';
import { hoverText, openFromExplorer, waitForSquiggle } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'editor-workspace';

const TIMEOUT = 60_000;

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function editorBicep({ page, screenshot, log }) {
  await openFromExplorer(page, 'main.bicep', TIMEOUT);
  const squiggle = await waitForSquiggle(page, 'warning', TIMEOUT);
  await screenshot('editor-bicep-squiggle');
  await hoverText(page, squiggle, TIMEOUT);
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '2713' }).first();
  await hover.waitFor({ state: 'visible', timeout: TIMEOUT });
  const text = await hover.innerText();
  await screenshot('editor-bicep-hover');
  log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}…`);
  assert.match(text, /CAL001/);
  assert.match(text, /Netherlands/);
  assert.match(text, /§ 2713/);
  assert.match(text, /829 F\.3d 197/);
}
