// Files reached only through workspace.fs (a virtual file system) are analysed like local ones, in the
// context of their module: the region comes from a variables file that is never opened.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { waitForDiagnostics } from './helpers';
import { MemoryFs } from './memory-fs';

describe('virtual file systems', () => {
  it('reports CAL001 for a module on a file system provided by another extension', async () => {
    const fs = new MemoryFs();
    const registration = vscode.workspace.registerFileSystemProvider('cal-memfs', fs);
    try {
      const enc = new TextEncoder();
      const main = vscode.Uri.parse('cal-memfs:/infra/main.tf');
      fs.writeFile(
        main,
        enc.encode(
          'provider "aws" {\n  region = var.region\n}\n\nresource "aws_s3_bucket" "vfs" {\n  bucket = "vfs"\n}\n',
        ),
      );
      fs.writeFile(
        vscode.Uri.parse('cal-memfs:/infra/variables.tf'),
        enc.encode('variable "region" {\n  default = "eu-west-1"\n}\n'),
      );
      const doc = await vscode.workspace.openTextDocument(main);
      await vscode.window.showTextDocument(doc);
      const [d] = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'CAL001 on the virtual file');
      assert.match(d.message, /Ireland/);
      const related = d.relatedInformation ?? [];
      assert.ok(
        related.some((r) => r.location.uri.scheme === 'cal-memfs' && r.location.uri.path === '/infra/variables.tf'),
        'related information keeps the virtual scheme',
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      registration.dispose();
    }
  });
});
