import assert from 'node:assert/strict';

import { governs, isExpired, parseDirectives } from '../../../src/engine/suppress/directives';

describe('suppression directives', () => {
  it('parses rules, expiry and reason in #, // and /* */ comments', () => {
    const { directives, problems } = parseDirectives(
      [
        '# cloud-act-lens:ignore CAL001 -- reason one',
        '// cloud-act-lens:ignore CAL001,CAL003 expires=2027-06-30 -- reason two',
        '/* cloud-act-lens:ignore-file CAL005 -- reason three */',
      ].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      directives.map((d) => [d.scope, d.rules, d.expires, d.reason, d.line]),
      [
        ['next', ['CAL001'], undefined, 'reason one', 0],
        ['next', ['CAL001', 'CAL003'], '2027-06-30', 'reason two', 1],
        ['file', ['CAL005'], undefined, 'reason three', 2],
      ],
    );
  });

  it('reports malformed directives', () => {
    const { directives, problems } = parseDirectives(
      [
        '# cloud-act-lens:ignore CAL999 -- x',
        '# cloud-act-lens:ignore CAL001 expires=2027-13-01 -- x',
        '# cloud-act-lens:nope',
        '# cloud-act-lens:ignore -- x',
      ].join('\n'),
    );
    assert.equal(directives.length, 0);
    assert.deepEqual(
      problems.map((p) => p.range.start.line),
      [0, 1, 2, 3],
    );
  });

  it('ignores the marker outside comments', () => {
    assert.equal(parseDirectives('name = "cloud-act-lens:ignore CAL001 -- x"').directives.length, 0);
  });

  it('expires after the given day', () => {
    assert.equal(isExpired('2026-01-01', new Date('2026-01-01T12:00:00Z')), false);
    assert.equal(isExpired('2026-01-01', new Date('2026-01-02T00:00:01Z')), true);
  });

  it('governs the next declaration across comments and decorators only', () => {
    const lines = ['# directive', '', "@description('x')", 'resource a', 'x = 1', 'resource b'];
    assert.equal(governs(lines, 0, 3), true);
    assert.equal(governs(lines, 0, 5), false);
  });
});
