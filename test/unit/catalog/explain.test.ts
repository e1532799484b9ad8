import * as assert from 'node:assert/strict';

import { explain } from '../../../src/cli/explain';
import { catalog } from '../../../src/engine';
import { explainRegionMarkdown } from '../../../src/vscode/region-facts';

describe('catalog explain', () => {
  it('prints location, operator, control, sources and alternatives', () => {
    const text = explain('aws', 'eu-central-1', 'text') ?? '';
    assert.match(text, /Germany \(DE\), Frankfurt/);
    assert.match(text, /Amazon\.com, Inc\./);
    assert.match(text, /U\.S\.-controlled/);
    assert.match(text, /https:\/\/github\.com\/aws\/aws-sdk-js-v3/);
    assert.match(text, /Hetzner Cloud/);
    assert.match(text, /STACKIT/);
    assert.doesNotMatch(text, /\b(safe|immune)\b/i);
  });

  it('accepts Terraform provider names, display names and region display names', () => {
    const text = explain('azurerm', 'West Europe', 'text') ?? '';
    assert.match(text, /westeurope/);
    assert.match(text, /Netherlands \(NL\)/);
    assert.ok(explain('Microsoft Azure', 'WESTEUROPE', 'text'));
    assert.ok(explain('google-beta', 'europe-west1-b', 'text')?.includes('zone of europe-west1'));
  });

  it('shows the sovereign and licensed-operator notes', () => {
    assert.match(explain('aws', 'eusc-de-east-1', 'text') ?? '', /No court has ruled whether § 2713 reaches data/);
    const china = explain('aws', 'cn-north-1', 'text') ?? '';
    assert.match(china, /Sinnet/);
    assert.match(china, /licence of U\.S\. technology/);
    assert.doesNotMatch(china, /subsidiary of Amazon/, 'provider-wide notes are not shown for another operator');
  });

  it('prints JSON with the effective region, control and alternatives', () => {
    const doc = JSON.parse(explain('gcp', 'europe-west3-a', 'json') ?? '{}') as {
      region: { kind: string };
      effectiveRegion: { id: string; country: string };
      control: string;
      alternatives: Array<{ provider: string }>;
    };
    assert.equal(doc.region.kind, 'zone');
    assert.equal(doc.effectiveRegion.id, 'europe-west3');
    assert.equal(doc.effectiveRegion.country, 'DE');
    assert.equal(doc.control, 'us');
    assert.ok(doc.alternatives.some((a) => a.provider === 'ionos'));
  });

  it('returns undefined for an unknown provider or region', () => {
    assert.equal(explain('nope', 'eu-central-1', 'text'), undefined);
    assert.equal(explain('aws', 'eu-central-9', 'text'), undefined);
  });

  describe('mended and added rows (audit of claims and catalog completeness)', () => {
    it('Cayman-incorporated parents: run from China, incorporated in the Cayman Islands, with the filing as source', () => {
      const ali = explain('alicloud', 'eu-central-1', 'text') ?? '';
      assert.match(ali, /ultimate parent: +Alibaba Group Holding Limited \(China; incorporated: Cayman Islands\)/);
      assert.match(ali, /sec\.gov\/Archives\/edgar\/data\/1577552/);
      const tencent = explain('tencentcloud', 'eu-frankfurt', 'text') ?? '';
      assert.match(tencent, /Tencent Holdings Limited \(China; incorporated: Cayman Islands\)/);
      assert.match(tencent, /registered office in the Cayman Islands and its group head office in Shenzhen/);
    });

    it('OVHcloud is named as its listed company, OVH Groupe SA, from its own filings', () => {
      const text = explain('ovh', 'GRA7', 'text') ?? '';
      assert.match(text, /operator: +OVH Groupe SA/);
      assert.doesNotMatch(text, /OVHcloud SA/);
      assert.match(text, /RCS Lille Métropole 537 407 926/);
    });

    it('the AWS European Sovereign Cloud has no invented city: the state of Brandenburg, sourced', () => {
      const text = explain('aws', 'eusc-de-east-1', 'text') ?? '';
      assert.match(text, /location: +Germany \(DE\)\n/);
      assert.match(text, /German state of Brandenburg; AWS names no city/);
    });

    it('Azure Secret/Top Secret, the closed German cloud and UK North are known, each sourced', () => {
      for (const id of ['usseceast', 'ussecwest', 'usnateast', 'usnatwest']) {
        const m = catalog.lookupRegion('azure', id);
        assert.equal(m?.effective.country, 'US', id);
        assert.ok(
          m.region.sources.some((s) => s.url.includes('geo-code-list')),
          id,
        );
      }
      const germany = explain('azure', 'Germany Central', 'text') ?? '';
      assert.match(germany, /germanycentral/);
      assert.match(germany, /closed on 29 October 2021/);
      assert.ok(catalog.lookupRegion('azure', 'germanynortheast'));
      assert.equal(catalog.lookupRegion('azure', 'uknorth')?.effective.country, 'GB');
    });

    it('OCI government realms are sourced as Oracle clouds; dedicated realms mark the operator of record unconfirmed', () => {
      const gov = explain('oci', 'uk-gov-cardiff-1', 'text') ?? '';
      assert.match(gov, /Oracle United Kingdom Government Cloud \(realm OC4\)/);
      assert.match(gov, /govuksouth\.htm/);
      assert.match(gov, /United Kingdom \(GB\), Newport/);
      assert.match(explain('oci', 'ap-dcc-canberra-1', 'text') ?? '', /Australian Government and Defence/);
      const dedicated = explain('oci', 'eu-jovanovac-1', 'text') ?? '';
      assert.match(dedicated, /operator of record not published, unconfirmed/);
      assert.match(dedicated, /oracle-alloy-architecture\.htm/);
    });

    it("Google's restricted region us-central2 and its AI zones resolve to their regions", () => {
      assert.equal(catalog.lookupRegion('gcp', 'us-central2-b')?.effective.id, 'us-central2');
      assert.match(explain('gcp', 'us-central2', 'text') ?? '', /restricted availability/);
      assert.equal(catalog.lookupRegion('gcp', 'us-central1-ai1a')?.effective.id, 'us-central1');
      assert.equal(catalog.lookupRegion('gcp', 'us-south1-ai1b')?.effective.id, 'us-south1');
    });

    it("Scaleway's legacy zone names par1 and ams1 are its Paris and Amsterdam zones", () => {
      assert.equal(catalog.lookupRegion('scaleway', 'ams1')?.region.id, 'nl-ams-1');
      assert.equal(catalog.lookupRegion('scaleway', 'par1')?.region.id, 'fr-par-1');
    });
  });

  describe('one explain model, two renderers', () => {
    const cases: Array<[string, string]> = [
      ['azure', 'chinaeast2'],
      ['gcp', 'europe-west9'],
      ['aws', 'cn-north-1'],
      ['azure', 'bleufrancecentral'],
      ['oci', 'eu-frankfurt-2'],
      ['alicloud', 'eu-central-1'],
      ['azure', 'brazilsouth'],
    ];
    for (const [provider, region] of cases) {
      it(`${provider} ${region}: the CLI and the editor show the same operator, parent, notes, pair and sources`, () => {
        const x = catalog.explainRegion(provider, region);
        assert.ok(x);
        const text = explain(provider, region, 'text') ?? '';
        const md = (explainRegionMarkdown(provider, region) ?? '').replace(/\\(.)/g, '$1');
        for (const fact of [
          catalog.entityText(x.match.operator),
          catalog.entityText(x.match.ultimateParent),
          ...x.notes,
          ...x.sources.map((s) => s.url),
          ...(x.pair?.secondary ? [x.pair.secondary] : []),
        ]) {
          assert.ok(text.includes(fact), `CLI lacks ${fact}`);
          assert.ok(md.includes(fact), `editor lacks ${fact}`);
        }
      });
    }

    it('a partner-operated region shows none of the provider-wide notes in either renderer', () => {
      const md = explainRegionMarkdown('azure', 'chinaeast2') ?? '';
      const text = explain('azure', 'chinaeast2', 'text') ?? '';
      for (const out of [md, text]) {
        assert.doesNotMatch(out, /Microsoft Corporation operates the regions/);
        assert.doesNotMatch(out, /EU Data Boundary/);
      }
    });
  });
});
