// The extension's commands are registered once it is active, and the rescan command runs.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { activateExtension, openWorkspaceFile, waitForOurDiagnostic } from '../util/workspace';

interface ContributedCommand {
  command: string;
}

describe('commands', () => {
  it('registers every command that package.json contributes, all under cloudActLens.', async () => {
    await openWorkspaceFile('main.tf');
    const ext = await activateExtension();
    const contributed = (
      (ext.packageJSON as { contributes?: { commands?: ContributedCommand[] } }).contributes?.commands ?? []
    ).map((c) => c.command);
    assert.ok(contributed.includes('cloudActLens.showReport'), `contributed: ${contributed.join(', ')}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of contributed) {
      assert.ok(id.startsWith('cloudActLens.'), `${id} carries the cloudActLens. prefix`);
      assert.ok(registered.has(id), `${id} is registered`);
    }
  });

  it('runs cloudActLens.rescanWorkspace and keeps the findings', async () => {
    const doc = await openWorkspaceFile('main.tf');
    await activateExtension();
    await vscode.commands.executeCommand('cloudActLens.rescanWorkspace');
    await waitForOurDiagnostic(doc.uri, 'CAL001');
  });
});
