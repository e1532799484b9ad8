import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { lookupRegion } from '../../../src/engine/catalog';
import { gcpValueGroup } from '../../../src/engine/catalog/gcp-value-groups';
import { importPolicyFile } from '../../../src/engine/residency/import';
import { policyAllows } from '../../../src/engine/residency/policy';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface Doc {
  resources: Array<{ address: string; findings: string[] }>;
  findings: Array<{
    ruleId: string;
    resource: string;
    message: string;
    related?: Array<{ file: string; line: number }>;
  }>;
  errors: Array<{ file: string; message: string }>;
  residency?: Array<{
    policy: string;
    file: string;
    line: number | null;
    compliant: number;
    outside: number;
    unresolved: number;
  }>;
}

function scan(dir: string, ...extra: string[]): { code: number | null; doc: Doc } {
  const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, doc: JSON.parse(r.stdout) as Doc };
}

const outside = (doc: Doc) =>
  doc.resources
    .filter((r) => r.findings.includes('CAL009'))
    .map((r) => r.address)
    .sort();
const message = (doc: Doc, resource: string) =>
  doc.findings.find((f) => f.ruleId === 'CAL009' && f.resource === resource)?.message ?? '';

/** The cloud policies an organisation already runs, imported by `residency.import`, checked by CAL009. */
describe('residency policy: imported GCP, Azure and AWS policies', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('Terraform: each policy governs its own cloud, copies included, and every policy must hold', () => {
    const { code, doc } = scan('test/fixtures/residency/imports');
    assert.equal(code, 1);
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(outside(doc), [
      'aws_dynamodb_table.orders',
      'aws_sqs_queue.virginia',
      'azurerm_resource_group.neu',
      'azurerm_storage_account.grs',
      'google_storage_bucket.custom_dual',
      'google_storage_bucket.eemshaven',
      'google_storage_bucket.iowa',
    ]);
    // A configurable dual-region's chosen regions are judged each; a predefined one through its name.
    assert.match(
      message(doc, 'google_storage_bucket.custom_dual'),
      /its multi-region copy in europe-west2 is not among the locations it allows/,
    );
    // GCP v2 YAML with value groups: which policy, which file and line, what it allows.
    assert.equal(
      message(doc, 'google_storage_bucket.iowa'),
      'google_storage_bucket.iowa is outside GCP organisation policy gcp.resourceLocations ' +
        '(policies/gcp-resource-locations.yaml:4): the region us-central1 is not among the locations it allows ' +
        '(in:eu-locations, in:europe-west6-locations).',
    );
    // GCP v1 listPolicy with denied values.
    assert.match(
      message(doc, 'google_storage_bucket.eemshaven'),
      /gcp-v1\.json:3\): the region europe-west4 is denied by it/,
    );
    // Azure "Allowed locations" governs resources, "for resource groups" only resource groups.
    assert.match(
      message(doc, 'azurerm_resource_group.neu'),
      /"Allowed locations for resource groups".*not among the locations it allows \(westeurope\)/,
    );
    assert.match(
      message(doc, 'azurerm_storage_account.grs'),
      /its geo-redundancy copy in germanynorth is not among the locations it allows/,
    );
    // AWS SCP: StringNotLike patterns, a replica outside, NotAction exemptions (acm) respected.
    assert.match(
      message(doc, 'aws_dynamodb_table.orders'),
      /AWS policy DenyOutsideEU on aws:RequestedRegion \(policies\/aws-scp\.json:5\): its replica copy in us-east-1/,
    );
    // The finding points at the policy's line as a related location (SARIF).
    const sarif = spawnSync(process.execPath, [CLI, 'scan', 'test/fixtures/residency/imports', '--format', 'sarif'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const log = JSON.parse(sarif.stdout) as {
      runs: Array<{ properties: { residency?: Array<{ file: string; outside: number }> } }>;
    };
    // The compliance summary per policy rides along in the run's properties.
    assert.deepEqual(
      log.runs[0].properties.residency?.map((t) => [t.file, t.outside]),
      [
        ['policies/gcp-resource-locations.yaml', 2],
        ['policies/gcp-v1.json', 1],
        ['policies/azure-allowed-locations.json', 1],
        ['policies/azure-resource-groups.json', 1],
        ['policies/aws-scp.json', 2],
      ],
    );
    const results = (
      JSON.parse(sarif.stdout) as {
        runs: Array<{
          results: Array<{
            ruleId: string;
            message: { text: string };
            relatedLocations?: Array<{
              physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
            }>;
          }>;
        }>;
      }
    ).runs[0].results;
    const virginia = results.find((r) => r.ruleId === 'CAL009' && r.message.text.startsWith('aws_sqs_queue.virginia'))!;
    assert.ok(
      (virginia.relatedLocations ?? []).some(
        (l) =>
          l.physicalLocation.artifactLocation.uri.endsWith('policies/aws-scp.json') &&
          l.physicalLocation.region.startLine === 5,
      ),
      JSON.stringify(virginia.relatedLocations),
    );
  });

  it('Bicep and ARM: an Azure Policy definition with its locations in the rule, with the project rule on controllers', () => {
    const { doc } = scan('test/fixtures/residency/imports-azure');
    assert.deepEqual(outside(doc), [
      'Microsoft.Storage/storageAccounts/ireland',
      'Microsoft.Storage/storageAccounts/sweden',
      'europe',
      'germany',
    ]);
    const germany = message(doc, 'germany');
    assert.match(
      germany,
      /the region germanywestcentral and its geo-redundancy copy in germanynorth have an operator ultimately controlled from United States/,
    );
    assert.match(
      germany,
      /and outside Azure Policy "Only our EU locations" \(governance\/eu-locations-definition\.json:8\): its geo-redundancy copy in germanynorth/,
    );
    assert.doesNotMatch(
      message(doc, 'europe'),
      /Only our EU locations/,
      'West Europe and its pair North Europe are both allowed',
    );
  });

  it('a policy file that is missing, unrecognised, outside the folder or names an unknown group is a one-line error, never allow-everything', () => {
    const { doc } = scan('test/fixtures/residency/imports-broken');
    const errors = doc.errors.map((e) => e.message);
    assert.ok(
      errors.some((e) => e === 'residency policy missing.yaml: not found; its rule is not checked'),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => e.startsWith('residency policy not-a-policy.json: is not a policy this tool recognises')),
    );
    assert.ok(errors.some((e) => e.includes('value group "in:atlantis-locations" is not one this tool knows')));
    assert.ok(
      errors.some((e) =>
        e.startsWith('residency policy ../imports/policies/aws-scp.json: lies outside the scanned folder'),
      ),
      errors.join('\n'),
    );
    // No absolute path and no file content in the messages.
    assert.ok(
      errors.every((e) => !e.includes(ROOT) && !e.includes('hello')),
      errors.join('\n'),
    );
    assert.deepEqual(outside(doc), ['google_storage_bucket.iowa']);
  });

  it('the report counts, per policy, placements inside, outside and not checked, in JSON, table, Markdown and HTML', () => {
    const { doc } = scan('test/fixtures/residency/imports');
    const aws = doc.residency!.find((t) => t.file === 'policies/aws-scp.json')!;
    assert.deepEqual(
      {
        policy: aws.policy,
        line: aws.line,
        compliant: aws.compliant,
        outside: aws.outside,
        unresolved: aws.unresolved,
      },
      { policy: 'AWS policy DenyOutsideEU on aws:RequestedRegion', line: 5, compliant: 0, outside: 2, unresolved: 0 },
    );
    assert.deepEqual(
      doc.residency!.map((t) => [t.file, t.compliant, t.outside]),
      [
        ['policies/gcp-resource-locations.yaml', 4, 2],
        ['policies/gcp-v1.json', 5, 1],
        ['policies/azure-allowed-locations.json', 1, 1],
        ['policies/azure-resource-groups.json', 1, 1],
        ['policies/aws-scp.json', 0, 2],
      ],
    );
    // An unresolved placement is counted as not checked, never as compliant.
    const countries = scan('test/fixtures/residency/countries').doc.residency!;
    assert.deepEqual(
      countries.map((t) => [t.policy, t.compliant, t.outside, t.unresolved]),
      [['residency', 4, 3, 1]],
    );
    // Without a policy the field is absent (the contract only adds fields).
    assert.equal(scan('test/fixtures/terraform/copies-aws', '--fail-on', 'none').doc.residency, undefined);
    const text = (format: string) =>
      spawnSync(process.execPath, [CLI, 'scan', 'test/fixtures/residency/imports', '--format', format, '--no-color'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).stdout;
    assert.match(
      text('table'),
      /RESIDENCY POLICIES\n.*\nGCP organisation policy gcp\.resourceLocations \(policies\/gcp-v1\.json:3\) {2}allows all but in:europe-west4-locations: 5 inside, 1 outside, 0 not checked/,
    );
    assert.match(
      text('markdown'),
      /## Residency policies\n\n\| Policy \| Allows \| Inside \| Outside \| Not checked \|/,
    );
    assert.match(text('html'), /<section id="residency"[^>]*><h2 id="residency-h">Residency policies<\/h2>/);
  });

  it('`cloud-act-lens policy` explains the policies in effect and their groups, and exits 1 when a policy file has problems', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, 'policy', ...args], { cwd: ROOT, encoding: 'utf8' });
    const ok = run('test/fixtures/residency/imports');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /^GCP organisation policy gcp\.resourceLocations \(policies\/gcp-resource-locations\.yaml:4\)$/m,
    );
    assert.match(
      ok.stdout,
      /in:eu-locations: the locations in the European Union \(and their zones\) — .*europe-west3.*EUR4/,
    );
    assert.doesNotMatch(ok.stdout, /in:eu-locations:.*europe-west2[,\s]/, 'London is not in the EU');
    // The meaning of a value group cites Google's page and says the members come from the catalog.
    assert.match(
      ok.stdout,
      /^ {4}source: Google Cloud: Restricting resource locations, value groups, https:\/\/cloud\.google\.com\/.*; members from the catalog$/m,
    );
    assert.match(ok.stdout, /governs: placements of Amazon Web Services, except the services iam, cloudfront/);
    const json = JSON.parse(run('test/fixtures/residency/countries', '--format', 'json').stdout) as {
      policies: Array<{ allows: string; expansions: Array<{ value: string; members: string[] }> }>;
    };
    assert.equal(json.policies[0].allows, 'countries EU, CH');
    assert.equal(json.policies[0].expansions.find((e) => e.value === 'EU')!.members.length, 27);
    const broken = run('test/fixtures/residency/imports-broken');
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /^error: .*missing\.yaml: residency policy missing\.yaml: not found/m);
    const none = run('test/fixtures/terraform/copies-aws');
    assert.equal(none.status, 0);
    assert.match(none.stdout, /No residency policy is in effect/);
    assert.equal(run('--format', 'yaml').status, 2);
  });

  describe('formats', () => {
    const one = (text: string) => {
      const r = importPolicyFile(text, 'p');
      assert.equal(r.policies.length, 1, r.problems.join('\n'));
      return { policy: r.policies[0], problems: r.problems };
    };

    it('GCP v2 JSON: allowAll and denyAll, conditional rules reported, snake_case values (Terraform-style)', () => {
      assert.equal(
        one(
          JSON.stringify({ name: 'projects/p/policies/gcp.resourceLocations', spec: { rules: [{ allowAll: true }] } }),
        ).policy.allowed,
        undefined,
      );
      assert.deepEqual(
        one(JSON.stringify({ name: 'folders/1/policies/gcp.resourceLocations', spec: { rules: [{ denyAll: true }] } }))
          .policy.allowed,
        [],
      );
      const { policy, problems } = one(
        JSON.stringify({
          name: 'organizations/1/policies/gcp.resourceLocations',
          spec: {
            rules: [
              { values: { allowed_values: ['europe-west3'] } },
              { condition: { expression: "resource.matchTag('1/env', 'dev')" }, allowAll: true },
            ],
          },
        }),
      );
      assert.deepEqual(policy.allowed, ['europe-west3']);
      assert.match(problems[0], /conditional rule/);
    });

    it('Azure: a parameters file, and a definition without values is a problem', () => {
      assert.deepEqual(one(JSON.stringify({ listOfAllowedLocations: { value: ['swedencentral'] } })).policy.allowed, [
        'swedencentral',
      ]);
      const definition = importPolicyFile(
        JSON.stringify({
          properties: {
            parameters: { listOfAllowedLocations: { type: 'Array' } },
            policyRule: { if: { not: { field: 'location', in: "[parameters('listOfAllowedLocations')]" } } },
          },
        }),
        'p',
      );
      assert.deepEqual(definition.policies, []);
      assert.match(definition.problems[0], /without its values/);
    });

    it('AWS: StringNotEquals is exact, Action limits the services, Allow statements are reported', () => {
      const { policy } = one(
        JSON.stringify({
          Statement: {
            Effect: 'Deny',
            Action: ['s3:*', 'dynamodb:*'],
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-central-1' } },
          },
        }),
      );
      assert.deepEqual(policy.allowed, ['eu-central-1']);
      assert.equal(policy.patterns, false);
      assert.deepEqual(policy.onlyServices, ['s3', 'dynamodb']);
      const allow = importPolicyFile(
        JSON.stringify({
          Statement: [
            {
              Sid: 'OnlyEU',
              Effect: 'Allow',
              Action: '*',
              Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
            },
          ],
        }),
        'p',
      );
      assert.deepEqual(allow.policies, []);
      assert.match(allow.problems[0], /statement "OnlyEU": only Deny/);
    });

    it('AWS: placeholders are problems, principal exemptions are noted, long exemption lists are shortened', () => {
      // The shape of aws-samples/service-control-policy-examples' region policies.
      const r = importPolicyFile(
        JSON.stringify({
          Statement: [1, 2].map((n) => ({
            Sid: `Deny${n}`,
            Effect: 'Deny',
            NotAction: ['a4b:*', 'acm:*', 'budgets:*', 'ce:*', 'iam:*', 'sts:*'],
            Resource: '*',
            Condition: {
              StringNotEquals: { 'aws:RequestedRegion': ['{example-region-1}'] },
              ArnNotLike: { 'aws:PrincipalARN': 'arn:aws:iam::*:role/admin' },
            },
          })),
        }),
        'p',
      );
      assert.deepEqual(r.problems, [
        'value "{example-region-1}" is not a region name or pattern; it allows nothing here, so placements it would allow are reported as outside',
      ]);
      assert.match(r.policies[0].notes![0], /exemption for some principals .* is not evaluated/);
      assert.equal(policyAllows(r.policies[0]), '{example-region-1} (a4b, acm, budgets, ce and 2 more exempt)');
    });

    it('GCP: a single rule written as a mapping is read as that rule', () => {
      const { policy } = one(
        'name: projects/1/policies/gcp.resourceLocations\nspec:\n  rules:\n    values:\n      allowedValues:\n        - in:canada-locations\n',
      );
      assert.deepEqual(policy.allowed, ['in:canada-locations']);
    });

    it('YAML with an alias bomb is refused, not expanded', () => {
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 0; i < 12; i++) {
        bomb.push(
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
        );
      }
      const r = importPolicyFile(bomb.join('\n'), 'p');
      assert.deepEqual(r.policies, []);
      assert.equal(r.problems.length, 1);
    });
  });

  describe('GCP value groups', () => {
    const inGroup = (group: string, location: string) =>
      gcpValueGroup(group)!.contains(lookupRegion('gcp', location)!.region);

    it('eu-locations holds EU regions and the EU multi-region, not London, Zurich or a dual-region with them', () => {
      assert.ok(inGroup('eu-locations', 'europe-west3'));
      assert.ok(inGroup('eu-locations', 'EU'));
      assert.ok(inGroup('eu-locations', 'EUR4'));
      assert.ok(!inGroup('eu-locations', 'europe-west2'));
      assert.ok(!inGroup('eu-locations', 'europe-west6'));
      assert.ok(!inGroup('eu-locations', 'EUR8'));
      assert.ok(inGroup('europe-locations', 'EUR8'));
      assert.ok(inGroup('europe-locations', 'europe-west2'));
    });

    it('a region group holds its zones; country groups exist for countries with a Google region', () => {
      assert.ok(inGroup('europe-west3-locations', 'europe-west3-a'));
      assert.ok(!inGroup('europe-west3-locations', 'europe-west4'));
      assert.ok(inGroup('canada-locations', 'northamerica-northeast1'));
      assert.ok(inGroup('us-locations', 'NAM4'));
      assert.equal(gcpValueGroup('atlantis-locations'), undefined);
    });
  });
});
