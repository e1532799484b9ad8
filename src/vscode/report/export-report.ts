import * as vscode from 'vscode';

import { FORMAT_EXTENSIONS, FORMATTERS } from '../../engine';
import type { WorkspaceScan } from '../workspace-analysis';
import { workspaceReport } from './workspace-report';

/** Formats offered by the export command, in the order shown. */
export const EXPORT_FORMATS = [
  { format: 'markdown', label: 'Markdown', detail: 'For pull requests, wikis and tickets' },
  { format: 'html', label: 'HTML', detail: 'Self-contained page; prints well' },
  { format: 'json', label: 'JSON', detail: 'The CLI JSON document (schemaVersion 1)' },
  { format: 'csv', label: 'CSV', detail: 'One row per placement, for spreadsheets' },
  { format: 'sarif', label: 'SARIF', detail: 'SARIF 2.1.0 for GitHub code scanning and other viewers' },
] as const;

/** Optional arguments of the export command (for keybindings, tasks and tests). */
export interface ExportArgs {
  format?: string;
  /** Target file: a URI or an absolute path. Without it a save dialog asks. */
  target?: vscode.Uri | string;
}

function isExportArgs(a: unknown): a is ExportArgs {
  return typeof a === 'object' && a !== null && !(a instanceof vscode.Uri);
}

async function pickFormat(): Promise<string | undefined> {
  const pick = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f.label, detail: f.detail, format: f.format })),
    { title: 'CLOUD Act Lens: Export Report', placeHolder: 'Choose a format' },
  );
  return pick?.format;
}

async function pickTarget(format: string): Promise<vscode.Uri | undefined> {
  const ext = FORMAT_EXTENSIONS[format];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const label = EXPORT_FORMATS.find((f) => f.format === format)?.label ?? format;
  return vscode.window.showSaveDialog({
    title: 'CLOUD Act Lens: Export Report',
    defaultUri: folder ? vscode.Uri.joinPath(folder, `cloud-act-lens-report.${ext}`) : undefined,
    filters: { [label]: [ext] },
    saveLabel: 'Export',
  });
}

/**
 * Writes the report of `scan()` in a chosen format to a chosen file and returns where, or undefined
 * when the user cancelled. `scan` is only called once format and target are known.
 */
export async function exportReport(
  scan: () => Thenable<WorkspaceScan | undefined>,
  rawArgs?: unknown,
): Promise<vscode.Uri | undefined> {
  const args: ExportArgs = isExportArgs(rawArgs) ? rawArgs : {};
  const format = args.format ?? (await pickFormat());
  if (!format) {
    return undefined;
  }
  const formatter = FORMATTERS[format];
  if (!formatter || format === 'table') {
    void vscode.window.showErrorMessage(`CLOUD Act Lens: unknown report format "${format}".`);
    return undefined;
  }
  const target =
    typeof args.target === 'string' ? vscode.Uri.file(args.target) : (args.target ?? (await pickTarget(format)));
  if (!target) {
    return undefined;
  }
  const result = await scan();
  if (!result) {
    return undefined;
  }
  const data = {
    ...workspaceReport(result).data,
    scan: { at: result.at, paths: result.folders.map((f) => f.folder.name) },
  };
  const text = formatter(data, { color: false });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window
    .showInformationMessage(`CLOUD Act Lens: report written to ${vscode.workspace.asRelativePath(target)}.`, 'Open')
    .then((choice) => (choice === 'Open' ? vscode.commands.executeCommand('vscode.open', target) : undefined));
  return target;
}
