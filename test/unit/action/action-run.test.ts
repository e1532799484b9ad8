import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { parse } from 'yaml';

import { sarifProblems } from '../helpers/sarif-validator';

const ROOT = path.resolve(__dirname, '../../../..');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface ActionFile {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, Record<string, string>>;
}

interface StepResult {
  name: string;
  /** `ran` with its exit code, `skipped` by its condition, or `uses` (another action, with its resolved inputs). */
  kind: 'ran' | 'skipped' | 'uses';
  status?: number | null;
  output?: string;
  with?: Record<string, string>;
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionFile;

/** The part of GitHub's expression language that action.yml may use; anything else fails the test. */
function evaluate(expr: string, ctx: Context): string | boolean {
  const e = expr.trim();
  if (e.includes('&&')) {
    return e.split('&&').every((part) => evaluate(part, ctx) === true);
  }
  const cmp = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(e);
  if (cmp) {
    const equal = evaluate(cmp[1], ctx) === evaluate(cmp[3], ctx);
    return cmp[2] === '==' ? equal : !equal;
  }
  const literal = /^'([^']*)'$/.exec(e);
  if (literal) {
    return literal[1];
  }
  const input = /^inputs\.([\w-]+)$/.exec(e);
  if (input) {
    return ctx.inputs[input[1]] ?? '';
  }
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
  if (output) {
    return ctx.steps[output[1]]?.[output[2]] ?? '';
  }
  throw new Error(`expression not supported by this test: ${e}`);
}

function substitute(text: string, ctx: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => String(evaluate(e, ctx)));
}

function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

/**
 * Runs the composite action's steps as a runner would: `run:` steps in bash with the inputs mapped
 * through `env:`, in `workspace`, with GITHUB_ACTION_PATH at this checkout (whose dist/ the test has
 * built, so the build step finds the CLI). Steps that use other actions are not run; their inputs
 * are resolved and returned. A failing step skips the rest, as `if: success()` does.
 */
function runAction(workspace: string, given: Record<string, string>) {
  const ctx: Context = { inputs: {}, steps: {} };
  for (const [name, spec] of Object.entries(action.inputs)) {
    ctx.inputs[name] = given[name] ?? spec.default ?? '';
  }
  const githubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-action-github-'));
  const summary = path.join(githubDir, 'summary.md');
  fs.writeFileSync(summary, '');
  const results: StepResult[] = [];
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INPUT|GITHUB)_/.test(k)));
  let failed = false;
  action.runs.steps.forEach((step, i) => {
    const name = step.name ?? `step ${i}`;
    if (failed || (step.if !== undefined && evaluate(step.if, ctx) !== true)) {
      results.push({ name, kind: 'skipped' });
      return;
    }
    if (step.uses) {
      const resolved = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(v, ctx)]));
      results.push({ name, kind: 'uses', with: resolved });
      return;
    }
    const outputFile = path.join(githubDir, `output-${i}`);
    fs.writeFileSync(outputFile, '');
    const script = path.join(githubDir, `step-${i}.sh`);
    fs.writeFileSync(script, step.run!);
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summary,
    };
    for (const [k, v] of Object.entries(step.env ?? {})) {
      env[k] = substitute(v, ctx);
    }
    // The command line GitHub uses for `shell: bash`.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      env,
      encoding: 'utf8',
    });
    results.push({ name, kind: 'ran', status: r.status, output: r.stdout + r.stderr });
    if (step.id) {
      ctx.steps[step.id] = readOutputs(outputFile);
    }
    failed = r.status !== 0;
  });
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, substitute(o.value, ctx)]));
  const summaryText = fs.readFileSync(summary, 'utf8');
  fs.rmSync(githubDir, { recursive: true, force: true });
  return { results, outputs, summary: summaryText, failed };
}

describe('GitHub Action (action.yml)', function () {
  let workspace: string;

  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-action-ws-'));
    fs.cpSync(path.join(ROOT, 'test/fixtures/example-workspace/terraform'), path.join(workspace, 'infra'), {
      recursive: true,
    });
  });

  afterEach(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('is a composite action whose scripts run in bash and never splice expressions into script text', () => {
    assert.equal(action.runs.using, 'composite');
    for (const step of action.runs.steps) {
      if (step.run !== undefined) {
        assert.equal(step.shell, 'bash', step.name);
        assert.ok(!step.run.includes('${{'), `${step.name}: inputs must reach the script through env`);
      }
    }
  });

  it('writes valid SARIF and a job summary, and fails the job on findings at or above fail-on', function () {
    this.timeout(180_000);
    const run = runAction(workspace, { paths: 'infra', 'fail-on': 'warning', formats: 'sarif,json' });
    const [build, scan, upload, fail] = run.results;
    assert.equal(build.kind, 'ran');
    assert.equal(build.status, 0, build.output);
    assert.match(build.output!, /Using the CLI already built/);
    assert.equal(scan.status, 0, scan.output);
    assert.equal(upload.kind, 'skipped', 'upload-sarif is off by default');
    assert.equal(fail.status, 1, 'the last step fails the job with the CLI exit code');
    assert.ok(run.failed);
    assert.deepEqual(run.outputs, {
      'sarif-file': 'cloud-act-lens-results/cloud-act-lens.sarif',
      'output-dir': 'cloud-act-lens-results',
      'exit-code': '1',
    });

    const sarifFile = path.join(workspace, run.outputs['sarif-file']);
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as {
      runs: {
        results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    const uris = new Set(sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('infra/main.tf'), [...uris].join(', '));
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'CAL001'));
    const problems = sarifProblems(sarifFile);
    if (problems !== undefined) {
      assert.deepEqual(problems, []);
    }

    const json = JSON.parse(
      fs.readFileSync(path.join(workspace, 'cloud-act-lens-results/cloud-act-lens.json'), 'utf8'),
    );
    assert.equal(json.schemaVersion, 1);
    assert.match(run.summary, /^# CLOUD Act Lens report/);
    assert.match(run.summary, /infra\/main\.tf/);
  });

  it('passes with fail-on none and hands the SARIF file to the upload step when asked to', function () {
    this.timeout(180_000);
    const run = runAction(workspace, { paths: 'infra', 'fail-on': 'none', 'upload-sarif': 'true', summary: 'false' });
    assert.ok(!run.failed, JSON.stringify(run.results, null, 1));
    const upload = run.results.find((r) => r.kind === 'uses')!;
    assert.deepEqual(upload.with, {
      sarif_file: 'cloud-act-lens-results/cloud-act-lens.sarif',
      category: 'cloud-act-lens',
    });
    assert.equal(run.outputs['exit-code'], '0');
    assert.equal(run.summary, '');
    assert.ok(!fs.existsSync(path.join(workspace, 'cloud-act-lens-results/cloud-act-lens.md')));
  });

  it('fails the scan step with the CLI usage error for a bad input', function () {
    this.timeout(60_000);
    const run = runAction(workspace, { paths: 'infra', 'fail-on': 'sometimes' });
    const scan = run.results[1];
    assert.equal(scan.status, 2);
    assert.match(scan.output!, /fail-on/);
    assert.deepEqual(
      run.results.slice(2).map((r) => r.kind),
      ['skipped', 'skipped'],
    );
  });
});
