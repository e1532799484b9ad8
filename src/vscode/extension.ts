import * as vscode from 'vscode';

import { registerSetAzureLocation } from './azure-location';
import { CodeActionsFeature } from './code-actions';
import { CodeLensFeature, registerToggleCodeLens } from './code-lens';
import { COMMANDS } from './constants';
import { DiagnosticsPublisher } from './diagnostics';
import { registerExplainRegion } from './explain-region';
import { FindingsStore } from './findings-store';
import { HoverFeature } from './hover';
import { LiveAnalysis } from './live-analysis';
import { registerReport } from './report/register-report';
import { StatusBarFeature } from './status-bar';
import { registerSuppressCommands } from './suppress';
import { WorkspaceAnalysis } from './workspace-analysis';

/** Documents we analyse, for the language features (ARM templates are JSON: checked per document). */
const SELECTOR: vscode.DocumentSelector = [
  { language: 'terraform' },
  { language: 'terraform-vars' },
  { language: 'bicep' },
  { language: 'bicep-params' },
  { language: 'json' },
  { language: 'jsonc' },
  { pattern: '**/*.{tf,tofu,tfvars,bicep,bicepparam}' },
];

/** Composes the features; each is a Disposable registered on the context. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('CLOUD Act Lens');
  const analysis = new WorkspaceAnalysis();
  const store = new FindingsStore();
  const live = new LiveAnalysis(analysis, store, output);
  const lenses = new CodeLensFeature(store);
  context.subscriptions.push(
    output,
    analysis,
    store,
    new DiagnosticsPublisher(store),
    live,
    lenses,
    new StatusBarFeature(store, analysis),
    vscode.languages.registerHoverProvider(SELECTOR, new HoverFeature(store)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CodeActionsFeature(store), {
      providedCodeActionKinds: CodeActionsFeature.kinds,
    }),
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    ...registerExplainRegion(store),
    registerToggleCodeLens(),
    registerSetAzureLocation(),
    ...registerSuppressCommands(analysis),
    vscode.commands.registerCommand(COMMANDS.rescanWorkspace, () => live.refreshAll()),
    ...registerReport(context, analysis),
  );
  live.start();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
