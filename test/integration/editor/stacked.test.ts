// One diagnostic per rule and declaration: a module's resource that three root modules instantiate
// (Ireland, Frankfurt, Paris) gets one CAL001 on its declaration, which names the other instances,
// instead of three stacked diagnostics.
import * as assert from 'node:assert/strict';

import { diagnosticCode, open, waitForDiagnostics } from './helpers';

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
});
