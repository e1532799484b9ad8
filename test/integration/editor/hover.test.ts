// Hovers on a resource header and on its region value cite the statute and the warrant case.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { diagnosticCode, hoverText, open, positionOf, waitForDiagnostics } from './helpers';
import { waitFor } from './helpers';

describe('hovers', () => {
  it('explains the region value: country, operator, § 2713 with its quote, the case, links', async () => {
    const doc = await open('tf/main.tf');
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'CAL001');
    const text = await waitFor(
      async () => {
        const t = await hoverText(doc.uri, positionOf(doc, 'eu-central-1', 3));
        return t.includes('CLOUD Act Lens') ? t : undefined;
      },
      { description: 'our hover on the region value' },
    );
    assert.match(text, /Germany/);
    assert.match(text, /Frankfurt/);
    assert.match(text, /Amazon\.com, Inc\./);
    assert.match(text, /§ 2713/);
    assert.match(text, /possession, custody, or control, regardless of whether/);
    assert.match(text, /829 F\.3d 197/);
    assert.match(text, /138 S\. Ct\. 1186/);
    assert.match(text, /https:\/\/uscode\.house\.gov\/view\.xhtml\?req=granuleid:USC-prelim-title18-section2713/);
    assert.match(text, /command:cloudActLens\.explainRegion/);
  });

  it('describes the resource on its header', async () => {
    const doc = await open('tf/main.tf');
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'CAL001');
    const text = await hoverText(doc.uri, positionOf(doc, 'resource "aws_s3_bucket"', 2));
    assert.match(text, /aws_s3_bucket\.invoices/);
    assert.match(text, /Customer data/);
  });

  it('explains a variable default that feeds a region', async () => {
    const main = await open('tfvar/main.tf');
    await waitForDiagnostics(main.uri, (ds) => ds.length > 0, 'CAL001');
    const vars = await open('tfvar/variables.tf');
    const text = await waitFor(
      async () => {
        const t = await hoverText(vars.uri, positionOf(vars, 'eu-central-1', 3));
        return t.includes('aws_s3_bucket.reports') ? t : undefined;
      },
      { description: 'our hover on the variable default' },
    );
    assert.match(text, /Germany/);
    assert.match(text, /§ 2713/);
  });

  it('shows where copies go: the pair of a GRS storage account, and CAL008 for it', async () => {
    const doc = await open('copies/main.tf');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => diagnosticCode(x) === 'CAL008'), 'CAL008');
    const cal008 = ds.find((x) => diagnosticCode(x) === 'CAL008')!;
    assert.match(cal008.message, /southcentralus \(United States\)/);
    const text = await waitFor(
      async () => {
        const t = await hoverText(doc.uri, positionOf(doc, 'resource "azurerm_storage_account"', 2));
        return t.includes('Copies of the data') ? t : undefined;
      },
      { description: 'our hover with the copies of the storage account' },
    );
    assert.match(
      text,
      /geo-redundancy: `southcentralus` \(US\), Microsoft Corporation \(US\) — \*\*another country\*\*/,
    );
    assert.match(text, /southcentralus is the published pair of brazilsouth/);
    assert.match(text, /§ 2713/);
  });

  it('adds nothing where there is no resource or region', async () => {
    const doc = await open('tf/main.tf');
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'CAL001');
    const text = await hoverText(doc.uri, new vscode.Position(6, 4));
    assert.doesNotMatch(text, /CLOUD Act Lens/);
  });

  it('opens the full explanation of a region', async function () {
    this.timeout(90_000); // the first markdown document activates the markdown extension
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('cloudActLens.explainRegion', {
      provider: 'aws',
      region: 'eu-central-1',
    });
    assert.ok(doc, 'a document is returned');
    assert.match(doc.getText(), /Frankfurt/);
    assert.match(doc.getText(), /## Legal note/);
    assert.equal(doc.isDirty, false, 'read-only: closing never asks to save');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
