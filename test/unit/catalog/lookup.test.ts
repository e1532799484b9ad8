import * as assert from 'node:assert/strict';

import {
  alternativesIn,
  lookupRegion,
  providersWithRegion,
  resolveProvider,
  suggestRegions,
} from '../../../src/engine/catalog';

/** Country of the location a lookup lands on (the zone's region for zones). */
function country(provider: string, region: string): string | null | undefined {
  return lookupRegion(provider, region)?.effective.country;
}

describe('catalog lookups', () => {
  it('places the tricky regions in the right country', () => {
    const cases: Array<[string, string, string]> = [
      ['azure', 'westeurope', 'NL'],
      ['azure', 'northeurope', 'IE'],
      ['azure', 'eastasia', 'HK'],
      ['azure', 'southeastasia', 'SG'],
      ['aws', 'eu-central-2', 'CH'],
      ['aws', 'me-west-1', 'SA'],
      ['aws', 'ap-east-2', 'TW'],
      ['aws', 'me-central-1', 'AE'],
      ['aws', 'il-central-1', 'IL'],
      ['gcp', 'me-central2', 'SA'],
      ['gcp', 'asia-east1', 'TW'],
      ['gcp', 'europe-west1', 'BE'],
      ['gcp', 'europe-west4', 'NL'],
      ['oci', 'eu-jovanovac-1', 'RS'],
      ['oci', 'uk-cardiff-1', 'GB'],
      ['alicloud', 'ap-southeast-1', 'SG'],
    ];
    for (const [provider, region, expected] of cases) {
      assert.equal(country(provider, region), expected, `${provider} ${region}`);
    }
  });

  it('looks up the same id per provider', () => {
    assert.equal(country('aws', 'eu-west-1'), 'IE');
    assert.equal(country('alicloud', 'eu-west-1'), 'GB');
    assert.equal(country('aws', 'ap-southeast-3'), 'ID');
    assert.equal(country('alicloud', 'ap-southeast-3'), 'MY');
    assert.equal(country('huaweicloud', 'ap-southeast-1'), 'HK');
    assert.equal(country('linode', 'us-east'), 'US');
    assert.equal(lookupRegion('gcp', 'eu-west-1'), undefined);
    assert.equal(lookupRegion('nope', 'eu-west-1'), undefined);
  });

  it('accepts display names, case and spacing variants', () => {
    for (const raw of ['westeurope', 'West Europe', 'WESTEUROPE', 'west europe', 'West-Europe']) {
      assert.equal(lookupRegion('azure', raw)?.region.id, 'westeurope', raw);
    }
    assert.equal(lookupRegion('azure', 'Germany West Central')?.region.country, 'DE');
    assert.equal(lookupRegion('azure', 'East US 2')?.region.id, 'eastus2');
    assert.equal(lookupRegion('aws', 'EU-CENTRAL-1')?.region.id, 'eu-central-1');
    assert.equal(lookupRegion('ovh', 'gra7')?.region.id, 'GRA7');
  });

  it('resolves zones to their region', () => {
    const gcpZone = lookupRegion('gcp', 'europe-west1-b');
    assert.equal(gcpZone?.region.kind, 'zone');
    assert.equal(gcpZone?.effective.id, 'europe-west1');
    assert.equal(gcpZone?.effective.country, 'BE');
    assert.equal(lookupRegion('gcp', 'us-central1-f')?.effective.id, 'us-central1');
    const scw = lookupRegion('scaleway', 'fr-par-1');
    assert.equal(scw?.effective.id, 'fr-par');
    assert.equal(scw?.control, 'non-us');
    assert.equal(lookupRegion('ibm', 'eu-de-2')?.effective.id, 'eu-de');
    assert.equal(lookupRegion('hetzner', 'fsn1-dc14')?.effective.id, 'fsn1');
    assert.equal(lookupRegion('stackit', 'eu01-m')?.effective.country, 'DE');
    const az = lookupRegion('aws', 'eu-central-1a');
    assert.equal(az?.region.kind, 'zone');
    assert.equal(az?.effective.id, 'eu-central-1');
    assert.equal(az?.effective.country, 'DE');
    assert.equal(lookupRegion('aws', 'eu-central-1z'), undefined);
    assert.equal(lookupRegion('aws', 'cn-north-1a')?.control, 'licensed-us-technology');
    assert.equal(lookupRegion('alicloud', 'cn-hangzhou-h')?.effective.id, 'cn-hangzhou');
    assert.equal(lookupRegion('alicloud', 'eu-west-1a')?.effective.country, 'GB');
    assert.equal(lookupRegion('tencentcloud', 'ap-guangzhou-3')?.effective.id, 'ap-guangzhou');
    assert.equal(lookupRegion('tencentcloud', 'ap-beijing-1')?.region.kind, 'region');
  });

  it('knows multi-regions, dual-regions, jurisdictions and logical locations', () => {
    const eu = lookupRegion('gcp', 'EU');
    assert.equal(eu?.region.kind, 'multi-region');
    assert.equal(eu?.region.country, null);
    assert.equal(eu?.region.jurisdiction, 'EU');
    // Google says "data centers in the European Union" / "in Asia": no member countries are invented.
    assert.equal(eu?.region.countries, undefined);
    assert.match(eu?.region.notes?.join(' ') ?? '', /data centers in the European Union/);
    assert.equal(lookupRegion('gcp', 'ASIA')?.region.countries, undefined);
    assert.match(lookupRegion('gcp', 'ASIA')?.region.notes?.join(' ') ?? '', /data centers in Asia/);
    assert.deepEqual(lookupRegion('gcp', 'eur4')?.region.countries, ['FI', 'NL']);
    assert.deepEqual(lookupRegion('gcp', 'NAM4')?.region.countries, ['US']);
    assert.deepEqual(lookupRegion('gcp', 'ASIA1')?.region.countries, ['JP']);
    assert.equal(lookupRegion('azure', 'global')?.region.kind, 'global');
    // Spanner's configurations live under their own prefix: Firestore's eur3 and nam7 are other places.
    const spannerEur3 = lookupRegion('gcp', 'spanner:eur3')?.region;
    assert.deepEqual(spannerEur3?.members, ['europe-west1', 'europe-west4', 'europe-north1']);
    assert.equal(spannerEur3?.memberRoles?.['europe-north1'], 'witness');
    assert.equal(lookupRegion('gcp', 'eur3')?.region.sources[0].title, 'Firestore locations');
    assert.deepEqual(lookupRegion('gcp', 'spanner:nam7')?.region.members, ['us-central1', 'us-east4', 'us-central2']);
    assert.equal(lookupRegion('gcp', 'spanner:dual-region-germany1')?.region.country, 'DE');
    assert.equal(lookupRegion('gcp', 'spanner:nam-eur-asia1')?.region.country, null);
    assert.deepEqual(lookupRegion('gcp', 'spanner:nam-eur-asia1')?.region.countries, ['US', 'BE', 'TW']);
    assert.equal(lookupRegion('cloudflare', 'eu')?.region.jurisdiction, 'EU');
    assert.equal(lookupRegion('cloudflare', 'fedramp')?.region.country, 'US');
  });

  it('classifies sovereign and licensed operators', () => {
    const esc = lookupRegion('aws', 'eusc-de-east-1');
    assert.equal(esc?.control, 'us');
    assert.equal(esc?.ultimateParent.country, 'US');
    assert.equal(esc?.region.country, 'DE');
    assert.ok(esc?.region.notes?.some((n) => n.includes('No court has ruled whether § 2713')));
    for (const [region, operator] of [
      ['cn-north-1', 'Sinnet'],
      ['cn-northwest-1', 'Ningxia Western Cloud'],
    ]) {
      const m = lookupRegion('aws', region);
      assert.equal(m?.control, 'licensed-us-technology', region);
      assert.ok(m?.operator.name.includes(operator), region);
      assert.equal(m?.operator.country, 'CN');
      assert.equal(m?.region.partition, 'aws-cn');
    }
    const china = lookupRegion('azure', 'China North 3');
    assert.equal(china?.control, 'licensed-us-technology');
    assert.ok(china?.operator.name.includes('21Vianet'));
    for (const r of ['eu-frankfurt-2', 'eu-madrid-2']) {
      const m = lookupRegion('oci', r);
      assert.equal(m?.control, 'us', r);
      assert.equal(m?.region.partition, 'oc19', r);
      // Oracle: operated by EU residents employed by an EU Sovereign Cloud legal entity, owned by Oracle Corporation.
      assert.equal(m?.operator.country, 'EU', r);
      assert.match(m?.operator.name ?? '', /EU Sovereign Cloud legal entity/);
      assert.equal(m?.ultimateParent.name, 'Oracle Corporation', r);
      assert.ok(m?.region.sources.some((s) => s.url.includes('docs.oracle.com/en/solutions/learn-about-eusc')));
      assert.ok(
        m?.region.notes?.some((n) => n.includes('No court has ruled whether § 2713')),
        r,
      );
    }
    // Google Cloud Dedicated in Germany: the local operator is not named in the sources; not asserted to be Google LLC.
    const gcd = lookupRegion('gcp', 'u-germany-northeast1');
    assert.doesNotMatch(gcd?.operator.name ?? '', /Google/);
    assert.match(gcd?.operator.name ?? '', /unconfirmed/);
    const s3ns = lookupRegion('gcp', 'u-france-east1-a');
    assert.equal(s3ns?.control, 'licensed-us-technology');
    assert.equal(s3ns?.operator.country, 'FR');
    assert.equal(lookupRegion('aws', 'us-gov-west-1')?.region.country, 'US');
    assert.equal(lookupRegion('azure', 'usgovvirginia')?.region.country, 'US');
  });

  it('never describes an offering as safe or immune', () => {
    const words = /\b(safe|immune|immunity)\b/i;
    for (const [p, r] of [
      ['aws', 'eusc-de-east-1'],
      ['aws', 'cn-north-1'],
      ['oci', 'eu-frankfurt-2'],
      ['gcp', 'u-france-east1'],
      ['azure', 'chinaeast2'],
    ]) {
      for (const n of lookupRegion(p, r)?.region.notes ?? []) {
        assert.doesNotMatch(n, words, `${p}/${r}`);
      }
    }
  });

  it('lists non-U.S.-controlled alternatives in a country', () => {
    const de = alternativesIn('DE');
    const ids = de.map((a) => a.provider.id);
    for (const id of ['hetzner', 'ionos', 'stackit', 'otc', 'upcloud', 'exoscale']) {
      assert.ok(ids.includes(id), id);
    }
    for (const a of de) {
      assert.equal(a.provider.control, 'non-us', a.provider.id);
      assert.ok(a.regions.every((r) => r.country === 'DE' && (r.control ?? a.provider.control) === 'non-us'));
    }
    for (const us of ['aws', 'azure', 'gcp', 'oci', 'ibm', 'digitalocean', 'linode', 'vultr', 'cloudflare']) {
      assert.ok(!ids.includes(us), us);
    }
    assert.ok(alternativesIn('FR').some((a) => a.provider.id === 'ovh'));
    assert.ok(
      alternativesIn('FR').every((a) => a.provider.id !== 'gcp'),
      'S3NS is licensed, not an alternative',
    );
  });

  it('resolves provider ids, Terraform names and display names', () => {
    assert.equal(resolveProvider('azurerm')?.id, 'azure');
    assert.equal(resolveProvider('Microsoft Azure')?.id, 'azure');
    assert.equal(resolveProvider('AWS')?.id, 'aws');
    assert.equal(resolveProvider('google-beta')?.id, 'gcp');
    assert.equal(resolveProvider('hcloud')?.id, 'hetzner');
    assert.equal(resolveProvider('nothing'), undefined);
  });
});

describe('catalog suggestions', () => {
  it('suggests the nearest region ids of the same provider for a typo', () => {
    assert.equal(suggestRegions('aws', 'eu-centrl-1')[0]?.id, 'eu-central-1');
    assert.equal(suggestRegions('azure', 'westeuroep')[0]?.id, 'westeurope');
    assert.deepEqual(suggestRegions('aws', 'completely-different'), []);
    assert.deepEqual(suggestRegions('nope', 'eu-west-1'), []);
  });

  it('names the providers that have a region id', () => {
    assert.deepEqual(
      providersWithRegion('eu-west-1').map((p) => p.id),
      ['aws', 'alicloud'],
    );
    assert.deepEqual(
      providersWithRegion('westeurope').map((p) => p.id),
      ['azure'],
    );
  });
});
