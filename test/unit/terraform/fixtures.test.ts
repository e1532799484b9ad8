import assert from 'node:assert/strict';
import * as path from 'node:path';

import { fixtureCases, FIXTURES, missingProviders, project, readExpected, scanFixture } from './fixture-runner';

describe('terraform fixtures (test/fixtures/terraform/*/expected.json)', () => {
  for (const name of fixtureCases()) {
    const expected = readExpected(name);
    it(`${name}: ${expected.description}`, async function () {
      const missing = missingProviders(expected);
      if (missing.length > 0) {
        // The catalog is filled provider by provider; the expectation stays and runs once it lands.
        this.skip();
      }
      const result = await scanFixture(name, expected);
      const root = path.join(FIXTURES, name);
      // A module analysed for several callers yields one placement per caller, under the same address:
      // those are compared in the order of their region ids.
      const actual = [...result.placements].sort((a, b) =>
        `${a.address}\u0000${a.regionId ?? ''}` < `${b.address}\u0000${b.regionId ?? ''}` ? -1 : 1,
      );
      assert.deepEqual(
        actual.map((p) => p.address),
        expected.resources.map((r) => r.address).sort(),
        'the set of placements',
      );
      const used = new Set<number>();
      for (const e of expected.resources) {
        const i = actual.findIndex((p, j) => !used.has(j) && p.address === e.address);
        used.add(i);
        assert.deepEqual(project(actual[i], e, root), e, e.address);
      }
      const errors = result.errors.map((er) => ({
        file: path.relative(root, er.file).replace(/\\/g, '/'),
        line: er.range ? er.range.start.line + 1 : undefined,
        message: er.message,
        notRead: er.notRead,
      }));
      const want = expected.errors ?? [];
      assert.equal(errors.length, want.length, JSON.stringify(errors));
      want.forEach((w, i) => {
        assert.equal(errors[i].file, w.file);
        if (w.line !== undefined) {
          assert.equal(errors[i].line, w.line);
        }
        if (w.message !== undefined) {
          assert.match(errors[i].message, new RegExp(w.message));
        }
        if (w.notRead !== undefined) {
          assert.deepEqual(errors[i].notRead, w.notRead);
        }
      });
    });
  }
});
