import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { readExpected } from './fixture-runner';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface JsonCopy {
  kind: string;
  region: string | null;
  country: string | null;
  operator: string | null;
  controller: string | null;
  provenance: string | null;
  unresolvedReason: string | null;
}

/** Copies of the data (issue: replication, replicas, geo-redundant pairs, backups, dual-regions) through the CLI's JSON. */
describe('copies of the data through the CLI (JSON `copies`, CAL008)', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  const scan = (name: string) => {
    const r = spawnSync(
      process.execPath,
      [CLI, 'scan', `test/fixtures/terraform/${name}`, '--format', 'json', '--fail-on', 'none'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as {
      resources: Array<{ address: string; findings: string[]; copies: JsonCopy[] }>;
      findings: Array<{ ruleId: string; resource: string; message: string; severity: string }>;
    };
  };

  for (const name of [
    'copies-aws',
    'copies-azure',
    'copies-gcp',
    'copies-modules',
    'copies-more',
    'copies-none',
    'copies-spanner',
    'copies-bigquery',
  ]) {
    it(`${name}: every resource's copies and findings as expected.json says`, () => {
      const doc = scan(name);
      const expected = readExpected(name);
      assert.equal(doc.resources.length, expected.resources.length);
      for (const want of expected.resources) {
        const got = doc.resources.find((r) => r.address === want.address);
        assert.ok(got, want.address);
        assert.deepEqual([...got.findings].sort(), want.findings, `${want.address} findings`);
        assert.deepEqual(
          got.copies.map((c) => ({ kind: c.kind, region: c.region, country: c.country })),
          (want.copies ?? []).map((c) => ({ kind: c.kind, region: c.region, country: c.country ?? null })),
          `${want.address} copies`,
        );
        got.copies.forEach((c, i) => {
          const reason = want.copies?.[i]?.reason;
          if (reason) {
            assert.ok(c.unresolvedReason?.startsWith(reason), `${want.address}: ${c.unresolvedReason}`);
          } else {
            assert.equal(c.unresolvedReason, null);
            assert.ok(c.operator && c.controller, `${want.address} copy has an operator and a controller`);
          }
          assert.ok(c.provenance, `${want.address} copy says how it comes about`);
        });
      }
    });
  }

  it('follows a copy across modules: the replica names its source through a module input and the master’s output', () => {
    const doc = scan('copies-modules');
    const chain = doc.resources.find((r) => r.address === 'module.master.aws_db_instance.this[0]')!.copies[0]
      .provenance;
    assert.ok(chain);
    const steps = chain.split(' ← ');
    assert.match(steps[0], /^read replica module\.replica\.aws_db_instance\.this\[0\] at .*modules\/db\/main\.tf:15$/);
    assert.match(steps[1], /^module input replicate_source_db of module "replica" at .*main\.tf:23$/);
    assert.match(steps[2], /^output "db_instance_arn" of module\.master /);
    assert.ok(
      steps.some((s) => s.startsWith('provider "aws" (alias "dr")')),
      chain,
    );
  });

  it('names the copy’s region and country in a one-line CAL008 message; how it comes about is in the copy’s provenance', () => {
    const doc = scan('copies-azure');
    const f = doc.findings.find((x) => x.ruleId === 'CAL008' && x.resource === 'azurerm_storage_account.brazil');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      'azurerm_storage_account.brazil: a copy of its data in another country: a geo-redundant copy in southcentralus (United States).',
    );
    const chain = doc.resources.find((r) => r.address === 'azurerm_storage_account.brazil')!.copies[0].provenance;
    assert.match(chain ?? '', /southcentralus is the published pair of brazilsouth/);
  });

  it('always has a copies list, empty when there is none', () => {
    for (const r of scan('minimal').resources) {
      assert.deepEqual(r.copies, []);
    }
  });
});
