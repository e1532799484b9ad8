// The extension publishes its findings as diagnostics for a Terraform file opened in VS Code.
import * as assert from 'node:assert/strict';
import { diagnosticCode, DIAGNOSTIC_SOURCE, openWorkspaceFile, waitForOurDiagnostic } from '../util/workspace';

describe('diagnostics for Terraform', () => {
  it('reports CAL001 for an S3 bucket in eu-central-1 (AWS, U.S.-controlled)', async () => {
    const doc = await openWorkspaceFile('main.tf');
    const diagnostic = await waitForOurDiagnostic(doc.uri, 'CAL001');

    assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
    assert.equal(diagnosticCode(diagnostic), 'CAL001');
    // The finding sits on the resource declaration (line 3, 0-based 2), not on the provider.
    assert.equal(diagnostic.range.start.line, 2);
    assert.ok(diagnostic.message.length > 0, 'the diagnostic explains itself');
  });
});
