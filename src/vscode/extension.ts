import * as vscode from 'vscode';
import { COMMANDS } from './constants';
import { DiagnosticsFeature } from './diagnostics';

/** Composes the features; each is a Disposable registered on the context. */
export function activate(context: vscode.ExtensionContext): void {
  const diagnostics = new DiagnosticsFeature();
  context.subscriptions.push(
    diagnostics,
    vscode.commands.registerCommand(COMMANDS.rescanWorkspace, () => diagnostics.refreshAll()),
    // Placeholders until the report and explain features land; kept so every contributed command runs.
    ...[COMMANDS.showReport, COMMANDS.exportReport, COMMANDS.explainRegion].map((id) =>
      vscode.commands.registerCommand(id, () =>
        vscode.window.showInformationMessage(`CLOUD Act Lens: ${id} is not available yet.`),
      ),
    ),
  );
  diagnostics.start();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
