import * as assert from 'node:assert/strict';

import * as fc from 'fast-check';

import type { File, NodeBase } from '../../../../src/engine/terraform/parser';
import { parseHcl, parseHclJson } from '../../../../src/engine/terraform/parser';
import { mutated, SNIPPETS } from './util';

/** Walks every node (bounded by the nesting limit) and checks its range lies inside the text. */
function checkRanges(f: File, text: string): void {
  // Lines as VS Code counts them: LF, CRLF and a lone CR each end one.
  const lines = text.split(/\r\n|\r|\n/);
  const inside = (p: { line: number; character: number }): boolean =>
    p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  const stack: unknown[] = [f.body, ...f.errors];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === null || typeof n !== 'object') {
      continue;
    }
    if (Array.isArray(n)) {
      stack.push(...n);
      continue;
    }
    const rec = n as Record<string, unknown>;
    if ('start' in rec && 'end' in rec && typeof rec.start === 'object') {
      const r = rec as unknown as {
        start: { line: number; character: number };
        end: { line: number; character: number };
      };
      assert.ok(inside(r.start) && inside(r.end), `range inside document: ${JSON.stringify(r)}`);
      assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
      continue;
    }
    if (typeof rec.offset === 'number') {
      assert.ok(rec.offset >= 0 && (rec.endOffset as number) <= text.length && rec.offset <= (rec.endOffset as number));
      // Parser nodes compute their ranges from the offsets when read: check those as well.
      stack.push((rec as unknown as NodeBase).range);
      // An attribute's expression may be parsed only when read: `expr` is then not an own field.
      for (const k of ['nameRange', 'typeRange', 'rootRange', 'expr']) {
        if (k in rec) {
          stack.push(rec[k]);
        }
      }
    }
    for (const [k, v] of Object.entries(rec)) {
      if (k !== 'lines') {
        stack.push(v);
      }
    }
  }
}

describe('HCL parser: properties', () => {
  it('never throws and keeps ranges inside the document on mutated input', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const f = parseHcl(text);
        checkRanges(f, text);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        checkRanges(parseHcl(text), text);
        checkRanges(parseHclJson(text, 'config'), text);
      }),
      { numRuns: 300 },
    );
  });

  it('parses the unmodified snippets without errors', () => {
    for (const s of SNIPPETS) {
      assert.deepEqual(parseHcl(s).errors, [], s);
    }
    assert.deepEqual(parseHcl(SNIPPETS.join('')).errors, []);
  });
});
