// Helpers for the editor suite: our diagnostics, edits on unsaved documents, hover text.
import * as vscode from 'vscode';

import { waitFor } from '../util/wait-for';
import { DIAGNOSTIC_SOURCE, diagnosticCode, workspaceFile } from '../util/workspace';

export { diagnosticCode, waitFor, workspaceFile };

/** Our diagnostics on `uri`, optionally only those with rule id `code`. */
export function ours(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && (code === undefined || diagnosticCode(d) === code));
}

/** Waits until `predicate` holds for our diagnostics on `uri`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  description: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diags = ours(uri);
      return predicate(diags) ? diags : undefined;
    },
    {
      timeoutMs,
      description: `${description} on ${uri.path} (now: ${
        ours(uri)
          .map((d) => d.message)
          .join(' | ') || 'none'
      })`,
    },
  );
}

/** Opens a workspace file in an editor and returns its document. */
export async function open(relativePath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Replaces the first occurrence of `from` with `to` in the (unsaved) document, as typing would. */
export async function replaceText(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = doc.getText().indexOf(from);
  if (at < 0) {
    throw new Error(`"${from}" is not in ${doc.uri.path}`);
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error('the edit was not applied');
  }
}

/**
 * Puts `text` back into `doc` and saves it, so that later tests see the fixture as it was. (Reverting is
 * not enough: code-server may auto-save edits.)
 */
export async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  await doc.save();
}

/** The plain text of the hovers VS Code shows at `pos`. */
export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return (
    hovers
      .flatMap((h) => h.contents)
      // Other extensions' hovers may still use the deprecated MarkedString form ({ language, value }).
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n')
  );
}

/** Position of the first occurrence of `text` in `doc` (plus `offset` characters). */
export function positionOf(doc: vscode.TextDocument, text: string, offset = 1): vscode.Position {
  const at = doc.getText().indexOf(text);
  if (at < 0) {
    throw new Error(`"${text}" is not in ${doc.uri.path}`);
  }
  return doc.positionAt(at + offset);
}
