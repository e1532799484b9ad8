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

  it('matches a bare name anywhere', () => {
    assert.equal(compileGlobs(['*.tofu']).matches('a/b/c.tofu'), true);
  });

  it('stays fast on pathological patterns', () => {
    const g = compileGlobs(['**/**/**/**/**/**/**/**/**/**/z']);
    assert.equal(g.matches(`${'a/'.repeat(200)}b`), false);
  });
});
