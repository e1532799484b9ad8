import * as vscode from 'vscode';

import { buildReportModel, isoMinute } from '../../engine';
import type { WorkspaceScan } from '../workspace-analysis';
import { type ExtensionToWebview, parseWebviewMessage, type WebviewToExtension } from './messages';
import { buildReportHtml, reportBodyHtml } from './report-html';
import { type WorkspaceReport, workspaceReport } from './workspace-report';

export const REPORT_VIEW_TYPE = 'cloudActLens.report';

/** What tests can observe about the panel (returned by the show command). */
export interface ReportPanelState {
  ready: boolean;
  visible: boolean;
  rows: number;
  renders: number;
  /** The table's text per row as rendered (file:line and resource), in row order. */
  rowLabels: string[];
  /** The editor column the report is shown in. */
  viewColumn?: number;
}

export interface ReportPanelHooks {
  rescan(): void;
  exportReport(): void;
}

/**
 * The report webview: one panel per window, re-rendered when a new scan arrives. The page shows the
 * scan it was built with until the script says `ready`; later scans are posted as `render` messages so
 * that the table keeps its sort and filter.
 */
export class ReportPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private report: WorkspaceReport;
  private scannedAt: string;
  private ready = false;
  private renders = 0;
  private disposed = false;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  /**
   * Creates the panel, or takes over `restored`, the panel VS Code brings back after a window reload
   * (see the serializer in register-report.ts).
   */
  constructor(
    private readonly extensionUri: vscode.Uri,
    scan: WorkspaceScan,
    private readonly hooks: ReportPanelHooks,
    restored?: vscode.WebviewPanel,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    if (restored) {
      restored.webview.options = reportWebviewOptions(extensionUri);
      this.panel = restored;
    } else {
      // Beside the editors, so that the code stays in view; alone when no editor is open.
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      this.panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'CLOUD Act Lens Report', column, {
        ...reportWebviewOptions(extensionUri),
        retainContextWhenHidden: false,
      });
    }
    this.panel.iconPath = vscode.Uri.joinPath(media, 'report-icon.svg');
    this.report = workspaceReport(scan);
    this.scannedAt = isoMinute(scan.at);
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((raw) => {
        const msg = parseWebviewMessage(raw);
        if (msg) {
          void this.receive(msg);
        }
      }),
      // A hidden webview is destroyed (no retained context); it says `ready` again when shown.
      this.panel.onDidChangeViewState(() => {
        if (!this.panel.visible) {
          this.ready = false;
        }
      }),
    );
    this.renderPage();
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Shows a newer scan. */
  update(scan: WorkspaceScan): void {
    this.report = workspaceReport(scan);
    this.scannedAt = isoMinute(scan.at);
    if (this.ready) {
      this.renders++;
      const msg: ExtensionToWebview = {
        type: 'render',
        body: reportBodyHtml(buildReportModel(this.report.data), this.scannedAt),
        generation: this.renders,
      };
      void this.panel.webview.postMessage(msg);
    } else {
      this.renderPage();
    }
  }

  state(): ReportPanelState {
    const model = buildReportModel(this.report.data);
    return {
      ready: this.ready,
      visible: this.panel.visible,
      rows: model.rows.length,
      renders: this.renders,
      rowLabels: model.rows.map((r) => `${r.file}:${r.line} ${r.resource}`),
      viewColumn: this.panel.viewColumn,
    };
  }

  /** Handles one message from the webview; public so that integration tests can drive the protocol. */
  async receive(msg: WebviewToExtension): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        return;
      case 'open': {
        const loc = this.report.locate(msg.row);
        if (!loc) {
          return;
        }
        const r = loc.range;
        const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
        // In the editors' group when the report is beside it, else beside the report.
        const beside = this.panel.viewColumn !== undefined && this.panel.viewColumn > vscode.ViewColumn.One;
        await vscode.window.showTextDocument(loc.uri, {
          selection: range,
          viewColumn: beside ? vscode.ViewColumn.One : vscode.ViewColumn.Beside,
          preview: true,
        });
        return;
      }
      case 'rescan':
        this.hooks.rescan();
        return;
      case 'export':
        this.hooks.exportReport();
        return;
    }
  }

  private renderPage(): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    this.renders++;
    webview.html = buildReportHtml({
      model: buildReportModel(this.report.data),
      nonce: nonce(),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css')).toString(),
      scriptUri: webview
        .asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'report.js'))
        .toString(),
      scannedAt: this.scannedAt,
    });
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    while (this.disposables.length > 0) {
      this.disposables.pop()?.dispose();
    }
    this.panel.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
  }
}

/** What the report's webview may do: run its own script and load from `media/` and `dist/webview/` only. */
export function reportWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'media'),
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
    ],
  };
}

/** A fresh script nonce for the webview's content security policy (Web Crypto: also in a browser host). */
function nonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
