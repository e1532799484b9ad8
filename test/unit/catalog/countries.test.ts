import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { listProviders, listRegions } from '../../../src/engine/catalog';
import { countryName } from '../../../src/engine/catalog/countries';
import { COUNTRY_NAMES } from '../../../src/engine/catalog/country-names';

const ROOT = path.resolve(__dirname, '../../../..');

describe('country names', () => {
  it('names every country of the catalog, in any case, and keeps an unknown code as written', () => {
    const codes = new Set<string>();
    for (const p of listProviders()) {
      for (const r of listRegions(p.id)) {
        for (const c of [r.country, ...(r.countries ?? []), p.ultimateParent.country, p.operator.country]) {
          if (c && /^[A-Z]{2}$/.test(c)) {
            codes.add(c);
          }
        }
      }
    }
    assert.ok(codes.size > 40, `only ${codes.size} countries in the catalog`);
    for (const c of codes) {
      assert.notEqual(countryName(c), c, `no name for ${c}`);
    }
    assert.equal(countryName('DE'), 'Germany');
    assert.equal(countryName('de'), 'Germany');
    assert.equal(countryName('US'), 'United States');
    assert.equal(countryName('QQ'), 'QQ');
    assert.equal(countryName('toString'), 'toString');
    assert.equal(countryName(''), 'unknown');
    assert.equal(countryName(null), 'unknown');
  });

  it('agrees with the Unicode CLDR names of this runtime for every code it holds', () => {
    // The table was read from CLDR; a runtime whose ICU renames a country shows up here, not in reports.
    const icu = new Intl.DisplayNames(['en'], { type: 'region' });
    const differing = Object.entries(COUNTRY_NAMES).filter(([code, name]) => icu.of(code) !== name);
    assert.ok(differing.length <= 3, `names differ from this runtime's CLDR: ${JSON.stringify(differing)}`);
  });

  it('never builds Intl.DisplayNames at run time (loading its data cost every start about 20 ms)', () => {
    for (const dir of ['src/engine', 'src/cli', 'src/vscode']) {
      for (const file of fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
        if (file.endsWith('.ts')) {
          const text = fs.readFileSync(path.join(ROOT, dir, file), 'utf8');
          assert.ok(!/new Intl\.DisplayNames/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')), `${dir}/${file}`);
        }
      }
    }
  });
});
