// A person opens a Terraform file that places an S3 bucket in Frankfurt and sees our warning:
// a squiggle under the resource, whose hover names the rule.
import assert from 'node:assert/strict';
import { hoverText, openFile, waitForSquiggle } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'workspace';

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function terraformSquiggle({ page, screenshot, log }) {
  await openFile(page, 'main.tf');
  const squiggle = await waitForSquiggle(page);
  await screenshot('terraform-squiggle');
  const text = await hoverText(page, squiggle);
  await screenshot('terraform-hover');
  log(`hover text: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
  assert.match(text, /CAL001/, 'the hover names rule CAL001');
  assert.match(text, /CLOUD Act Lens/, 'the hover names the source');
}
