// A repository cannot make the extension read or show a file outside the workspace folder: a link that
// leads out, read through file(), is refused, and its content appears in no diagnostic and no hover.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { diagnosticCode, hoverText, positionOf, waitForDiagnostics, workspaceFile } from './helpers';

const MARKER = 'zz-outside-secret-7f3a';

describe('files outside the workspace', () => {
  let outside: string;
  let dir: string;

  before(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.txt'), `${MARKER}\n`);
    dir = workspaceFile('outside-link').fsPath;
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'region.txt'));
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      'provider "aws" {\n  region = trimspace(file("${path.module}/region.txt"))\n}\n\n' +
        'resource "aws_s3_bucket" "linked" {\n  bucket = "linked"\n}\n',
    );
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('refuses a link that leads out of the folder and shows nothing of its content', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, 'main.tf')));
    await vscode.window.showTextDocument(doc, { preview: false });
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'a finding for the linked bucket');
    for (const d of diags) {
      assert.ok(!d.message.includes(MARKER), `diagnostic shows the outside file: ${d.message}`);
      for (const r of d.relatedInformation ?? []) {
        assert.ok(!r.message.includes(MARKER), r.message);
      }
    }
    // The region could not be read, so it is unresolved (CAL002), saying which file, not what it holds.
    assert.ok(
      diags.some((d) => diagnosticCode(d) === 'CAL002' && /region\.txt.*cannot be read/.test(d.message)),
      diags.map((d) => d.message).join('\n'),
    );
    const text = await hoverText(doc.uri, positionOf(doc, 'resource "aws_s3_bucket"', 2));
    assert.ok(!text.includes(MARKER), 'the hover shows the outside file');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
