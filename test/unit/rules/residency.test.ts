import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { defaultConfig, mergeConfig } from '../../../src/engine';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface Doc {
  resources: Array<{ address: string; findings: string[] }>;
  findings: Array<{ ruleId: string; resource: string; severity: string; message: string }>;
}

function scan(dir: string, ...extra: string[]): { code: number | null; doc: Doc } {
  const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, doc: JSON.parse(r.stdout) as Doc };
}

const cal009 = (doc: Doc) =>
  doc.resources
    .filter((r) => r.findings.includes('CAL009'))
    .map((r) => r.address)
    .sort();

/** The organisation's residency policy (`residency` in the project file), checked by CAL009 through the CLI. */
describe('residency policy (CAL009)', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('countries (with the EU group): placements and copies outside are errors; multi- and dual-regions inside are not', () => {
    const { code, doc } = scan('test/fixtures/residency/countries');
    assert.equal(code, 1, 'CAL009 is an error, so the default --fail-on error fails');
    assert.deepEqual(cal009(doc), ['aws_s3_bucket.london', 'aws_s3_bucket.replicated', 'aws_s3_bucket.replicated_dr']);
    const replicated = doc.findings.find((f) => f.ruleId === 'CAL009' && f.resource === 'aws_s3_bucket.replicated')!;
    assert.equal(replicated.severity, 'error');
    assert.match(
      replicated.message,
      /outside the residency policy \(\.cloud-act-lens\.json\): its replication copy in us-east-1 is in United States \(US\), and the policy allows EU, CH/,
    );
    // Unresolved placements are not silently compliant.
    const unknown = doc.findings.find((f) => f.resource === 'aws_sqs_queue.unknown')!;
    assert.match(unknown.message, /cannot be checked against the residency policy/);
  });

  it('controllers: an EU region of a U.S.-controlled operator is outside; a Hetzner server in Germany is inside', () => {
    const { doc } = scan('test/fixtures/residency/controllers');
    assert.deepEqual(cal009(doc), ['aws_s3_bucket.aws', 'hcloud_server.us']);
    const aws = doc.findings.find((f) => f.ruleId === 'CAL009' && f.resource === 'aws_s3_bucket.aws')!;
    assert.match(
      aws.message,
      /operator ultimately controlled from United States \(US\), and the policy allows controllers in EEA, CH/,
    );
  });

  it('Bicep: the geo-redundant copy of a storage account is checked too', () => {
    const { doc } = scan('test/fixtures/residency/bicep');
    assert.deepEqual(cal009(doc), ['brazil']);
    assert.match(
      doc.findings.find((f) => f.ruleId === 'CAL009')!.message,
      /its geo-redundancy copy in southcentralus is in United States \(US\)/,
    );
  });

  it('reports nothing without a policy, and can be turned off like any rule', () => {
    assert.deepEqual(cal009(scan('test/fixtures/terraform/copies-aws', '--fail-on', 'none').doc), []);
    assert.deepEqual(
      cal009(scan('test/fixtures/residency/countries', '--rule', 'CAL009=off', '--fail-on', 'none').doc),
      [],
    );
  });

  it('reports unknown countries, groups and fields of the policy instead of ignoring them', () => {
    const problems: string[] = [];
    const cfg = mergeConfig(
      defaultConfig(),
      { residency: { countries: ['EU', 'Germany'], controller: ['US'] } },
      problems,
    );
    assert.deepEqual(cfg.residency?.countries, ['EU', 'Germany']);
    assert.ok(
      problems.some((p) => p.includes('"residency.countries" has "Germany"')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('"residency.controller" is not a known field')),
      problems.join('\n'),
    );
  });
});
