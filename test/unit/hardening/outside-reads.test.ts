import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FORMATS = ['table', 'json', 'sarif', 'markdown', 'html', 'csv'];
const MARKER = 'OUTSIDE-SECRET-7f3a';

function scan(dir: string, format: string, extra: string[] = []): string {
  const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', format, ...extra], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return r.stdout + r.stderr;
}

/**
 * A hostile repository (made at run time: links in git fixtures are fragile) next to a folder it must
 * never read. Every file outside holds {@link MARKER} where a region, a name or a setting would go, so
 * that a read that escaped would surface in a message.
 */
function hostileRepo(): { repo: string; outside: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-outside-'));
  const outside = path.join(base, 'outside');
  const repo = path.join(base, 'repo');
  fs.mkdirSync(outside);
  fs.mkdirSync(repo);
  const write = (dir: string, name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  write(outside, 'creds', `${MARKER}\naws_secret_access_key = ${MARKER}\n`);
  write(outside, 'region.txt', `${MARKER}-1`);
  write(outside, 'vars.tfvars', `region = "${MARKER}"\n`);
  write(outside, 'tpl.json', armTemplate(MARKER));
  write(outside, 'params.json', JSON.stringify({ parameters: { location: { value: MARKER } } }));
  write(outside, 'project.json', `{ "${MARKER}": true, "exclude": ["${MARKER}"] }`);
  write(outside, 'baseline.json', `{ "version": 1, "accepted": [{ "rule": "${MARKER}" }] }`);
  write(outside, 'region.yaml', `region: ${MARKER}\n`);

  // Terraform: a relative link, an absolute link, a link to a parent directory, a linked .tf and .tfvars.
  fs.symlinkSync('../outside/creds', path.join(repo, 'link.txt'));
  fs.symlinkSync(path.join(outside, 'region.txt'), path.join(repo, 'abs.txt'));
  fs.symlinkSync('../outside', path.join(repo, 'up'));
  fs.symlinkSync('../outside/creds', path.join(repo, 'evil.tf'));
  const tf = path.join(repo, 'tf');
  fs.mkdirSync(tf);
  fs.symlinkSync('../../outside/vars.tfvars', path.join(tf, 'terraform.tfvars'));
  write(
    repo,
    'main.tf',
    [
      'provider "aws" { region = file("${path.module}/link.txt") }',
      'provider "aws" {',
      '  alias  = "abs"',
      '  region = file("abs.txt")',
      '}',
      'provider "aws" {',
      '  alias  = "up"',
      '  region = trimspace(file("${path.module}/up/region.txt"))',
      '}',
      'provider "aws" {',
      '  alias  = "yaml"',
      '  region = yamldecode(file("up/region.yaml")).region',
      '}',
      'provider "aws" {',
      '  alias  = "tpl"',
      '  region = templatefile("link.txt", {})',
      '}',
      'locals { names = fileset("${path.module}/up", "*") }',
      'resource "aws_s3_bucket" "plain" { bucket = "a" }',
      'resource "aws_s3_bucket" "abs" {',
      '  provider = aws.abs',
      '}',
      'resource "aws_s3_bucket" "up" {',
      '  provider = aws.up',
      '}',
      'resource "aws_s3_bucket" "yaml" {',
      '  provider = aws.yaml',
      '}',
      'resource "aws_s3_bucket" "tpl" {',
      '  provider = aws.tpl',
      '}',
      'resource "aws_s3_bucket" "listed" {',
      '  for_each = toset(local.names)',
      '  bucket   = each.key',
      '}',
      '',
    ].join('\n'),
  );
  write(
    tf,
    'main.tf',
    'variable "region" {}\nprovider "aws" { region = var.region }\nresource "aws_s3_bucket" "v" {}\n',
  );

  // ARM: a linked template and a parameter file that are links out of the repository.
  const arm = path.join(repo, 'arm');
  fs.mkdirSync(arm);
  fs.symlinkSync('../../outside/tpl.json', path.join(arm, 'linked.json'));
  fs.symlinkSync('../../outside/params.json', path.join(arm, 'azuredeploy.parameters.json'));
  write(arm, 'azuredeploy.json', armLinking());

  // The project file and its baseline.
  fs.symlinkSync('../outside/project.json', path.join(repo, '.cloud-act-lens.json'));
  return { repo, outside };
}

function armTemplate(location: string): string {
  return JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { location: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-01-01',
        name: location,
        location,
      },
    ],
  });
}

