// What cannot be read is shown where it is: a syntax error as a diagnostic at its range (the resources
// after it would otherwise vanish without a word), and a residency policy file the project file imports
// but that is not a policy, as a diagnostic on that file. A registry module that is not installed is a
// warning at its source: what it deploys is missing from the answer, but the file is not at fault.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { diagnosticCode, open, replaceText, waitForDiagnostics, workspaceFile } from './helpers';

const write = (path: string, text: string) =>
  vscode.workspace.fs.writeFile(workspaceFile(path), new TextEncoder().encode(text));

describe('errors as diagnostics', () => {
  after(async () => {
    for (const f of ['errors/broken.tf', 'errors/not-a-policy.json', '.cloud-act-lens.json', 'errors/registry.tf']) {
      await vscode.workspace.fs.delete(workspaceFile(f)).then(undefined, () => undefined);
    }
  });

  it('a syntax error is an error diagnostic at its range, and goes away once fixed', async () => {
    await write(
      'errors/broken.tf',
      'provider "aws" {\n  region = "eu-central-1"\n}\n\nresource "aws_s3_bucket" "a" {\n  bucket = "a"\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
    );
    const doc = await open('errors/broken.tf');
    const [error] = (
      await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => diagnosticCode(d) === 'error'), 'a syntax error')
    ).filter((d) => diagnosticCode(d) === 'error');
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(error.range.start.line >= 4, `at the unclosed block or after it, not line ${error.range.start.line + 1}`);
    await replaceText(doc, '  bucket = "a"\n', '  bucket = "a"\n}\n');
    await waitForDiagnostics(
      doc.uri,
      (ds) =>
        !ds.some((d) => diagnosticCode(d) === 'error') && ds.filter((d) => diagnosticCode(d) === 'CAL001').length === 2,
      'no error, CAL001 on both buckets',
    );
  });

  it('a registry module that is not installed is a warning at its source, saying that what it deploys is missing', async () => {
    await write(
      'errors/registry.tf',
      'provider "aws" {\n  region = "eu-central-1"\n}\n\nmodule "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n',
    );
    const doc = await open('errors/registry.tf');
    const [d] = (
      await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => diagnosticCode(x) === 'not-read'), 'the module not read')
    ).filter((x) => diagnosticCode(x) === 'not-read');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.line, 5);
    assert.match(
      d.message,
      /module "vpc" is not installed \(run terraform init\), so what it deploys is not in this report/,
    );
  });

  it('a policy file the residency rule cannot use is an error on that file', async () => {
    await write('errors/not-a-policy.json', '{ "hello": "world" }\n');
    await write('.cloud-act-lens.json', JSON.stringify({ residency: { import: ['errors/not-a-policy.json'] } }));
    const uri = workspaceFile('errors/not-a-policy.json');
    const [d] = await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the policy file problem');
    assert.equal(diagnosticCode(d), 'error');
    assert.match(d.message, /residency policy errors\/not-a-policy\.json: is not a policy this tool recognises/);
    // Fixed: the diagnostic goes.
    await write('errors/not-a-policy.json', JSON.stringify({ listOfAllowedLocations: { value: ['westeurope'] } }));
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no error once it is an Allowed locations parameter file');
  });
});
