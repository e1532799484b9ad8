// The residency policy (CAL009) in the editor: changing it in the project file, or in a policy file the
// project file imports, updates the diagnostics without a reload; the hover says which policy and why.
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { diagnosticCode, hoverText, open, positionOf, waitForDiagnostics, workspaceFile } from './helpers';

const write = (path: string, value: unknown) =>
  vscode.workspace.fs.writeFile(workspaceFile(path), new TextEncoder().encode(JSON.stringify(value, null, 2)));

const scp = (regions: string[]) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyOutside',
      Effect: 'Deny',
      NotAction: ['iam:*'],
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': regions } },
    },
  ],
});

/** A policy change reloads the configuration and rescans the folder: allow for a busy machine. */
const RELOAD_MS = 45_000;

const cal009 = (ds: vscode.Diagnostic[]) => ds.filter((d) => diagnosticCode(d) === 'CAL009');

describe('residency policy', () => {
  after(async () => {
    for (const f of ['.cloud-act-lens.json', 'residency/scp.json']) {
      await vscode.workspace.fs.delete(workspaceFile(f)).then(undefined, () => undefined);
    }
  });

  it('a change of the policy in the project file, or in an imported policy file, updates the diagnostics', async function () {
    this.timeout(180_000); // five reloads of the configuration, each a rescan of the folder
    const doc = await open('residency/main.tf');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => diagnosticCode(d) === 'CAL001'), 'CAL001', RELOAD_MS);
    assert.deepEqual(
      cal009(await waitForDiagnostics(doc.uri, () => true, 'any', RELOAD_MS)),
      [],
      'no policy, no CAL009',
    );

    await write('.cloud-act-lens.json', { residency: { countries: ['EU'] } });
    const [london] = cal009(
      await waitForDiagnostics(doc.uri, (ds) => cal009(ds).length === 1, 'CAL009 on the London bucket', RELOAD_MS),
    );
    assert.equal(london.severity, vscode.DiagnosticSeverity.Error);
    assert.match(
      london.message,
      /aws_s3_bucket\.london is outside the residency policy \(\.cloud-act-lens\.json\): the region eu-west-2 is in United Kingdom \(GB\), and the policy allows EU/,
    );
    // The hover of the resource says it too.
    // (Markdown escapes brackets; compare the text a person reads.)
    const hover = (await hoverText(doc.uri, positionOf(doc, 'resource "aws_s3_bucket" "london"', 2))).replace(
      /\\([()[\]._*])/g,
      '$1',
    );
    assert.match(
      hover,
      /`CAL009` error: outside the residency policy \(\.cloud-act-lens\.json\): the region eu-west-2 is in United Kingdom \(GB\), and the policy allows EU/,
    );

    await write('.cloud-act-lens.json', { residency: { countries: ['EU', 'GB'] } });
    await waitForDiagnostics(doc.uri, (ds) => cal009(ds).length === 0, 'no CAL009 once GB is allowed', RELOAD_MS);

    // An imported AWS service control policy that allows only Frankfurt.
    await write('residency/scp.json', scp(['eu-central-1']));
    await write('.cloud-act-lens.json', { residency: { import: ['residency/scp.json'] } });
    const [denied] = cal009(
      await waitForDiagnostics(doc.uri, (ds) => cal009(ds).length === 1, 'CAL009 from the imported policy', RELOAD_MS),
    );
    assert.match(denied.message, /outside AWS policy DenyOutside on aws:RequestedRegion \(residency\/scp\.json:5\)/);
    // Editing the imported file (not the project file) is picked up as well.
    await write('residency/scp.json', scp(['eu-central-1', 'eu-west-2']));
    await waitForDiagnostics(doc.uri, (ds) => cal009(ds).length === 0, 'no CAL009 once London is allowed', RELOAD_MS);
  });
});
