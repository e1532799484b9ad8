import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface JsonResource {
  name: string;
  address: string;
  region: string | null;
  findings: string[];
  copies: Array<{ kind: string; region: string | null; country: string | null; provenance: string | null }>;
}

function scan(dir: string): JsonResource[] {
  const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--fail-on', 'none'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { resources: JsonResource[] }).resources;
}

/** Bicep and ARM JSON read copies through one set of Azure rules: a template and its JSON form agree. */
describe('Azure copies in Bicep and ARM JSON (storage SKUs, Cosmos DB locations, Recovery Services vaults, SQL failover groups and geo-secondaries)', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  const summary = (rs: JsonResource[], key: (r: JsonResource) => string) =>
    rs
      .map((r) => ({
        resource: key(r),
        region: r.region,
        findings: [...r.findings].sort(),
        copies: r.copies.map((c) => `${c.kind} ${c.region} ${c.country}`),
      }))
      .sort((a, b) => (a.resource < b.resource ? -1 : 1));

  it('lists the pair of a GRS account and the second location of a Cosmos DB account; LRS and one location have none', () => {
    const bicep = summary(scan('test/fixtures/bicep/copies'), (r) => r.address);
    assert.deepEqual(bicep, [
      { resource: 'db', region: 'germanywestcentral', findings: ['CAL001', 'CAL008'], copies: ['replica eastus2 US'] },
      {
        resource: 'docs',
        region: 'brazilsouth',
        findings: ['CAL001', 'CAL008'],
        copies: ['geo-redundancy southcentralus US'],
      },
      // Active geo-replication: the secondary created from it holds a replica in East US.
      {
        resource: 'ordersDb',
        region: 'switzerlandnorth',
        findings: ['CAL001', 'CAL008'],
        copies: ['replica eastus US'],
      },
      { resource: 'ordersGeo', region: 'eastus', findings: [], copies: [] },
      { resource: 'scratch', region: 'westeurope', findings: ['CAL001'], copies: [] },
      { resource: 'single', region: 'westeurope', findings: ['CAL001'], copies: [] },
      // A SQL failover group: the partner server holds a replica of the primary's databases.
      {
        resource: 'sqlPrimary',
        region: 'switzerlandnorth',
        findings: ['CAL001', 'CAL008'],
        copies: ['replica northeurope IE'],
      },
      // Its own failover group names a partner this template does not declare: listed, region not known.
      { resource: 'sqlSecondary', region: 'northeurope', findings: ['CAL001'], copies: ['replica null null'] },
      // Recovery Services vaults: geo-redundant (same country, no CAL008), by default, locally redundant.
      { resource: 'vault', region: 'swedencentral', findings: ['CAL001'], copies: ['geo-redundancy swedensouth SE'] },
      {
        resource: 'vaultDefault',
        region: 'northeurope',
        findings: ['CAL001', 'CAL008'],
        copies: ['geo-redundancy westeurope NL'],
      },
      { resource: 'vaultLocal', region: 'westeurope', findings: ['CAL001'], copies: [] },
    ]);
  });

  it('gives the same copies and findings for the same template written as ARM JSON', () => {
    const bicep = summary(scan('test/fixtures/bicep/copies'), (r) => r.address);
    // The ARM form names resources by their name expression; the symbolic names of the Bicep file match them.
    const names: Record<string, string> = {
      "[format('docs{0}', uniqueString(resourceGroup().id))]": 'docs',
      'vault-default': 'vaultDefault',
      "[parameters('primaryServer')]": 'sqlPrimary',
      "[parameters('secondaryServer')]": 'sqlSecondary',
      'vault-local': 'vaultLocal',
      "[format('{0}/{1}', parameters('primaryServer'), 'orders')]": 'ordersDb',
      "[format('{0}/{1}', parameters('secondaryServer'), 'orders')]": 'ordersGeo',
    };
    const arm = summary(scan('test/fixtures/arm/copies'), (r) => names[r.name] ?? r.name);
    assert.deepEqual(arm, bicep);
  });

  it("blob object replication: the source account has a copy in the destination account's region, once although the policy is declared on both, in Bicep and ARM JSON alike", () => {
    const bicep = summary(scan('test/fixtures/bicep/object-replication'), (r) => r.address);
    assert.deepEqual(bicep, [
      { resource: 'destination', region: 'eastus', findings: [], copies: [] },
      {
        resource: 'source',
        region: 'germanywestcentral',
        findings: ['CAL001', 'CAL008'],
        copies: ['replication eastus US'],
      },
    ]);
    const names: Record<string, string> = { docsource: 'source', docdestination: 'destination' };
    const arm = summary(scan('test/fixtures/arm/object-replication'), (r) => names[r.name] ?? r.name);
    assert.deepEqual(arm, bicep);
  });

  it('says which setting makes the copy', () => {
    const docs = scan('test/fixtures/bicep/copies').find((r) => r.address === 'docs')!;
    assert.match(
      docs.copies[0].provenance ?? '',
      /^sku\.name "Standard_GRS" at .*main\.bicep:9 ← southcentralus is the published pair of brazilsouth$/,
    );
  });
});
