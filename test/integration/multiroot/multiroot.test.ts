// A multi-root workspace (a `.code-workspace` file with two folders): each folder is analysed on its
// own, with its own project file (and the baseline it names), and the workspace scan covers files in
// both that were never opened.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { activateExtension, waitForOurDiagnostic } from '../util/workspace';

function folderFile(folderName: string, file: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === folderName);
  if (!folder) {
    const names = (vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(', ');
    throw new Error(`no workspace folder ${folderName} (open: ${names || 'none'})`);
  }
  return vscode.Uri.joinPath(folder.uri, file);
}

async function open(folderName: string, file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(folderFile(folderName, file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('multi-root workspace', () => {
  it('opens both folders of the .code-workspace file', () => {
    assert.deepEqual(
      (vscode.workspace.workspaceFolders ?? []).map((f) => f.name),
      ['eu-team', 'ops-team'],
    );
  });

  it("applies a folder's project file to that folder only", async () => {
    const eu = await open('eu-team', 'main.tf');
    await activateExtension();
    const euDiagnostic = await waitForOurDiagnostic(eu.uri, 'CAL001');
    // eu-team/.cloud-act-lens.json raises CAL001 to an error ...
    assert.equal(euDiagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(euDiagnostic.message, /aws_s3_bucket\.eu_records/);

    // ... and ops-team, whose project file only names a baseline, keeps the default (a warning).
    const ops = await open('ops-team', 'main.tf');
    const opsDiagnostic = await waitForOurDiagnostic(ops.uri, 'CAL001');
    assert.equal(opsDiagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(opsDiagnostic.message, /aws_s3_bucket\.ops_logs/);
    assert.match(opsDiagnostic.message, /eu-west-1/);
  });

  it('the workspace scan reports files of both folders that were never opened', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('cloudActLens.rescanWorkspace');
    const backup = await waitForOurDiagnostic(folderFile('eu-team', 'backup.tf'), 'CAL001');
    assert.equal(backup.severity, vscode.DiagnosticSeverity.Error);
    assert.match(backup.message, /eu-north-1/);
    const archive = await waitForOurDiagnostic(folderFile('ops-team', 'archive.tf'), 'CAL001');
    assert.equal(archive.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(archive.message, /eu-west-3/);
  });

  it("applies the baseline that a folder's project file names", async () => {
    await activateExtension();
    await vscode.commands.executeCommand('cloudActLens.rescanWorkspace');
    // archive.tf and legacy.tf are one unit: once archive.tf has its diagnostic, legacy.tf was analysed too.
    await waitForOurDiagnostic(folderFile('ops-team', 'archive.tf'), 'CAL001');
    const legacy = vscode.languages
      .getDiagnostics(folderFile('ops-team', 'legacy.tf'))
      .filter((d) => /ops_legacy/.test(d.message) && !/accepted/i.test(d.message));
    assert.deepEqual(
      legacy.map((d) => d.message),
      [],
    );
  });
});
