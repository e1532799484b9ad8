import * as vscode from 'vscode';

import { COMMANDS, CONFIG_SECTION } from './constants';
import type { FindingsStore } from './findings-store';
import { readEditorSettings } from './settings';
import type { WorkspaceAnalysis } from './workspace-analysis';

/**
 * The number of open CAL001 findings in the workspace; a click opens the report. It never shows a
 * number that is not the workspace's: while a scan runs it says so, and when a folder is over the size
 * limit (only open files analysed) it says the count covers open files only.
 */
export class StatusBarFeature implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cloudActLens.cal001', vscode.StatusBarAlignment.Left, 10);
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly store: FindingsStore,
    private readonly analysis?: WorkspaceAnalysis,
  ) {
    this.item.name = 'CLOUD Act Lens';
    this.item.command = COMMANDS.showReport;
    this.subs = [
      store.onDidChange(() => this.update()),
      ...(analysis ? [analysis.onDidChangeScanning(() => this.update()), analysis.onDidScan(() => this.update())] : []),
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
    // The headline counts resources that hold customer data; those that hold none (configuration
    // only, reported as information) are counted apart.
    const { customerData: n, other } = this.store.countByData('CAL001');
    const resources = n === 1 ? '1 resource that holds customer data' : `${n} resources that hold customer data`;
    const others = other > 0 ? ` (and ${other} that ${other === 1 ? 'holds' : 'hold'} none)` : '';
    const extra = other > 0 ? ` +${other} info` : '';
    const over = (this.analysis?.latest?.folders ?? []).filter((f) => f.overLimit);
    if (this.analysis?.scanning) {
      this.item.text = '$(sync~spin) CAL001: scanning…';
      this.item.tooltip = 'CLOUD Act Lens is scanning the workspace; the count follows when it is done.';
    } else if (over.length > 0) {
      const which = over
        .map((f) => `${f.folder.name} has ${f.overLimit!.files} supported files, more than ${f.overLimit!.limit}`)
        .join('; ');
      this.item.text = `$(warning) CAL001: ${n}${extra} in open files`;
      this.item.tooltip =
        `CLOUD Act Lens: workspace analysis is paused (${which}: cloudActLens.workspaceAnalysis.maxFiles). ` +
        `${resources}${others} in non-U.S. regions under U.S. control in the open files only. Click to scan the whole workspace and open the report.`;
    } else {
      this.item.text = `$(globe) CAL001: ${n}${extra}`;
      this.item.tooltip = `CLOUD Act Lens: ${resources}${others} in non-U.S. regions under U.S. control. Click for the workspace report.`;
    }
    this.item.show();
  }

  dispose(): void {
    this.subs.forEach((s) => {
      s.dispose();
    });
    this.item.dispose();
  }
}
