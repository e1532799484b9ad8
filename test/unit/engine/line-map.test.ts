import assert from 'node:assert/strict';

import { LineMap } from '../../../src/engine/text/line-map';

describe('line map (every parser)', () => {
  const at = (text: string, offset: number) => new LineMap(text).position(offset);

  it('counts LF lines (the fast path) and positions at line ends and at the end of the text', () => {
    const text = 'a\nbc\n\nd';
    assert.deepEqual(at(text, 0), { line: 0, character: 0 });
    assert.deepEqual(at(text, 1), { line: 0, character: 1 });
    assert.deepEqual(at(text, 3), { line: 1, character: 1 });
    assert.deepEqual(at(text, 5), { line: 2, character: 0 });
    assert.deepEqual(at(text, 6), { line: 3, character: 0 });
    assert.deepEqual(at(text, 7), { line: 3, character: 1 });
    assert.deepEqual(at('', 0), { line: 0, character: 0 });
    assert.deepEqual(at('x\n', 2), { line: 1, character: 0 });
  });

  it('counts CRLF and a lone CR as one line break each, as VS Code does', () => {
    const text = 'a\r\nb\rc\nd';
    assert.deepEqual(at(text, 3), { line: 1, character: 0 });
    assert.deepEqual(at(text, 5), { line: 2, character: 0 });
    assert.deepEqual(at(text, 7), { line: 3, character: 0 });
  });

  it('gives the same lines for LF text by either path', () => {
    const lf = Array.from({ length: 50 }, (_, i) => 'x'.repeat(i % 7)).join('\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = new LineMap(lf);
    const b = new LineMap(crlf);
    for (let line = 0; line < 50; line++) {
      const offLf = lf.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
      const offCrlf = crlf.split('\r\n').slice(0, line).join('\r\n').length + (line > 0 ? 2 : 0);
      assert.deepEqual(a.position(offLf), b.position(offCrlf));
      assert.equal(a.position(offLf).line, line);
    }
  });

  it('answers lookups in any order: the remembered line never changes an answer', () => {
    const text = 'ab\r\ncd\re\n\nfgh\r\n\ri';
    const fresh = (o: number) => new LineMap(text).position(o);
    const shared = new LineMap(text);
    const offsets = [9, 0, 13, 3, 4, 12, 6, 7, 1, 14, 8, 2, 11, 5, 10, -1];
    for (const o of offsets) {
      assert.deepEqual(shared.position(o), fresh(o), `offset ${o}`);
    }
    assert.deepEqual(shared.position(-1), { line: 0, character: 0 });
  });

  it('reads its text only when a position is first asked for, and once', () => {
    // A text that counts the searches made in it: most maps of a scan are never asked for a position.
    let searches = 0;
    const text = Object.assign(new String('ab\ncd\n\ne'), {
      indexOf(this: string, search: string, from?: number) {
        searches++;
        return String.prototype.indexOf.call(this, search, from);
      },
      includes(this: string, search: string) {
        searches++;
        return String.prototype.includes.call(this, search);
      },
    }) as unknown as string;
    const map = new LineMap(text);
    assert.equal(searches, 0);
    assert.deepEqual(map.position(4), { line: 1, character: 1 });
    const afterFirst = searches;
    assert.ok(afterFirst > 0);
    assert.deepEqual(map.range(7, 8), { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } });
    assert.equal(searches, afterFirst);
  });
});
