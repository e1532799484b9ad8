import * as vscode from 'vscode';
import { CONFIG_SECTION, COMMANDS } from './constants';
import type { FindingsStore } from './findings-store';
import { readEditorSettings } from './settings';

/** The number of open CAL001 findings in the workspace; a click opens the report. */
export class StatusBarFeature implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cloudActLens.cal001', vscode.StatusBarAlignment.Left, 10);
  private readonly subs: vscode.Disposable[];

  constructor(private readonly store: FindingsStore) {
    this.item.name = 'CLOUD Act Lens';
    this.item.command = COMMANDS.showReport;
    this.subs = [
      store.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${CONFIG_SECTION}.statusBar`)) {
          this.update();
        }
      }),
    ];
    this.update();
  }

  private update(): void {
    if (!readEditorSettings(undefined).statusBar) {
      this.item.hide();
      return;
    }
    const n = this.store.count('CAL001');
    this.item.text = `$(globe) CAL001: ${n}`;
    this.item.tooltip =
      n === 1
        ? 'CLOUD Act Lens: 1 resource in a non-U.S. region under U.S. control. Click for the workspace report.'
        : `CLOUD Act Lens: ${n} resources in non-U.S. regions under U.S. control. Click for the workspace report.`;
    this.item.show();
  }

  dispose(): void {
    this.subs.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
