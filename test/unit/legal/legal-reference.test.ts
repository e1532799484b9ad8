import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { legal, RULES } from '../../../src/engine';

const ROOT = path.resolve(__dirname, '../../../..');
const REFERENCE = fs.readFileSync(path.join(ROOT, 'docs/legal-reference.md'), 'utf8');
const SOURCE = fs.readFileSync(path.join(ROOT, 'src/engine/legal/index.ts'), 'utf8');

/** Ids defined by the reference: the first cell of a table row. */
const DEFINED = new Set([...REFERENCE.matchAll(/^\| (LR-\d{3}) \|/gm)].map((m) => m[1]));

/** Every sentence the product says about the law, as the engine words it. */
function allSentences(): string[] {
  return [
    legal.statuteSentence(),
    ...legal.caseSentences(),
    legal.caseSummary(),
    legal.shortNote(),
    legal.limitsSentence(),
    legal.notLegalAdvice(),
    legal.sovereignSubsidiaryNote(),
    legal.licensedOperatorNote(),
    ...RULES.map((r) => r.description),
  ];
}

describe('legal reference (docs/legal-reference.md) and the legal module', () => {
  it('defines ids, each with a source and a status', () => {
    assert.ok(DEFINED.size >= 10, `${DEFINED.size} ids`);
    for (const row of REFERENCE.split('\n').filter((l) => /^\| LR-\d{3} \|/.test(l))) {
      const cells = row.split(' | ');
      assert.equal(cells.length, 4, row);
      assert.ok(cells[2].trim().length > 0 && cells[3].trim().length > 0, `source and status: ${row}`);
    }
  });

  it('cites only ids that the reference defines, and cites one beside every returned sentence', () => {
    const cited = [...SOURCE.matchAll(/\[(LR-\d{3})\]/g)].map((m) => m[1]);
    assert.ok(cited.length > 0);
    for (const id of cited) {
      assert.ok(DEFINED.has(id), `${id} is cited in src/engine/legal but not defined in docs/legal-reference.md`);
    }
    // Each exported function that returns wording carries at least one citation in its body.
    for (const m of SOURCE.matchAll(/export function (\w+)\([^)]*\): string(?:\[\])? \{([\s\S]*?)\n\}/g)) {
      assert.match(m[2], /\[LR-\d{3}\]/, `${m[1]} cites no id`);
    }
  });

  it('never paraphrases § 2713 as a stand-alone duty of U.S. companies, never calls anything safe or immune', () => {
    for (const s of allSentences()) {
      assert.doesNotMatch(s, /requires? a U\.S\. provider|U\.S\. provider must|must disclose/i, s);
      assert.doesNotMatch(s, /\b(safe|immune|immunity)\b/i, s);
    }
    assert.match(legal.statuteSentence(), /no stand-alone duty/);
  });

  it('states the comity motion with its condition, and that the product is not legal advice', () => {
    const limits = legal.limitsSentence();
    assert.match(limits, /qualifying foreign government/);
    assert.match(limits, /not a U\.S\. person/);
    assert.match(limits, /no EU member state/);
    assert.match(limits, /not legal advice/);
  });
});
