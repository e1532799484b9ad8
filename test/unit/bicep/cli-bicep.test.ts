import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface JsonResource {
  file: string;
  line: number;
  address: string;
  module: string | null;
  region: string | null;
  country: string | null;
  provenance: string;
  findings: string[];
}

function scan(args: string[]): { resources: JsonResource[]; errors: unknown[] } {
  const r = spawnSync(process.execPath, [CLI, 'scan', ...args, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('cli on bicep fixtures', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('applies the .bicepparam value and names it in the provenance', () => {
    const doc = scan(['test/fixtures/bicep/bicepparam']);
    assert.deepEqual(doc.errors, []);
    const [vault] = doc.resources;
    assert.equal(vault.file, 'test/fixtures/bicep/bicepparam/main.bicep');
    assert.deepEqual([vault.line, vault.region, vault.country, vault.findings], [4, 'uksouth', 'GB', ['CAL001']]);
    assert.match(vault.provenance, /main\.bicepparam:4/);
  });

  it('follows local modules and lists looped modules once per value, with --var overriding a default', () => {
    const doc = scan(['test/fixtures/bicep/module', '--var', 'primary=norwayeast']);
    const net = doc.resources.find((r) => r.address === 'module.network.vnet');
    assert.equal(net?.region, 'norwayeast');
    assert.equal(net?.module, 'module.network');
    assert.equal(net?.file, 'test/fixtures/bicep/module/modules/net/vnet.bicep');
    assert.deepEqual(
      doc.resources
        .filter((r) => r.address.startsWith('module.regions'))
        .map((r) => r.region)
        .sort(),
      ['brazilsouth', 'brazilsouth', 'canadacentral', 'canadacentral'],
    );
  });
});
