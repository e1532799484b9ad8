// A person runs "Show Workspace Report" from the Command Palette and sees the report webview: the
// summary, the charts and a table with one row per resource; clicking a row opens the file.
import assert from 'node:assert/strict';
import { findWebviewFrame, runCommand, scrollIntoView, waitForSquiggle } from './helpers.mjs';

/** Folder (relative to test/ui) opened in code-server for this check. */
export const workspace = 'report-workspace';

/** @param {import('../run-vscode/run-ui.mjs').UiContext} ctx */
export default async function report({ page, screenshot, log }) {
  // Opening a Terraform file activates the extension; the squiggle says its first analysis is done.
  // Through the Explorer rather than Quick Open, whose file search can be slow on a busy machine.
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.tf' })
    .first()
    .click({ timeout: 60_000 });
  await page.locator('.tabs-container .tab.active', { hasText: 'main.tf' }).waitFor({ timeout: 30_000 });
  await waitForSquiggle(page, 'any', 120_000);
  // Without the side bar the report gets the width (and the screenshot kept for the README shows more).
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await runCommand(page, 'CLOUD Act Lens: Show Workspace Report', 60_000);
  const frame = await findWebviewFrame(page, 'Placements', 120_000);
  const table = frame.locator('#placements');
  await table.locator('tbody tr[data-row]').first().waitFor({ timeout: 30_000 });
  const rows = await table.locator('tbody tr[data-row]').allInnerTexts();
  log(`table rows:\n      ${rows.map((r) => r.replace(/\s+/g, ' ').slice(0, 160)).join('\n      ')}`);
  assert.equal(rows.length, 7, 'one row per resource');
  assert.ok(rows.some((r) => r.includes('aws_s3_bucket.invoices') && r.includes('eu-central-1')));
  assert.ok(
    rows.some((r) => r.includes('accepted: public marketing assets only')),
    'the accepted reason is shown',
  );
  const summary = await frame.locator('#summary').innerText();
  assert.match(summary, /7\s+resources/);
  assert.match(summary, /5\s+in non-U\.S\. regions/);
  // The table shows where copies go, and the summary counts the copies that leave the country.
  assert.match(summary, /1\s+with a copy of their data in another country/);
  assert.ok(
    rows.some((r) => r.includes('aws_dynamodb_table.orders') && r.includes('replica: us-east-1 (United States)')),
    'the copies column names the replica',
  );
  const copies = await frame.locator('#copies').innerText();
  assert.match(copies, /aws_dynamodb_table\.orders .*replica: us-east-1 \(United States\)/s);
  await scrollIntoView(frame.locator('#copies'));
  await screenshot('report-copies');
  await scrollIntoView(frame.locator('#map'));
  await screenshot('report-map');
  await scrollIntoView(frame.locator('#summary'));
  await screenshot('report');

  // Sorting by resource puts aws_db_instance first; a second click reverses the order.
  await frame.locator('th[data-key="resource"] button').click();
  assert.match(await table.locator('tbody tr[data-row]').first().innerText(), /aws_db_instance\.customers/);
  await frame.locator('th[data-key="resource"] button').click();
  assert.match(await table.locator('tbody tr[data-row]').first().innerText(), /aws_sqs_queue\.jobs/);

  // Filtering hides the rows that do not match.
  await frame.locator('#filter').fill('marketing');
  await frame.locator('#row-count', { hasText: '1 of 7' }).waitFor({ timeout: 10_000 });

  // Clicking the row opens main.tf beside the report, as the active editor with the resource selected.
  await table.locator('tbody tr[data-row]:not([hidden])').first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'main.tf' }).first().waitFor({ timeout: 20_000 });
  await page.locator('.editor-group-container').nth(1).waitFor({ timeout: 20_000 });
  await screenshot('report-row-opened');
}
