// Quick fixes insert a working suppression directive: the diagnostic goes away, the finding stays accepted.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { diagnosticCode, open, ours, restore, waitForDiagnostics } from './helpers';

async function actionsFor(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? []
  );
}

describe('code actions', () => {
  it('CAL006: replaces a mistyped region with the nearest known one (a real fix, not a suppression)', async () => {
    const doc = await open('typo/main.tf');
    const original = doc.getText();
    const [d] = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((x) => diagnosticCode(x) === 'CAL006'),
      'CAL006 on the typo',
    ).then((ds) => ds.filter((x) => diagnosticCode(x) === 'CAL006'));
    assert.match(d.message, /Did you mean "eu-central-1"/);
    const actions = await actionsFor(doc, d);
    const fix = actions.find((a) => a.title.startsWith('Replace with "eu-central-1"'));
    assert.ok(fix?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(doc.getText(), /region = "eu-central-1"/);
      await waitForDiagnostics(
        doc.uri,
        (ds) => !ds.some((x) => diagnosticCode(x) === 'CAL006') && ds.some((x) => diagnosticCode(x) === 'CAL001'),
        'CAL001 for Frankfurt instead of CAL006',
      );
    } finally {
      await restore(doc, original);
    }
  });

  it('suppresses a finding for one resource with a reason', async () => {
    const doc = await open('suppress/main.tf');
    const original = doc.getText();
    const [d] = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'CAL001');
    const actions = await actionsFor(doc, d);
    const titles = actions.map((a) => a.title);
    const action = actions.find((a) => a.title.startsWith('Suppress CAL001 for aws_s3_bucket.logs'));
    assert.ok(action?.command, `offered: ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => t.startsWith('Suppress CAL001 in this file')));
    assert.ok(titles.some((t) => t.startsWith('Explain region eu-central-1')));
    assert.ok(titles.some((t) => /workspace report/.test(t)));
    try {
      const args = { ...(action.command.arguments?.[0] as object), reason: 'public log samples only' };
      assert.equal(await vscode.commands.executeCommand(action.command.command, args), true);
      const lines = doc.getText().split('\n');
      const header = lines.findIndex((l) => l.startsWith('resource "aws_s3_bucket" "logs"'));
      assert.equal(lines[header - 1], '# cloud-act-lens:ignore CAL001 -- public log samples only');
      await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no diagnostic once accepted');
    } finally {
      await restore(doc, original);
    }
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'CAL001 back after revert');
  });

  it('suppresses a rule for the whole file', async () => {
    const doc = await open('suppress/main.tf');
    const original = doc.getText();
    const [d] = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'CAL001');
    const action = (await actionsFor(doc, d)).find((a) => a.title.startsWith('Suppress CAL001 in this file'));
    assert.ok(action?.command);
    try {
      const args = { ...(action.command.arguments?.[0] as object), reason: 'sandbox account', expires: '2099-12-31' };
      await vscode.commands.executeCommand(action.command.command, args);
      assert.equal(doc.lineAt(0).text, '# cloud-act-lens:ignore-file CAL001 expires=2099-12-31 -- sandbox account');
      await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no diagnostic once accepted for the file');
    } finally {
      await restore(doc, original);
    }
  });

  it('reports an expired suppression as CAL007 and the finding again', async () => {
    const doc = await open('suppress/main.tf');
    const original = doc.getText();
    const [d] = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'CAL001');
    const action = (await actionsFor(doc, d)).find((a) => a.title.startsWith('Suppress CAL001 for'));
    assert.ok(action?.command);
    try {
      const args = { ...(action.command.arguments?.[0] as object), reason: 'old', expires: '2020-01-01' };
      await vscode.commands.executeCommand(action.command.command, args);
      await waitForDiagnostics(
        doc.uri,
        (ds) =>
          ours(doc.uri, 'CAL007').length === 1 &&
          ds.some((x) => x.code && (x.code as { value: string }).value === 'CAL001'),
        'CAL007 and CAL001',
      );
    } finally {
      await restore(doc, original);
    }
  });
});
