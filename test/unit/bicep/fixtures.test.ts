import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { defaultAnalyzers, defaultConfig, Engine, paths } from '../../../src/engine';

const ROOT = path.resolve(__dirname, '../../../../test/fixtures/bicep');

interface Expected {
  vars?: Record<string, string>;
  placements: Array<{ address: string; region: string | null; country: string | null; rules: string[] }>;
  /** Errors and what was not read, each by file (relative), line and a part of its message. */
  errors?: Array<{ file: string; line: number; message: string; notRead?: boolean }>;
}

describe('bicep fixtures', () => {
  for (const name of fs.readdirSync(ROOT).sort()) {
    const dir = path.join(ROOT, name);
    it(name, async () => {
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
      const config = { ...defaultConfig(), vars: expected.vars ?? {} };
      const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
      const result = await engine.scan([paths.toEnginePath(dir)], { config });
      const errors = result.errors.map((e) => ({
        file: path.relative(dir, e.file),
        line: (e.range?.start.line ?? 0) + 1,
        notRead: e.notRead !== undefined,
      }));
      const wanted = expected.errors ?? [];
      assert.deepEqual(
        errors,
        wanted.map(({ file, line, notRead }) => ({ file, line, notRead: notRead === true })),
        JSON.stringify(result.errors),
      );
      wanted.forEach((w, i) => assert.ok(result.errors[i].message.includes(w.message), result.errors[i].message));
      const actual = result.placements
        .map((p) => ({
          address: p.address,
          region: p.regionId,
          country: p.country,
          rules: p.findings.map((f) => f.ruleId).sort(),
        }))
        .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
      const want = [...expected.placements].sort((a, b) =>
        a.address < b.address ? -1 : a.address > b.address ? 1 : 0,
      );
      assert.deepEqual(actual, want);
    });
  }
});
