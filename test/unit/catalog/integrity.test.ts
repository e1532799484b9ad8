import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  CATALOG_DATE,
  listProviders,
  listRegions,
  normaliseRegion,
  providerForResourceType,
  providerForTerraform,
} from '../../../src/engine/catalog';

const iso = new Intl.DisplayNames(['en'], { type: 'region' });

/** A real ISO 3166-1 alpha-2 code: two capitals that Intl knows by a name other than the code. */
function isCountry(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) {
    return false;
  }
  const name = iso.of(code);
  return name !== undefined && name !== code;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

describe('catalog integrity', () => {
  const providers = listProviders();

  it('covers the providers the rules and analyzers expect', () => {
    const ids = providers.map((p) => p.id).sort();
    for (const id of ['aws', 'azure', 'gcp', 'oci', 'ibm', 'alicloud', 'digitalocean', 'linode', 'vultr']) {
      assert.ok(ids.includes(id), id);
    }
    for (const id of ['hetzner', 'ovh', 'scaleway', 'ionos', 'stackit', 'exoscale', 'upcloud', 'otc', 'cloudflare']) {
      assert.ok(ids.includes(id), id);
    }
  });

  it('every provider has operator, parent, Terraform names, sources and an as-of date', () => {
    for (const p of providers) {
      assert.ok(p.displayName && p.operator.name && p.ultimateParent.name, p.id);
      assert.ok(isCountry(p.operator.country) && isCountry(p.ultimateParent.country), p.id);
      assert.ok(p.terraformProviders.length > 0 && p.resourcePrefixes.length > 0, p.id);
      assert.ok(p.sources.length > 0, p.id);
      assert.match(p.asOf, isoDate, p.id);
      for (const s of p.sources) {
        assert.match(s.url, /^https:\/\//, `${p.id} ${s.url}`);
        assert.ok(s.title.length > 0);
        assert.match(s.asOf, isoDate);
      }
    }
  });

  it('every location has a valid country or set of countries, a source and an as-of date', () => {
    for (const p of providers) {
      for (const r of listRegions(p.id)) {
        const where = `${p.id}/${r.id}`;
        assert.equal(r.providerId, p.id, where);
        assert.ok(r.sources.length > 0, where);
        assert.match(r.asOf, isoDate, where);
        assert.ok(r.partition.length > 0, where);
        if (r.country !== null) {
          assert.ok(isCountry(r.country), `${where}: ${r.country}`);
        } else {
          assert.ok(r.kind === 'multi-region' || r.kind === 'global', `${where}: a region needs a country`);
        }
        for (const c of r.countries ?? []) {
          assert.ok(isCountry(c), `${where}: ${c}`);
        }
        if (r.kind === 'zone') {
          const parent = listRegions(p.id).find((x) => x.id === r.parentRegion);
          assert.ok(parent, `${where}: parent ${r.parentRegion}`);
          assert.equal(parent.country, r.country, where);
        }
        for (const s of r.sources) {
          assert.match(s.url, /^https:\/\//, where);
        }
      }
    }
  });

  it('every member of a multi-region is a region of the same provider, and every replica role names a member', () => {
    for (const p of providers) {
      const regions = listRegions(p.id);
      for (const r of regions.filter((x) => x.members)) {
        const where = `${p.id}/${r.id}`;
        assert.equal(r.kind, 'multi-region', where);
        assert.equal(new Set(r.members).size, r.members!.length, `${where}: a member listed twice`);
        for (const m of r.members!) {
          const member = regions.find((x) => x.id === m);
          assert.ok(member?.kind === 'region' && member.country !== null, `${where}: member ${m}`);
          assert.ok(r.countries?.includes(member.country), `${where}: ${m}'s country ${member.country}`);
        }
        assert.equal(r.country, new Set(r.countries).size === 1 ? r.countries![0] : null, where);
        for (const m of Object.keys(r.memberRoles ?? {})) {
          assert.ok(r.members!.includes(m), `${where}: role for ${m}, which is not a member`);
        }
      }
    }
  });

  it('no two locations of one provider share a spelling', () => {
    for (const p of providers) {
      const seen = new Map<string, string>();
      for (const r of listRegions(p.id)) {
        for (const spelling of [r.id, ...(r.aliases ?? [])]) {
          const key = normaliseRegion(spelling);
          const other = seen.get(key);
          assert.ok(other === undefined || other === r.id, `${p.id}: ${spelling} is both ${other} and ${r.id}`);
          seen.set(key, r.id);
        }
      }
    }
  });

  it('no Terraform provider name or resource prefix belongs to two providers', () => {
    const names = providers.flatMap((p) => p.terraformProviders);
    assert.equal(new Set(names).size, names.length);
    const prefixes = providers.flatMap((p) => p.resourcePrefixes);
    assert.equal(new Set(prefixes).size, prefixes.length);
  });

  it('maps Terraform provider names and resource types to catalog providers', () => {
    const cases: Array<[string, string, string]> = [
      ['aws', 'aws_s3_bucket', 'aws'],
      ['azurerm', 'azurerm_storage_account', 'azure'],
      ['azapi', 'azapi_resource', 'azure'],
      ['google', 'google_storage_bucket', 'gcp'],
      ['google-beta', 'google_compute_instance', 'gcp'],
      ['oci', 'oci_objectstorage_bucket', 'oci'],
      ['ibm', 'ibm_cos_bucket', 'ibm'],
      ['alicloud', 'alicloud_oss_bucket', 'alicloud'],
      ['digitalocean', 'digitalocean_droplet', 'digitalocean'],
      ['linode', 'linode_instance', 'linode'],
      ['vultr', 'vultr_instance', 'vultr'],
      ['hcloud', 'hcloud_server', 'hetzner'],
      ['ovh', 'ovh_cloud_project_kube', 'ovh'],
      ['scaleway', 'scaleway_instance_server', 'scaleway'],
      ['tencentcloud', 'tencentcloud_cos_bucket', 'tencentcloud'],
      ['huaweicloud', 'huaweicloud_obs_bucket', 'huaweicloud'],
      ['ionoscloud', 'ionoscloud_datacenter', 'ionos'],
      ['exoscale', 'exoscale_compute_instance', 'exoscale'],
      ['upcloud', 'upcloud_server', 'upcloud'],
      ['stackit', 'stackit_ske_cluster', 'stackit'],
      ['opentelekomcloud', 'opentelekomcloud_obs_bucket', 'otc'],
      ['cloudflare', 'cloudflare_r2_bucket', 'cloudflare'],
      ['yandex', 'yandex_storage_bucket', 'yandex'],
    ];
    for (const [tf, type, id] of cases) {
      assert.equal(providerForTerraform(tf)?.id, id, tf);
      assert.equal(providerForResourceType(type)?.id, id, type);
    }
    assert.equal(azureArm(), true);
  });
});

function azureArm(): boolean {
  return listProviders().find((p) => p.id === 'azure')?.armProvider === true;
}

describe('catalog date', () => {
  it('is the newest as-of date of any row, and the catalog page states it and the number of locations', () => {
    const dates: string[] = [];
    let locations = 0;
    for (const p of listProviders()) {
      dates.push(p.asOf, ...p.sources.map((s) => s.asOf));
      for (const r of listRegions(p.id)) {
        locations++;
        dates.push(r.asOf, ...r.sources.map((s) => s.asOf));
      }
    }
    const newest = dates.sort().at(-1);
    assert.equal(CATALOG_DATE, newest);
    const page = fs.readFileSync(path.join(__dirname, '../../../../docs/catalog.md'), 'utf8');
    const stated = /Catalog date (\d{4}-\d{2}-\d{2}); ([\d,]+) locations in all/.exec(page);
    assert.ok(stated, 'docs/catalog.md states the catalog date and the number of locations');
    assert.equal(stated[1], CATALOG_DATE);
    assert.equal(Number(stated[2].replace(/,/g, '')), locations);
  });
});
