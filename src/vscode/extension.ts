import * as vscode from 'vscode';
import { COMMANDS } from './constants';
import { DiagnosticsFeature } from './diagnostics';
import { registerReport } from './report/register-report';
import { WorkspaceAnalysis } from './workspace-analysis';

/** Composes the features; each is a Disposable registered on the context. */
export function activate(context: vscode.ExtensionContext): void {
  const diagnostics = new DiagnosticsFeature();
  const analysis = new WorkspaceAnalysis();
  context.subscriptions.push(
    diagnostics,
    analysis,
    ...registerReport(context, analysis),
    vscode.commands.registerCommand(COMMANDS.rescanWorkspace, () => diagnostics.refreshAll()),
    // Placeholder until the explain feature lands; kept so every contributed command runs.
    ...[COMMANDS.explainRegion].map((id) =>
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