function armLinking(): string {
  return JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { location: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'linked',
        properties: { mode: 'Incremental', templateLink: { relativePath: 'linked.json' } },
      },
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-01-01',
        name: 'withparams',
        location: "[parameters('location')]",
      },
    ],
  });
}

describe('reads outside the scanned folder (hostile repositories)', function () {
  this.timeout(60_000);
  let repo: string;
  let outside: string;
  before(() => ({ repo, outside } = hostileRepo()));
  after(() => fs.rmSync(path.dirname(repo), { recursive: true, force: true }));

  for (const format of FORMATS) {
    it(`never copies an outside file's content into the ${format} report`, () => {
      const out = scan(repo, format);
      assert.ok(!out.includes(MARKER), `the ${format} report contains content of a file outside the repository`);
      assert.ok(!out.includes('aws_secret_access_key'));
    });
  }

  it('says which path was refused, as written, without its content', () => {
    const doc = JSON.parse(scan(repo, 'json')) as {
      findings: Array<{ ruleId: string; resource: string; message: string }>;
      errors: Array<{ file: string; message: string }>;
    };
    const refused = doc.errors.filter((e) => /outside the scanned folder/.test(e.message)).map((e) => e.file);
    for (const f of ['link.txt', 'evil.tf', 'tf/terraform.tfvars', 'arm/linked.json', '.cloud-act-lens.json']) {
      assert.ok(
        refused.some((r) => r === f || r.endsWith(`/${f}`)),
        `${f} not reported as refused: ${refused.join(', ')}`,
      );
    }
    const plain = doc.findings.find((f) => f.resource === 'aws_s3_bucket.plain');
    assert.equal(plain?.ruleId, 'CAL002');
    assert.match(plain.message, /link\.txt/);
  });

  it('still reads module configuration that the code calls from outside the folder', () => {
    const modules = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-modules-'));
    try {
      fs.mkdirSync(path.join(modules, 'shared'));
      fs.mkdirSync(path.join(modules, 'live'));
      fs.writeFileSync(
        path.join(modules, 'shared', 'main.tf'),
        'variable "region" {}\nprovider "aws" { region = var.region }\nresource "aws_s3_bucket" "m" {}\n',
      );
      fs.writeFileSync(
        path.join(modules, 'live', 'main.tf'),
        'module "s" {\n  source = "../shared"\n  region = "eu-central-1"\n}\n',
      );
      const doc = JSON.parse(scan(path.join(modules, 'live'), 'json')) as {
        resources: Array<{ type: string; region: string | null }>;
      };
      assert.deepEqual(
        doc.resources.map((r) => [r.type, r.region]),
        [['aws_s3_bucket', 'eu-central-1']],
      );
    } finally {
      fs.rmSync(modules, { recursive: true, force: true });
    }
  });

  it('never lists a directory outside the folder for fileset()', () => {
    const doc = JSON.parse(scan(repo, 'json')) as { resources: Array<{ name: string }> };
    assert.ok(!doc.resources.some((r) => /region|creds|vars/.test(r.name)), 'fileset() listed the outside folder');
    assert.ok(fs.existsSync(path.join(outside, 'region.txt')));
  });
});

describe('values echoed from scanned files', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-echo-'));
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      `provider "aws" { region = "${'A'.repeat(5000)}" }\n` +
        'resource "aws_s3_bucket" "a\\u001b[31mred" { bucket = "x" }\n' +
        'resource "aws_s3_bucket" "b" {\n  provider = aws.nl\n}\n' +
        'provider "aws" {\n  alias  = "nl"\n  region = "eu-west-1\\n\\u0007bell"\n}\n',
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of FORMATS) {
    it(`shows an unknown literal short and on one line in the ${format} report`, () => {
      const out = scan(dir, format);
      assert.ok(!out.includes('A'.repeat(65)), 'a literal longer than 64 characters is echoed whole');
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u001b\u0007]/.test(out), 'a control character from the scanned code reaches the report');
    });
  }

  it('keeps each finding message short', () => {
    const doc = JSON.parse(scan(dir, 'json')) as { findings: Array<{ message: string }> };
    for (const f of doc.findings) {
      assert.ok(f.message.length <= 300, `${f.message.length} characters: ${f.message.slice(0, 80)}`);
    }
  });
});
