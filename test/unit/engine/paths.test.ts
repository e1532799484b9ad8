import assert from 'node:assert/strict';

import fc from 'fast-check';

import { join, relative } from '../../../src/engine/workspace/paths';

/** The definition: split on `/`, drop empty and `.` segments, `..` removes the previous one. */
function reference(base: string, rel: string): string {
  const out: string[] = [];
  for (const seg of (rel.startsWith('/') ? rel : `${base}/${rel}`).split('/')) {
    if (seg === '..') {
      out.pop();
    } else if (seg !== '' && seg !== '.') {
      out.push(seg);
    }
  }
  return '/' + out.join('/');
}

function relativeReference(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i++;
  }
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

describe('engine paths', () => {
  it('joins module paths as written in templates', () => {
    assert.equal(join('/ws/app', './modules/sa.bicep'), '/ws/app/modules/sa.bicep');
    assert.equal(join('/ws/app', '../../shared/x.bicep'), '/shared/x.bicep');
    assert.equal(join('/ws', '../../../x'), '/x');
    assert.equal(join('/', 'a/b'), '/a/b');
    assert.equal(join('/ws', 'a/./b/../c'), '/ws/a/c');
    assert.equal(join('/ws/', 'a'), '/ws/a');
    assert.equal(join('/ws', '/abs/x'), '/abs/x');
    assert.equal(join('/ws', ''), '/ws');
    assert.equal(join('/ws', 'a/'), '/ws/a');
    assert.equal(join('/ws', '.hidden/..x/...'), '/ws/.hidden/..x/...');
  });

  it('gives the same result as the definition for any segments', () => {
    const seg = fc.constantFrom('', '.', '..', '...', 'a', '.a', 'a.', 'main.tf', '..b');
    const path = fc.array(seg, { maxLength: 6 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(path, path, fc.boolean(), (b, r, abs) => {
        const base = `/${b}`;
        const rel = abs ? `/${r}` : r;
        assert.equal(join(base, rel), reference(base, rel));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives relative paths as the definition does, inside the base or not', () => {
    assert.equal(relative('/ws', '/ws/a/b.tf'), 'a/b.tf');
    assert.equal(relative('/', '/a'), 'a');
    assert.equal(relative('/ws', '/ws'), '.');
    assert.equal(relative('/ws/a', '/ws/b/c'), '../b/c');
    const seg = fc.constantFrom('', '.', '..', 'a', 'b', 'main.tf');
    const path = fc.array(seg, { maxLength: 5 }).map((s) => `/${s.join('/')}`);
    fc.assert(
      fc.property(path, path, fc.boolean(), (from, rest, inside) => {
        const to = inside ? `${from}${rest}` : rest;
        assert.equal(relative(from, to), relativeReference(from, to));
      }),
      { numRuns: 5000 },
    );
  });
});
