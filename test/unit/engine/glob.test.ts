import assert from 'node:assert/strict';

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

  it('stays fast on pathological patterns', () => {
    const g = compileGlobs(['**/**/**/**/**/**/**/**/**/**/z']);
    assert.equal(g.matches(`${'a/'.repeat(200)}b`), false);
  });
});
