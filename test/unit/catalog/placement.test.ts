import * as assert from 'node:assert/strict';

import { place } from '../../../src/engine/assess/place';
import { listProviders, listRegions } from '../../../src/engine/catalog';
import { defaultConfig } from '../../../src/engine/config';
import type { ExtractedResource, Placement } from '../../../src/engine/model';
import { cal001 } from '../../../src/engine/rules/cal001';
import { cal004 } from '../../../src/engine/rules/cal004';
import { cal006 } from '../../../src/engine/rules/cal006';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const ctx = { config: defaultConfig(), displayPath: (p: string) => p };

/** A resource of `provider` whose region is written as `region`, placed through the catalog. */
function placed(provider: string, region: string): Placement {
  const res: ExtractedResource = {
    language: 'terraform',
    file: '/ws/main.tf',
    range,
    headerRange: range,
    type: 'x_bucket',
    name: 'b',
    address: 'x_bucket.b',
    module: null,
    provider,
    region: { kind: 'known', value: region },
    provenance: [],
    dataClass: 'customer-data',
    global: false,
  };
  return place(res);
}

function rules(p: Placement): string[] {
  return [cal001, cal004, cal006].filter((r) => r.check(p, ctx) !== undefined).map((r) => r.id);
}

describe('catalog placement through the rules', () => {
  // Expected outcomes written down independently of the data files.
  const golden: Array<[string, string, string | null, string[]]> = [
    ['aws', 'eu-central-1', 'DE', ['CAL001']],
    ['aws', 'us-east-1', 'US', []],
    ['aws', 'me-west-1', 'SA', ['CAL001']],
    ['aws', 'ap-east-2', 'TW', ['CAL001']],
    ['aws', 'eusc-de-east-1', 'DE', ['CAL001']],
    ['aws', 'cn-north-1', 'CN', ['CAL004']],
    ['aws', 'cn-northwest-1', 'CN', ['CAL004']],
    ['aws', 'us-gov-west-1', 'US', []],
    ['aws', 'us-iso-east-1', 'US', []],
    ['azure', 'West Europe', 'NL', ['CAL001']],
    ['azure', 'northeurope', 'IE', ['CAL001']],
    ['azure', 'eastasia', 'HK', ['CAL001']],
    ['azure', 'chinanorth2', 'CN', ['CAL004']],
    // National partner clouds that CAL004 names: Bleu (France) and Delos Cloud (Germany), not CAL006.
    ['azure', 'bleufrancecentral', 'FR', ['CAL004']],
    ['azure', 'Bleu France South', 'FR', ['CAL004']],
    ['azure', 'deloscloudgermanycentral', 'DE', ['CAL004']],
    ['azure', 'deloscloudgermanynorth', 'DE', ['CAL004']],
    ['azure', 'usgovvirginia', 'US', []],
    ['azure', 'eastus', 'US', []],
    ['gcp', 'europe-west3', 'DE', ['CAL001']],
    ['gcp', 'europe-west1-b', 'BE', ['CAL001']],
    ['gcp', 'me-central2', 'SA', ['CAL001']],
    ['gcp', 'asia-east1', 'TW', ['CAL001']],
    ['gcp', 'EU', null, ['CAL001']],
    ['gcp', 'US', 'US', []],
    ['gcp', 'NAM4', 'US', []],
    ['gcp', 'ASIA1', 'JP', ['CAL001']],
    ['gcp', 'EUR4', null, ['CAL001']],
    ['gcp', 'u-france-east1', 'FR', ['CAL004']],
    ['oci', 'eu-frankfurt-1', 'DE', ['CAL001']],
    ['oci', 'eu-frankfurt-2', 'DE', ['CAL001']],
    ['oci', 'eu-madrid-2', 'ES', ['CAL001']],
    ['oci', 'eu-jovanovac-1', 'RS', ['CAL001']],
    ['oci', 'us-ashburn-1', 'US', []],
    ['ibm', 'eu-de', 'DE', ['CAL001']],
    ['alicloud', 'eu-west-1', 'GB', []],
    ['alicloud', 'ap-southeast-3', 'MY', []],
    ['digitalocean', 'fra1', 'DE', ['CAL001']],
    ['linode', 'eu-central', 'DE', ['CAL001']],
    ['vultr', 'fra', 'DE', ['CAL001']],
    ['hetzner', 'fsn1', 'DE', []],
    ['hetzner', 'ash', 'US', []],
    ['ovh', 'GRA7', 'FR', []],
    ['scaleway', 'fr-par-1', 'FR', []],
    ['ionos', 'de/fra', 'DE', []],
    ['stackit', 'eu01', 'DE', []],
    ['otc', 'eu-de', 'DE', []],
    ['exoscale', 'ch-gva-2', 'CH', []],
    ['upcloud', 'fi-hel1', 'FI', []],
    ['cloudflare', 'eu', null, ['CAL001']],
    ['aws', 'eu-central-9', null, ['CAL006']],
  ];

  for (const [provider, region, country, expected] of golden) {
    it(`${provider} ${region} → ${country ?? 'no single country'}, ${expected.join(', ') || 'no CAL001/CAL004'}`, () => {
      const p = placed(provider, region);
      assert.equal(p.country, country);
      assert.deepEqual(rules(p), expected);
    });
  }

  it('places every catalog location with its country and the CAL001/CAL004 outcome of its class', () => {
    const problems: string[] = [];
    for (const provider of listProviders()) {
      for (const r of listRegions(provider.id)) {
        for (const spelling of [r.id, ...(r.aliases ?? [])]) {
          const p = placed(provider.id, spelling);
          const parent = r.parentRegion ? listRegions(provider.id).find((x) => x.id === r.parentRegion) : r;
          const control = parent?.control ?? r.control ?? provider.control;
          const global = (parent ?? r).kind === 'global';
          const want = [
            ...(!global && control === 'us' && p.country !== 'US' ? ['CAL001'] : []),
            ...(!global && control === 'licensed-us-technology' ? ['CAL004'] : []),
          ];
          const got = rules(p);
          if (!p.regionKnown || p.country !== (parent ?? r).country || got.join() !== want.join()) {
            problems.push(`${provider.id} ${spelling}: country ${p.country}, rules ${got.join('+') || 'none'}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
