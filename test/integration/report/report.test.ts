// The report command opens the webview with a table of every placement, a row click opens the file at
// the resource, the report follows file changes, and the export command writes every format.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import type { ReportHandle } from '../../../src/vscode/report/register-report';
import { waitFor } from '../util/wait-for';
import { activateExtension, workspaceFile } from '../util/workspace';

async function showReport(): Promise<ReportHandle> {
  const handle = await vscode.commands.executeCommand<ReportHandle | undefined>('cloudActLens.showReport');
  assert.ok(handle, 'the show command returns a handle once the scan is done');
  return handle;
}

describe('workspace report', () => {
  let tmp = '';
  before(async () => {
    await activateExtension();
    tmp = mkdtempSync(path.join(tmpdir(), 'cal-report-'));
  });
  after(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await vscode.workspace.fs.delete(workspaceFile('added.tf')).then(undefined, () => undefined);
  });

  it('opens the webview with one table row per placement', async () => {
    const handle = await showReport();
    const state = await waitFor(() => (handle.state().ready ? handle.state() : undefined), {
      description: 'the report webview to load its script and say ready',
      timeoutMs: 30_000,
    });
    assert.equal(state.visible, true);
    assert.deepEqual(state.rowLabels, ['main.tf:5 aws_s3_bucket.invoices', 'main.tf:9 aws_dynamodb_table.orders']);
  });

  it('opens the file at the resource when a row is clicked', async () => {
    const handle = await showReport();
    await handle.receive({ type: 'open', row: 1 });
    const editor = await waitFor(
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.path.endsWith('/main.tf') ? e : undefined;
      },
      { description: 'main.tf to be the active editor' },
    );
    assert.equal(editor.selection.start.line, 8, 'the selection is on the resource header (line 9)');
  });

  it("opens beside the editor in use, and a row opens the file in the editors' group", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const doc = await vscode.workspace.openTextDocument(workspaceFile('main.tf'));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const handle = await showReport();
    const state = await waitFor(() => (handle.state().ready ? handle.state() : undefined), {
      description: 'the report to be ready',
      timeoutMs: 30_000,
    });
    assert.equal(state.viewColumn, vscode.ViewColumn.Two, 'the report is beside main.tf');
    await handle.receive({ type: 'open', row: 0 });
    const editor = await waitFor(
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.path.endsWith('/main.tf') && e.selection.start.line === 4 ? e : undefined;
      },
      { description: 'main.tf at the first resource' },
    );
    assert.equal(
      editor.viewColumn,
      vscode.ViewColumn.One,
      'the file opens where the editors are, not in a third group',
    );
  });

  it('updates when a file changes', async function () {
    this.timeout(60_000);
    const handle = await showReport();
    const before = handle.state().renders;
    await vscode.workspace.fs.writeFile(
      workspaceFile('added.tf'),
      new TextEncoder().encode('resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n'),
    );
    const state = await waitFor(() => (handle.state().rows === 3 ? handle.state() : undefined), {
      description: 'the report to show the added resource',
      timeoutMs: 30_000,
    });
    assert.ok(state.renders > before);
    assert.ok(state.rowLabels.includes('added.tf:1 aws_sqs_queue.jobs'), state.rowLabels.join(', '));
  });

  for (const format of ['markdown', 'html', 'json', 'csv', 'sarif']) {
    it(`exports ${format} to a given file`, async () => {
      const target = path.join(tmp, `report.${format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('cloudActLens.exportReport', {
        format,
        target,
      });
      assert.equal(written?.fsPath, target);
      const text = readFileSync(target, 'utf8');
      assert.ok(text.includes('aws_s3_bucket') || text.includes('aws\\_s3\\_bucket'), text.slice(0, 200));
      if (format === 'json') {
        assert.ok(JSON.parse(text).resources.some((r: { file: string }) => r.file === 'main.tf'));
      }
      if (format === 'sarif') {
        const uris = JSON.parse(text).runs[0].results.map(
          (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
            r.locations[0].physicalLocation.artifactLocation.uri,
        );
        assert.ok(uris.includes('main.tf'), uris.join(', '));
      }
    });
  }
});
