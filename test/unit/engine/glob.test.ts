import assert from 'node:assert/strict';

import fc from 'fast-check';

import { compileGlobs } from '../../../src/engine/workspace/glob';

describe('glob', () => {
  it('matches **, * and braces', () => {
    const g = compileGlobs(['**/node_modules/**', 'envs/*/secret.{tf,tfvars}']);
    assert.equal(g.matches('a/node_modules/x/y.tf'), true);
    assert.equal(g.matches('envs/prod/secret.tfvars'), true);
    assert.equal(g.matches('envs/prod/x/secret.tf'), false);
    assert.equal(g.matches('main.tf'), false);
  });

  it('matches literal segments, alternatives and wildcards the same way', () => {
    const g = compileGlobs(['**/.terraform/**', 'stacks/{dev,prod}/**', 'x?z/*.bicep']);
    assert.equal(g.matches('a/.terraform/_'), true);
    assert.equal(g.matches('.terraform/m/main.tf'), true);
    // A trailing `**` also matches no segment at all.
    assert.equal(g.matches('a/.terraform'), true);
    assert.equal(g.matches('a/terraform/x'), false);
    assert.equal(g.matches('stacks/prod/main.tf'), true);
    assert.equal(g.matches('stacks/test/main.tf'), false);
    assert.equal(g.matches('xyz/main.bicep'), true);
    assert.equal(g.matches('xyz/a/main.bicep'), false);
    // The scratch rows grow for deep paths and are reused afterwards.
    assert.equal(g.matches(`${'d/'.repeat(100)}.terraform/x`), true);
    assert.equal(g.matches('a/.terraform/_'), true);
  });

  it('matches a bare name anywhere', () => {
    assert.equal(compileGlobs(['*.tofu']).matches('a/b/c.tofu'), true);
  });

  it('answers a literal segment between globstars as the general matcher does', () => {
    const paths = [
      'node_modules',
      'a/node_modules',
      'node_modules/x',
      'a/node_modules/b/c.tf',
      'a/node_modules_x/b',
      'a/xnode_modules',
      'anode_modules/node_modulesb',
      'a/b',
      '',
      'a//node_modules',
      'node_modules/',
    ];
    for (const p of paths) {
      // Two globstars in a row mean one, and take the general matcher.
      const general = compileGlobs(['**/**/node_modules/**']).matches(p);
      assert.equal(compileGlobs(['**/node_modules/**']).matches(p), general, p);
      assert.equal(compileGlobs(['**/{node_modules,zz}/**']).matches(p), general, p);
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('nm', 'a', 'nmx', 'xnm', 'n', ''), { maxLength: 6 }), (segs) => {
        const p = segs.join('/');
        assert.equal(compileGlobs(['**/nm/**']).matches(p), compileGlobs(['**/**/nm/**']).matches(p), p);
      }),
    );
    const mixed = compileGlobs(['**/.git/**', 'envs/*/secret.tf']);
    assert.equal(mixed.matches('envs/prod/secret.tf'), true);
    assert.equal(mixed.matches('x/.git/config'), true);
    assert.equal(mixed.matches('x/.github/config'), false);
  });

  it('stays fast on pathological patterns', () => {
    const g = compileGlobs(['**/**/**/**/**/**/**/**/**/**/z']);
    assert.equal(g.matches(`${'a/'.repeat(200)}b`), false);
  });
});
