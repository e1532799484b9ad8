// The extension publishes its findings as diagnostics for a Terraform file opened in VS Code.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { DIAGNOSTIC_SOURCE, diagnosticCode, openWorkspaceFile, waitForOurDiagnostic } from '../util/workspace';

describe('diagnostics for Terraform', () => {
  it('reports CAL001 for an S3 bucket in eu-central-1 (AWS, U.S.-controlled)', async () => {
    const doc = await openWorkspaceFile('main.tf');
    const diagnostic = await waitForOurDiagnostic(doc.uri, 'CAL001');

    assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
    assert.equal(diagnosticCode(diagnostic), 'CAL001');
    // Several resources may share one region line, so the message must say which one it is about.
    assert.match(diagnostic.message, /aws_s3_bucket\.invoices/);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
  });
});
