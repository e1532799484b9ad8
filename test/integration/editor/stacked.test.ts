// One diagnostic per rule and declaration: a module's resource that three root modules instantiate
// (Ireland, Frankfurt, Paris) gets one CAL001 on its declaration, which names the other instances,
// instead of three stacked diagnostics.
import * as assert from 'node:assert/strict';

import { diagnosticCode, hoverText, open, positionOf, waitForDiagnostics } from './helpers';

describe('one diagnostic per declaration', () => {
  it('folds the instances of a module resource into one diagnostic that names them', async () => {
    const doc = await open('stacked/modules/bucket/main.tf');
    const ds = await waitForDiagnostics(
      doc.uri,
      (all) => all.some((d) => diagnosticCode(d) === 'CAL001' && /more instances of this declaration/.test(d.message)),
      'one CAL001 naming the other instances',
    );
    const cal001 = ds.filter((d) => diagnosticCode(d) === 'CAL001');
    assert.equal(cal001.length, 1, cal001.map((d) => d.message).join('\n'));
    assert.match(
      cal001[0].message,
      /and 2 more instances of this declaration: (eu-west-1|eu-central-1|eu-west-3), (eu-west-1|eu-central-1|eu-west-3);/,
    );
  });

  it('lists every root and its region in the hover of that declaration, as the diagnostic says it does', async () => {
    const doc = await open('stacked/modules/bucket/main.tf');
    await waitForDiagnostics(
      doc.uri,
      (all) => all.some((d) => /more instances of this declaration/.test(d.message)),
      'the folded CAL001',
    );
    const text = await hoverText(doc.uri, positionOf(doc, 'resource "aws_s3_bucket"', 3));
    assert.match(text, /\*\*All 3 placements of this declaration\*\* \(3 roots\)/, text);
    for (const [root, region, country] of [
      ['frankfurt', 'eu-central-1', 'DE'],
      ['ireland', 'eu-west-1', 'IE'],
      ['paris', 'eu-west-3', 'FR'],
    ]) {
      assert.match(
        text,
        new RegExp(`- stacked/${root}: \`module\\.bucket\\.aws_s3_bucket\\.this\` — \`${region}\` \\(${country}\\)`),
        text,
      );
    }
  });
});
