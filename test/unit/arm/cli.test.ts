import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist/cli.js');

function scan(...args: string[]): {
  code: number | null;
  json: { resources: Array<Record<string, unknown>>; errors: Array<Record<string, unknown>> };
  stderr: string;
} {
  const r = spawnSync(process.execPath, [CLI, 'scan', ...args, '--format', 'json', '--fail-on', 'none'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return { code: r.status, json: JSON.parse(r.stdout), stderr: r.stderr };
}

describe('ARM through the CLI', () => {
  before(function () {
    if (!existsSync(CLI)) {
      this.skip();
    }
  });

  it('lists parameter-file values with their provenance', () => {
    const { code, json } = scan('test/fixtures/arm/parameter-file');
    assert.equal(code, 0);
    const pg = json.resources.find((r) => r.name === 'pg');
    assert.equal(pg?.language, 'arm');
    assert.equal(pg?.file, 'test/fixtures/arm/parameter-file/azuredeploy.json');
    assert.equal(pg?.line, 17);
    assert.equal(pg?.provider, 'azure');
    assert.match(String(pg?.provenance), /azuredeploy\.parameters\.json:6/);
  });

  it('reports a broken template in errors and keeps the good one beside it', () => {
    const { code, json, stderr } = scan('test/fixtures/arm/broken-template');
    assert.equal(code, 0);
    assert.deepEqual(json.resources.map((r) => r.name).sort(), ['good', 'partial']);
    assert.equal(json.errors.length, 1);
    assert.equal(json.errors[0].file, 'test/fixtures/arm/broken-template/broken.json');
    assert.equal(stderr, '');
  });
});
