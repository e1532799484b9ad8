import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'cloud-act-lens')!;

/** The files of a commit, as pre-commit would hand them to the hook. */
const STAGED = [
  'infra/main.tf',
  'infra/variables.tf',
  'infra/terraform.tfvars',
  'infra/modules/storage/main.tf',
  'live/prod/terragrunt.hcl',
  'stack.tofu',
  'stack.tf.json',
  'prod.tfvars.json',
  'bicep/main.bicep',
  'bicep/main.bicepparam',
  'arm/azuredeploy.json',
  'README.md',
  'app/server.py',
  'infra/notes.tf.bak',
  'config.hcl',
];

/** Runs the hook as pre-commit does: entry words, then args, then the file names if it takes them. */
function runHook(cwd: string, files: string[], args: string[] = []) {
  const [command, ...entryArgs] = hook.entry.split(/\s+/);
  // `language: node` installs the package, so the entry's command is the package's bin.
  assert.equal(command, Object.keys(pkg.bin)[0]);
  const bin = path.join(ROOT, pkg.bin[command]);
  const argv = [...entryArgs, ...args, ...(hook.pass_filenames === false ? [] : files)];
  return spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: 'utf8' });
}

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  let repo: string;

  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-pre-commit-'));
    fs.cpSync(path.join(ROOT, 'test/fixtures/example-workspace'), repo, { recursive: true });
  });

  after(() => {
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('runs for Terraform/OpenTofu, Bicep and ARM files only', () => {
    assert.equal(hook.language, 'node');
    const files = new RegExp(hook.files);
    assert.deepEqual(
      STAGED.filter((f) => files.test(f)),
      STAGED.slice(0, 11),
    );
  });

  it('scans the repository with each file in its module context and passes without errors', () => {
    const staged = ['terraform/main.tf', 'bicep/main.bicep'];
    const r = runHook(repo, staged, ['--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    const invoices = doc.resources.find((x: { name: string }) => x.name === 'invoices');
    // The region comes from terraform.tfvars, which a scan of main.tf alone would not read.
    assert.equal(invoices.region, 'eu-central-1');
    const languages = new Set(doc.resources.map((x: { language: string }) => x.language));
    assert.deepEqual([...languages].sort(), ['arm', 'bicep', 'terraform']);
  });

  it('fails the commit on findings at or above the --fail-on given in args', () => {
    const r = runHook(repo, ['terraform/main.tf'], ['--fail-on', 'warning']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /CAL001/);
  });
});
