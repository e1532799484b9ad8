import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as fc from 'fast-check';

import type { Attribute, File } from '../../../../src/engine/terraform/parser';
import { parseHcl } from '../../../../src/engine/terraform/parser';
import { attr, mutated, SNIPPETS } from './util';

/**
 * A syntax tree as plain data: every field, every range, and each attribute's expression read through
 * `expr` (a lazily parsed one is then built). Two parses give the same answer exactly when this is equal.
 */
function plain(node: unknown): unknown {
  if (node === null || typeof node !== 'object') {
    return node;
  }
  if (Array.isArray(node)) {
    return node.map((n) => plain(n));
  }
  const rec = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) {
    // A body's `attributes` and `blocks` are its `items` again (followed once, or nested blocks double).
    if (k !== 'lines' && k !== 'exprNode' && k !== 'exprStart' && k !== 'attributes' && k !== 'blocks') {
      out[k] = plain(v);
    }
  }
  for (const k of ['range', 'nameRange', 'typeRange', 'rootRange', 'operatorRange', 'expr']) {
    if (k in rec) {
      out[k] = plain(rec[k]);
    }
  }
  return out;
}

function sameTree(text: string): void {
  const eager = parseHcl(text, { eagerExpressions: true });
  const lazy = parseHcl(text);
  assert.deepEqual(plain(lazy), plain(eager), text.slice(0, 200));
}

/** Whether an attribute's expression has been built (without building it). */
function built(a: Attribute): boolean {
  return (a as unknown as { exprStart?: number }).exprStart === undefined;
}

function tfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(tf|tfvars|hcl)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('HCL parser: expressions parsed when read', () => {
  it('builds an expression that parsed without errors only when its attribute is read, and keeps it', () => {
    const f: File = parseHcl('a = "x-${var.env}"\nb = [for s in var.l : upper(s)]\n');
    const a = attr(f.body, 'a');
    const b = attr(f.body, 'b');
    assert.equal(built(a), false);
    assert.equal(built(b), false);
    const first = a.expr;
    assert.equal(first.kind, 'template');
    assert.equal(built(a), true);
    assert.equal(a.expr, first, 'the parsed expression is kept');
    assert.equal(built(b), false, 'reading one attribute parses only its expression');
  });

  it('keeps an expression with a syntax error as it was built, and reports the same errors', () => {
    const text = 'a = [1, 2\nb = f(\nc = 1 +\nd = "ok"\n';
    const lazy = parseHcl(text);
    const eager = parseHcl(text, { eagerExpressions: true });
    assert.deepEqual(lazy.errors, eager.errors);
    assert.ok(lazy.errors.length > 0);
    const erroneous = lazy.body.attributes.filter((a) => a.name !== 'd');
    assert.ok(erroneous.every(built), 'attributes whose expression had an error are built at once');
    sameTree(text);
  });

  it('gives the same tree as an eager parse for every fixture file', () => {
    const root = join(__dirname, '../../../../../test/fixtures');
    const files = tfFiles(root);
    assert.ok(files.length > 50, `found ${files.length} fixture files`);
    for (const file of files) {
      sameTree(readFileSync(file, 'utf8'));
    }
  });

  it('gives the same tree for heredocs, templates, for expressions, nesting, CRLF and deep input', () => {
    for (const s of SNIPPETS) {
      sameTree(s);
    }
    sameTree(SNIPPETS.join(''));
    sameTree('a = <<EOT\nx ${y}\nEOT\nb = <<-EOT\n    z\n  EOT\n');
    sameTree('a = <<EOT\nno end');
    sameTree('a = 1 # comment\r\nb = 2 // c\r\nc = /* d */ 3\r\n');
    sameTree('m = {\n  k = [\n    1,\n    2,\n  ]\n}\nn = (\n  1 + 2\n)\n');
    sameTree(`x = ${'['.repeat(150)}${']'.repeat(150)}\n`);
    sameTree(`x = ${'['.repeat(250)}${']'.repeat(250)}\n`);
    sameTree(`${'b {\n'.repeat(190)}x = ${'['.repeat(20)}${']'.repeat(20)}\n${'}\n'.repeat(190)}`);
  });

  it('gives the same tree and errors as an eager parse on mutated input', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        sameTree(text);
        assert.deepEqual(parseHcl(text).errors, parseHcl(text, { eagerExpressions: true }).errors);
      }),
      { numRuns: 400 },
    );
  });
});
