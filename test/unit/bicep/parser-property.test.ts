import assert from 'node:assert/strict';

import fc from 'fast-check';

import { parseBicep } from '../../../src/engine/bicep/parser';

/** Fragments of Bicep that, shuffled together, reach most states of the lexer and the parser. */
const PIECES = [
  'param ',
  'var ',
  'resource ',
  'module ',
  'output ',
  'type ',
  'func ',
  'import ',
  'using ',
  'existing ',
  'for ',
  'in ',
  'if ',
  'x',
  'loc',
  ' = ',
  ':',
  '::',
  '.',
  '.?',
  '?',
  '??',
  '!',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  ',',
  '\n',
  '\r\n',
  "'",
  "'''",
  '${',
  '=>',
  '...',
  '@',
  '#disable-next-line x\n',
  '// c\n',
  '/*',
  '*/',
  '|',
  '1',
  ' ',
  "'Microsoft.Web/sites@2023-12-01'",
  "'a${b}c'",
  '\uFEFF',
  '\t',
  '<',
  '>',
  '-',
];

describe('bicep parser: properties', () => {
  it('never throws, keeps every range inside the text, and terminates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }),
        fc.string({ maxLength: 20 }),
        (parts, noise) => {
          const text = parts.join('') + noise;
          const r = parseBicep(text);
          for (const e of r.errors) {
            assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length);
          }
          for (const s of r.statements) {
            assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
