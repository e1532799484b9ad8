import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { readExpected } from './fixture-runner';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface JsonResource {
  file: string;
  address: string;
  region: string | null;
  country: string | null;
  findings: string[];
}

/** A few fixtures through the real CLI: the JSON contract other tools consume. */
describe('terraform fixtures through the CLI', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  for (const name of ['modules-local', 'tfvars-precedence', 'unresolved', 'terragrunt']) {
    it(`scans ${name} with --format json`, () => {
      const expected = readExpected(name);
      const args = ['scan', `test/fixtures/terraform/${name}`, '--format', 'json'];
      for (const vf of expected.config?.varFiles ?? []) {
        args.push('--var-file', `test/fixtures/terraform/${name}/${vf}`);
      }
      for (const [k, v] of Object.entries(expected.config?.vars ?? {})) {
        args.push('--var', `${k}=${v}`);
      }
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as { resources: JsonResource[]; errors: Array<{ file: string; line: number }> };
      assert.deepEqual(
        doc.errors.map((e) => `${e.file}:${e.line}`),
        (expected.errors ?? []).map((e) => `test/fixtures/terraform/${name}/${e.file}:${e.line}`),
      );
      const actual = doc.resources.map((x) => `${x.address} ${x.region ?? 'null'}`).sort();
      const want = expected.resources
        .map((x) => `${x.address} ${x.region === undefined ? '?' : (x.region ?? 'null')}`)
        .sort();
      assert.deepEqual(
        actual.map((a, i) => (want[i]?.endsWith(' ?') ? a.replace(/ \S+$/, ' ?') : a)),
        want,
      );
      for (const res of doc.resources) {
        assert.ok(res.file.startsWith(`test/fixtures/terraform/${name}/`), res.file);
      }
    });
  }
});
