import assert from 'node:assert/strict';

import { matchParameterFiles } from '../../../src/engine/arm/files';

describe('parameter files of a template (ARM and Bicep)', () => {
  const candidates = [
    '/r/app.parameters.json',
    '/r/app.prod.parameters.json',
    '/r/parameters/app.parameters.test.json',
    '/r/parameters/parameters.json',
    '/r/other.parameters.json',
    '/r/nested/parameters/app.parameters.json',
    '/r/parameters/deep/app.parameters.json',
  ];

  it('finds them beside the template and in its parameters folder, by its name', () => {
    const want = ['/r/app.parameters.json', '/r/app.prod.parameters.json', '/r/parameters/app.parameters.test.json'];
    assert.deepEqual(matchParameterFiles('/r/app.json', candidates, 2), want);
    assert.deepEqual(matchParameterFiles('/r/app.bicep', candidates, 2), want);
  });

  it('gives a plain parameters.json only to the single template of its folder', () => {
    assert.ok(matchParameterFiles('/r/app.bicep', candidates, 1).includes('/r/parameters/parameters.json'));
    assert.ok(!matchParameterFiles('/r/app.bicep', candidates, 0).includes('/r/parameters/parameters.json'));
  });
});
