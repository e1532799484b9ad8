import * as vscode from 'vscode';

import { COMMANDS } from '../constants';
import type { WorkspaceAnalysis, WorkspaceScan } from '../workspace-analysis';
import { exportReport } from './export-report';
import { REPORT_VIEW_TYPE, ReportPanel, type ReportPanelState, reportWebviewOptions } from './report-panel';

/** Files whose change makes an open report rescan (ARM templates are JSON). */
const WATCH_GLOB = '**/*.{tf,tofu,tfvars,tf.json,bicep,bicepparam,json,jsonc}';
const RESCAN_DELAY_MS = 1000;
/** What a report restored by a window reload shows until its scan is done (no script, no content). */
const RESTORING_HTML =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';"></head>' +
  '<body><p>CLOUD Act Lens: scanning the workspace…</p></body></html>';

/** Returned by the show command so that integration tests can observe the panel and drive its protocol. */
export interface ReportHandle {
  state(): ReportPanelState;
  receive: ReportPanel['receive'];
}

/**
 * Registers "Show Workspace Report" and "Export Report...". The report follows the shared analysis: any
 * whole-workspace scan updates it, and while it is open, changes to analysed files trigger a rescan.
 */
export function registerReport(context: vscode.ExtensionContext, analysis: WorkspaceAnalysis): vscode.Disposable[] {
  let panel: ReportPanel | undefined;
  let timer: NodeJS.Timeout | undefined;

  const scanWithProgress = (): Thenable<WorkspaceScan | undefined> =>
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'CLOUD Act Lens: scanning workspace',
        cancellable: true,
      },
      async (progress, token) => {
        const scan = await analysis.scanAll(token, (message) => progress.report({ message }));
        return token.isCancellationRequested ? undefined : scan;
      },
    );

  const scheduleRescan = (uri: vscode.Uri, structural = false) => {
    if (/\/(node_modules|\.git|\.terraform)\//.test(uri.path)) {
      return;
    }
    // The engines cache texts, directory listings and unit results until told otherwise. A created or
    // deleted file changes which files form a unit, which invalidate(path) does not cover: forget all.
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) {
      analysis.engineFor(folder).invalidate(structural ? undefined : uri.path);
    }
    if (!panel) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      const source = new vscode.CancellationTokenSource();
      void analysis.scanAll(source.token).finally(() => source.dispose());
    }, RESCAN_DELAY_MS);
  };

  // Always a fresh scan: the engine caches unchanged files, and `latest` may predate edits.
  const doExport = (args?: unknown) => exportReport(scanWithProgress, args);

  /** Shows `scan` in the open panel, or in a new one (or in `restored`, the panel a window reload brings back). */
  const open = (scan: WorkspaceScan, restored?: vscode.WebviewPanel): ReportPanel => {
    if (panel) {
      panel.update(scan);
      panel.reveal();
      restored?.dispose();
      return panel;
    }
    const created = new ReportPanel(
      context.extensionUri,
      scan,
      {
        rescan: () => void scanWithProgress(),
        exportReport: () => void doExport(),
      },
      restored,
    );
    created.onDidDispose(() => {
      if (panel === created) {
        panel = undefined;
      }
    });
    panel = created;
    return created;
  };

  const show = async (): Promise<ReportHandle | undefined> => {
    const scan = await scanWithProgress();
    if (!scan) {
      return undefined;
    }
    const current = open(scan);
    return { state: () => current.state(), receive: (msg) => current.receive(msg) };
  };

  // After a window reload VS Code brings the report's tab back empty: the report keeps no state of its
  // own (a scan is cheap and the files may have changed), so it says it is scanning and shows a new scan.
  const serializer: vscode.WebviewPanelSerializer = {
    async deserializeWebviewPanel(restored: vscode.WebviewPanel): Promise<void> {
      restored.webview.options = { ...reportWebviewOptions(context.extensionUri), enableScripts: false };
      restored.webview.html = RESTORING_HTML;
      const source = new vscode.CancellationTokenSource();
      const closed = restored.onDidDispose(() => source.cancel());
      try {
        const scan = await analysis.scanAll(source.token);
        if (!source.token.isCancellationRequested) {
          open(scan, restored);
        }
      } finally {
        closed.dispose();
        source.dispose();
      }
    },
  };

  const watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
  return [
    vscode.commands.registerCommand(COMMANDS.showReport, show),
    vscode.commands.registerCommand(COMMANDS.exportReport, (args?: unknown) => doExport(args)),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, serializer),
    analysis.onDidScan((scan) => {
      panel?.update(scan);
    }),
    watcher,
    watcher.onDidChange((uri) => scheduleRescan(uri)),
    watcher.onDidCreate((uri) => scheduleRescan(uri, true)),
    watcher.onDidDelete((uri) => scheduleRescan(uri, true)),
    vscode.workspace.onDidSaveTextDocument((d) => scheduleRescan(d.uri)),
    new vscode.Disposable(() => {
      clearTimeout(timer);
    }),
    new vscode.Disposable(() => {
      panel?.dispose();
    }),
  ];
}
