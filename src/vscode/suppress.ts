import * as vscode from 'vscode';

import { PROJECT_FILE, type RuleId } from '../engine';
import { COMMANDS } from './constants';
import {
  addAcceptedEntry,
  checkExpiry,
  checkReason,
  commentStyleFor,
  directiveText,
  fileInFolder,
  suppressionInsertion,
} from './suppress-edit';
import type { WorkspaceAnalysis } from './workspace-analysis';

/** Arguments of the suppression commands (code actions fill them; tests may add `reason`). */
export interface SuppressArgs {
  uri: string;
  ruleId: RuleId;
  resource: string;
  scope?: 'next' | 'file';
  /** Line of the resource header (0-based) for `next`. */
  line?: number;
  reason?: string;
  expires?: string;
}

async function askReason(args: SuppressArgs): Promise<{ reason: string; expires?: string } | undefined> {
  if (args.reason !== undefined) {
    return checkReason(args.reason) ? undefined : { reason: args.reason, expires: args.expires };
  }
  const reason = await vscode.window.showInputBox({
    title: `Accept ${args.ruleId}${args.scope === 'file' ? ' in this file' : ` for ${args.resource}`}`,
    prompt: 'Why is this accepted? The reason is kept in the source and shown in the report.',
    placeHolder: 'e.g. public marketing assets only',
    validateInput: checkReason,
    ignoreFocusOut: true,
  });
  if (reason === undefined) {
    return undefined;
  }
  const expires = await vscode.window.showInputBox({
    title: 'Expiry date (optional)',
    prompt: 'After this date (YYYY-MM-DD) the finding is reported again. Leave empty for no expiry.',
    validateInput: checkExpiry,
    ignoreFocusOut: true,
  });
  return { reason, expires: expires?.trim() || undefined };
}

/** Inserts a `cloud-act-lens:ignore` (or `ignore-file`) directive in the file's comment syntax. */
async function suppress(args: SuppressArgs, analysis: WorkspaceAnalysis): Promise<boolean> {
  const uri = vscode.Uri.parse(args.uri);
  const style = commentStyleFor(uri.path);
  if (!style) {
    return acceptInProjectFile(args, analysis);
  }
  const answer = await askReason(args);
  if (!answer) {
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const lines = doc.getText().split(/\r?\n/);
  const scope = args.scope ?? 'next';
  const directive = directiveText(style, scope, [args.ruleId], answer.reason, answer.expires);
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const at = suppressionInsertion(lines, args.line ?? 0, scope, directive, eol);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(at.line, 0), at.text);
  return vscode.workspace.applyEdit(edit);
}

/** Adds an `accepted` entry to `.cloud-act-lens.json` at the root of the file's workspace folder. */
async function acceptInProjectFile(args: SuppressArgs, analysis: WorkspaceAnalysis): Promise<boolean> {
  const uri = vscode.Uri.parse(args.uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showWarningMessage('CLOUD Act Lens: the project file needs a workspace folder.');
    return false;
  }
  const answer = await askReason(args);
  if (!answer) {
    return false;
  }
  const target = vscode.Uri.joinPath(folder.uri, PROJECT_FILE);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  let text: string | undefined = open?.getText();
  if (text === undefined) {
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    } catch {
      text = undefined;
    }
  }
  // Scoped to the file the finding is in: the same address in another stack is not accepted with it.
  const file = fileInFolder(folder.uri.path, uri.path);
  const next = addAcceptedEntry(text, {
    ruleId: args.ruleId,
    resource: args.resource,
    file,
    reason: answer.reason,
    expires: answer.expires,
  });
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(target, new vscode.Range(0, 0, open.lineCount, 0), next);
    const ok = (await vscode.workspace.applyEdit(edit)) && (await open.save());
    analysis.reloadConfig(folder);
    return ok;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(next));
  analysis.reloadConfig(folder);
  return true;
}

/** Registers the three suppression commands. */
export function registerSuppressCommands(analysis: WorkspaceAnalysis): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.suppressFinding, (args: SuppressArgs) =>
      suppress({ ...args, scope: 'next' }, analysis),
    ),
    vscode.commands.registerCommand(COMMANDS.suppressRuleInFile, (args: SuppressArgs) =>
      suppress({ ...args, scope: 'file' }, analysis),
    ),
    vscode.commands.registerCommand(COMMANDS.acceptInProjectFile, (args: SuppressArgs) =>
      acceptInProjectFile(args, analysis),
    ),
  ];
}
