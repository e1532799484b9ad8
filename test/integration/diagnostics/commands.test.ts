// The extension's commands are registered once it is active and run without throwing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openWorkspaceFile } from '../util/workspace';

describe('commands', () => {
  it('registers its commands under the cloudActLens. prefix', async () => {
    await openWorkspaceFile('main.tf');
    await activateExtension();
    const ours = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('cloudActLens.'));
    assert.ok(ours.includes('cloudActLens.showReport'), `registered: ${ours.join(', ') || 'none'}`);
  });

  it('runs cloudActLens.showReport', async () => {
    await openWorkspaceFile('main.tf');
    await activateExtension();
    await vscode.commands.executeCommand('cloudActLens.showReport');
  });
});
