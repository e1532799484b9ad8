import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { defaultAnalyzers, defaultConfig, Engine, paths } from '../../../src/engine';
import { type ExpectedShape, toExpected } from './fixture-shape';

const ROOT = path.resolve(__dirname, '../../../../test/fixtures/arm');

describe('ARM fixtures through the engine', () => {
  for (const name of readdirSync(ROOT).sort()) {
    const dir = paths.toEnginePath(path.join(ROOT, name));
    it(name, async () => {
      const expected = JSON.parse(readFileSync(path.join(ROOT, name, 'expected.json'), 'utf8')) as ExpectedShape;
      const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
      const result = await engine.scan([dir], { config: defaultConfig() });
      assert.deepEqual(toExpected(result, dir), expected);
    });
  }

  it('reports a compiled main.json beside main.bicep when compiledArm is "both"', async () => {
    const dir = paths.toEnginePath(path.join(ROOT, 'compiled-bicep'));
    const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
    const result = await engine.scan([dir], { config: { ...defaultConfig(), compiledArm: 'both' } });
    const files = result.placements.filter((p) => p.language === 'arm').map((p) => path.basename(p.file));
    assert.deepEqual(files.sort(), ['main.json', 'standalone.json']);
  });

  it('lets --var override a parameter file', async () => {
    const dir = paths.toEnginePath(path.join(ROOT, 'parameter-file'));
    const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
    const config = { ...defaultConfig(), vars: { location: 'swedencentral' } };
    const result = await engine.scan([dir], { config });
    const pg = result.placements.find((p) => p.name === 'pg');
    assert.deepEqual(pg?.region, { kind: 'known', value: 'swedencentral' });
    assert.equal(pg?.provenance[1].description, "parameter 'location' set by --var or the settings");
  });
});
