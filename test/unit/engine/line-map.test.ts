import assert from 'node:assert/strict';
import { LineMap } from '../../../src/engine/text/line-map';

describe('line map (Bicep and ARM)', () => {
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
});
