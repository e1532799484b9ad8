// Helpers that locate and open files of the suite's fixture workspace inside VS Code.
import * as vscode from 'vscode';

import { waitFor } from './wait-for';

/** The extension's id as published (publisher.name in package.json). */
export const EXTENSION_ID = 'cloud-act-lens.cloud-act-lens';

/** The source our diagnostics carry. */
export const DIAGNOSTIC_SOURCE = 'CLOUD Act Lens';

/** URI of `relativePath` inside the first workspace folder (the suite's `workspace/`). */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('no workspace folder is open; the runner must open the suite workspace');
  }
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a workspace file in an editor, as a user would, and returns its document. */
export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The code of a diagnostic as a string, whether VS Code holds it as a value or `{ value, target }`. */
export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) {
    return undefined;
  }
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Waits until `uri` has one of our diagnostics with rule id `code`, and returns it. On timeout the
 * error lists the diagnostics that were there, which usually explains the failure.
 */
export async function waitForOurDiagnostic(
  uri: vscode.Uri,
  code: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic> {
  try {
    return await waitFor(
      () =>
        vscode.languages.getDiagnostics(uri).find((d) => d.source === DIAGNOSTIC_SOURCE && diagnosticCode(d) === code),
      { timeoutMs, description: `a ${DIAGNOSTIC_SOURCE} diagnostic ${code} on ${uri.path}` },
    );
  } catch (e) {
    const present = vscode.languages
      .getDiagnostics(uri)
      .map((d) => `${d.source ?? '?'} ${diagnosticCode(d) ?? '?'} line ${d.range.start.line + 1}: ${d.message}`);
    throw new Error(`${(e as Error).message}; diagnostics present: ${present.length ? present.join(' | ') : 'none'}`);
  }
}

/** Activates our extension (activation events normally do it) and fails clearly when it is absent. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    throw new Error(`extension ${EXTENSION_ID} is not installed`);
  }
  await ext.activate();
  return ext;
}
