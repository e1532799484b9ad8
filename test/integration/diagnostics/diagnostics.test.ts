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
    // One short line in the Problems view: what, where, who controls it. The statute and the case are
    // in the hover, once, not repeated in every message.
    assert.match(diagnostic.message, /eu-central-1 \(Germany\); operator Amazon Web Services, Inc\./);
    assert.ok(diagnostic.message.length <= 200, `${diagnostic.message.length} characters: ${diagnostic.message}`);
    assert.doesNotMatch(diagnostic.message, /2713|829 F\.3d/);
  });
});
