// Diagnostics for the fixture folders, as declared in each folder's expected.json: rule, severity, range
// (the region value when it is in the same file, else the resource header) and related information.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { diagnosticCode, open, ours, replaceText, restore, waitForDiagnostics, workspaceFile } from './helpers';

interface Expected {
  open: string[];
  diagnostics: Record<
    string,
    Array<{ code: string; severity: string; line?: number; text?: string; related?: string }>
  >;
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

// bicep-json: an ARM template that a Bicep module deploys gets its region from the module's params (CAL001,
// not the CAL002 of the template analysed alone).
const FIXTURES = ['tf', 'tf/closed', 'tfvar', 'tfvars', 'json', 'bicep', 'bicep-json'];

describe('diagnostics for fixture folders', () => {
  for (const dir of FIXTURES) {
    it(`matches ${dir}/expected.json`, async () => {
      const expectedPath = workspaceFile(`${dir}/expected.json`).fsPath;
      const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8')) as Expected;
      for (const file of expected.open) {
        await open(`${dir}/${file}`);
      }
      for (const [file, wanted] of Object.entries(expected.diagnostics)) {
        const uri = workspaceFile(`${dir}/${file}`);
        // Read from disk: opening a document would turn a workspace diagnostic into a live one.
        const lines = fs.readFileSync(uri.fsPath, 'utf8').split(/\r?\n/);
        const diags = await waitForDiagnostics(
          uri,
          (ds) =>
            wanted.every((w) =>
              ds.some((d) => diagnosticCode(d) === w.code && (w.line === undefined || d.range.start.line === w.line)),
            ),
          wanted.map((w) => `${w.code}@${w.line}`).join(', '),
        );
        for (const w of wanted) {
          const d = diags.find(
            (x) => diagnosticCode(x) === w.code && (w.line === undefined || x.range.start.line === w.line),
          )!;
          assert.equal(d.severity, SEVERITY[w.severity], `${file} ${w.code} severity`);
          const covered =
            d.range.start.line === d.range.end.line
              ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)
              : lines.slice(d.range.start.line, d.range.end.line + 1).join('\n');
          assert.ok(w.text === undefined || covered.includes(w.text), `range covers "${w.text}": "${covered}"`);
          assert.ok(
            typeof d.code === 'object' && String(d.code.target).endsWith(`/docs/rules/${w.code}.md`),
            'code links to the rule page',
          );
          if (w.related) {
            const rel = d.relatedInformation ?? [];
            assert.ok(
              rel.some((r) => path.posix.basename(r.location.uri.path) === w.related),
              `related information points to ${w.related}`,
            );
          }
        }
      }
    });
  }

  it('names region, country, operator and controller in the message', async () => {
    const doc = await open('tf/main.tf');
    const [d] = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'CAL001');
    assert.match(d.message, /eu-central-1/);
    assert.match(d.message, /Germany/);
    assert.match(d.message, /Amazon Web Services, Inc\./);
    assert.match(d.message, /Amazon\.com, Inc\./);
  });

  it('updates as you type, on the unsaved text', async () => {
    const doc = await open('tf/main.tf');
    const original = doc.getText();
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => /Germany/.test(d.message)), 'CAL001 for Germany');
    try {
      await vscode.window.activeTextEditor!.edit((e) =>
        e.replace(
          doc.getWordRangeAtPosition(doc.positionAt(doc.getText().indexOf('eu-central-1')), /[\w-]+/)!,
          'eu-west-1',
        ),
      );
      await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => /Ireland/.test(d.message)), 'CAL001 for Ireland');
      await vscode.window.activeTextEditor!.edit((e) =>
        e.replace(
          doc.getWordRangeAtPosition(doc.positionAt(doc.getText().indexOf('eu-west-1')), /[\w-]+/)!,
          'us-east-1',
        ),
      );
      await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no CAL001 for a U.S. region');
    } finally {
      await restore(doc, original);
    }
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => /Germany/.test(d.message)), 'CAL001 again after revert');
  });

  it('re-evaluates main.tf when variables.tf changes', async () => {
    const main = await open('tfvar/main.tf');
    await waitForDiagnostics(main.uri, (ds) => ds.some((d) => /Germany/.test(d.message)), 'CAL001 for Germany');
    const vars = await open('tfvar/variables.tf');
    const original = vars.getText();
    try {
      await vscode.window.activeTextEditor!.edit((e) =>
        e.replace(
          vars.getWordRangeAtPosition(vars.positionAt(vars.getText().indexOf('eu-central-1')), /[\w-]+/)!,
          'eu-west-1',
        ),
      );
      await waitForDiagnostics(
        main.uri,
        (ds) => ds.some((d) => /Ireland/.test(d.message)),
        'CAL001 for Ireland in main.tf',
      );
    } finally {
      await restore(vars, original);
    }
    await waitForDiagnostics(main.uri, (ds) => ds.some((d) => /Germany/.test(d.message)), 'CAL001 for Germany again');
  });

  it('re-evaluates main.tf when terraform.tfvars changes', async () => {
    const main = await open('tfvars/main.tf');
    await waitForDiagnostics(main.uri, (ds) => ds.some((d) => /Ireland/.test(d.message)), 'CAL001 for Ireland');
    const tfvars = await open('tfvars/terraform.tfvars');
    const original = tfvars.getText();
    try {
      await replaceText(tfvars, 'eu-west-1', 'us-east-1');
      await waitForDiagnostics(main.uri, (ds) => ds.length === 0, 'no CAL001 once the value is a U.S. region');
    } finally {
      await restore(tfvars, original);
    }
    await waitForDiagnostics(main.uri, (ds) => ds.some((d) => /Ireland/.test(d.message)), 'CAL001 for Ireland again');
  });

  // A Bicep template's parameters come from its .bicepparam file or its JSON parameters file alike.
  for (const [what, params] of [
    ['its .bicepparam file', 'bicepparam/main.bicepparam'],
    ['its JSON parameters file', 'bicep-json-params/main.parameters.json'],
  ]) {
    it(`applies ${what} to main.bicep, and re-evaluates main.bicep when it changes`, async () => {
      const main = await open(`${params.slice(0, params.indexOf('/'))}/main.bicep`);
      await waitForDiagnostics(main.uri, (ds) => ds.some((d) => /Germany/.test(d.message)), 'CAL001 for Germany');
      const doc = await open(params);
      const original = doc.getText();
      try {
        await replaceText(doc, 'germanywestcentral', 'swedencentral');
        await waitForDiagnostics(main.uri, (ds) => ds.some((d) => /Sweden/.test(d.message)), 'CAL001 for Sweden');
      } finally {
        await restore(doc, original);
      }
    });
  }

  it('keeps workspace diagnostics for a file that is not open', async () => {
    const uri = workspaceFile('tf/closed/main.tf');
    await waitForDiagnostics(uri, (ds) => ds.length > 0, 'a workspace diagnostic');
    assert.equal(ours(uri, 'CAL001').length, 1);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'never opened');
  });
});
