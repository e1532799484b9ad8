import type { ControlClass } from '../model';
import { countryName } from './countries';
import { alicloud } from './data/alicloud';
import { aws } from './data/aws';
import { azure } from './data/azure';
import { NONPAIRED, PAIRS_SOURCE, SECONDARY } from './data/azure-pairs';
import { cloudflare } from './data/cloudflare';
import { digitalocean } from './data/digitalocean';
import { exoscale } from './data/exoscale';
import { gcp } from './data/gcp';
import { hetzner } from './data/hetzner';
import { huaweicloud } from './data/huawei';
import { ibm } from './data/ibm';
import { ionos } from './data/ionos';
import { linode } from './data/linode';
import { oci } from './data/oci';
import { otc } from './data/otc';
import { ovhcloud } from './data/ovh';
import { scaleway } from './data/scaleway';
import { stackit } from './data/stackit';
import { tencentcloud } from './data/tencent';
import { upcloud } from './data/upcloud';
import { vultr } from './data/vultr';
import { yandex } from './data/yandex';
import { closest } from './suggest';
import type { Entity, ProviderData, ProviderInfo, RegionInfo, RegionMatch, Source } from './types';

export { SPANNER_PREFIX } from './data/gcp-spanner';
export type {
  Entity,
  LocationKind,
  ProviderData,
  ProviderInfo,
  RegionInfo,
  RegionMatch,
  ReplicaRole,
  Source,
} from './types';

/** The date the catalog as a whole was last reviewed. */
export const CATALOG_DATE = '2026-12-04';

/** Every provider's data, U.S.-controlled hyperscalers first, then the others alphabetically. */
const ALL: ProviderData[] = [
  aws,
  azure,
  gcp,
  oci,
  ibm,
  alicloud,
  digitalocean,
  linode,
  vultr,
  cloudflare,
  exoscale,
  hetzner,
  huaweicloud,
  ionos,
  otc,
  ovhcloud,
  scaleway,
  stackit,
  tencentcloud,
  upcloud,
  yandex,
];

/** Lower-case, without spaces, dashes or underscores: `West Europe` ≡ `westeurope`, `EU-Central-1` ≡ `eu-central-1`. */
export function normaliseRegion(raw: string): string {
  return raw.toLowerCase().replace(/[\s_-]+/g, '');
}

interface Index {
  providers: Map<string, ProviderData>;
  byTerraform: Map<string, ProviderInfo>;
  prefixes: Array<[string, ProviderInfo]>;
  regions: Map<string, Map<string, RegionInfo>>;
}

let index: Index | undefined;

function buildIndex(): Index {
  const providers = new Map<string, ProviderData>();
  const byTerraform = new Map<string, ProviderInfo>();
  const prefixes: Array<[string, ProviderInfo]> = [];
  const regions = new Map<string, Map<string, RegionInfo>>();
  for (const data of ALL) {
    providers.set(data.provider.id, data);
    for (const name of data.provider.terraformProviders) {
      byTerraform.set(name, data.provider);
    }
    for (const prefix of data.provider.resourcePrefixes) {
      prefixes.push([prefix, data.provider]);
    }
    const byName = new Map<string, RegionInfo>();
    for (const region of data.regions) {
      byName.set(normaliseRegion(region.id), region);
      for (const alias of region.aliases ?? []) {
        byName.set(normaliseRegion(alias), region);
      }
    }
    regions.set(data.provider.id, byName);
  }
  // Longest prefix first so that `google_` never shadows a longer, more specific prefix.
  prefixes.sort((a, b) => b[0].length - a[0].length);
  return { providers, byTerraform, prefixes, regions };
}

function idx(): Index {
  index ??= buildIndex();
  return index;
}

/** All providers in the catalog. */
export function listProviders(): ProviderInfo[] {
  return [...idx().providers.values()].map((d) => d.provider);
}

export function getProvider(id: string): ProviderInfo | undefined {
  return idx().providers.get(id)?.provider;
}

/** All regions of a provider. */
export function listRegions(providerId: string): RegionInfo[] {
  return idx().providers.get(providerId)?.regions ?? [];
}

/**
 * Resolves what a person types for a provider: catalog id (`azure`), Terraform provider name
 * (`azurerm`, `google-beta`) or display name (`Microsoft Azure`, `oracle cloud infrastructure`).
 */
export function resolveProvider(name: string): ProviderInfo | undefined {
  const direct = getProvider(name) ?? providerForTerraform(name);
  if (direct) {
    return direct;
  }
  const wanted = normaliseRegion(name);
  return listProviders().find((p) => normaliseRegion(p.id) === wanted || normaliseRegion(p.displayName) === wanted);
}

/** Maps a Terraform provider type name (`aws`, `azurerm`, `google-beta`) to the catalog provider. */
export function providerForTerraform(name: string): ProviderInfo | undefined {
  return idx().byTerraform.get(name);
}

/** Maps a Terraform resource type (`aws_s3_bucket`) to the catalog provider by prefix. */
export function providerForResourceType(type: string): ProviderInfo | undefined {
  for (const [prefix, provider] of idx().prefixes) {
    if (type.startsWith(prefix)) {
      return provider;
    }
  }
  return undefined;
}

/** `eu-central-1a` → a zone of `eu-central-1`, for providers whose zones are the region id plus a letter. */
function letterZone(
  provider: ProviderInfo,
  byName: Map<string, RegionInfo>,
  key: string,
  raw: string,
): RegionInfo | undefined {
  const letter = key.charAt(key.length - 1);
  if (!provider.zoneLetters || key.length < 2 || !provider.zoneLetters.includes(letter)) {
    return undefined;
  }
  const parent = byName.get(key.slice(0, -1));
  if (!parent || parent.kind !== 'region') {
    return undefined;
  }
  const zone: RegionInfo = {
    ...parent,
    id: raw.trim().toLowerCase(),
    name: `${parent.name}, availability zone ${letter}`,
    kind: 'zone',
    parentRegion: parent.id,
  };
  delete zone.aliases;
  return zone;
}

/** Looks up a region, zone or multi-region location of one provider. Lookups are always per provider. */
export function lookupRegion(providerId: string, raw: string): RegionMatch | undefined {
  const data = idx().providers.get(providerId);
  const byName = idx().regions.get(providerId);
  const key = normaliseRegion(raw);
  const region = byName?.get(key) ?? (data && byName ? letterZone(data.provider, byName, key, raw) : undefined);
  if (!data || !region) {
    return undefined;
  }
  const effective =
    region.kind === 'zone' && region.parentRegion
      ? (idx().regions.get(providerId)?.get(normaliseRegion(region.parentRegion)) ?? region)
      : region;
  const control: ControlClass = effective.control ?? region.control ?? data.provider.control;
  return {
    region,
    effective,
    operator: effective.operator ?? region.operator ?? data.provider.operator,
    ultimateParent: effective.ultimateParent ?? region.ultimateParent ?? data.provider.ultimateParent,
    control,
  };
}

/**
 * Region ids of `providerId` spelled like `raw` (a typo or another provider's id), for "did you mean"
 * hints: up to `limit` locations at most two edits away, nearest first.
 */
export function suggestRegions(providerId: string, raw: string, limit = 3): RegionInfo[] {
  const byName = idx().regions.get(providerId);
  const key = normaliseRegion(raw);
  if (!byName || key.length === 0 || key.length > 64) {
    return [];
  }
  return closest(byName, key, key.length < 5 ? 1 : 2, limit);
}

/** Providers that have a location spelled `raw` (`eu-west-1` → AWS, Alibaba Cloud). */
export function providersWithRegion(raw: string): ProviderInfo[] {
  return listProviders().filter((p) => lookupRegion(p.id, raw) !== undefined);
}

export interface Alternative {
  provider: ProviderInfo;
  regions: RegionInfo[];
  /** Country of the entity that ultimately controls the operator there (not the U.S., but maybe not local). */
  controller: string;
}

/** Providers that are not U.S.-controlled and have a region in `country`. */
export function alternativesIn(country: string): Alternative[] {
  const out: Alternative[] = [];
  for (const data of idx().providers.values()) {
    const regions = data.regions.filter(
      (r) => r.kind === 'region' && r.country === country && (r.control ?? data.provider.control) === 'non-us',
    );
    if (regions.length > 0) {
      const controller = (regions[0].ultimateParent ?? data.provider.ultimateParent).country;
      out.push({ provider: data.provider, regions, controller });
    }
  }
  return out;
}

/**
 * The published secondary region of an Azure region (where geo-redundant storage copies it):
 * `{ secondary }`, `{ secondary: null }` for a region Microsoft lists as having no pair, undefined when
 * the provider publishes no pairs or the region is not in the list. With the source it comes from.
 */
export function regionPair(
  providerId: string,
  regionId: string,
): { secondary: string | null; source: Source } | undefined {
  if (providerId !== 'azure') {
    return undefined;
  }
  const secondary = SECONDARY.get(regionId);
  if (secondary) {
    return { secondary, source: PAIRS_SOURCE };
  }
  return NONPAIRED.includes(regionId) ? { secondary: null, source: PAIRS_SOURCE } : undefined;
}

/**
 * The notes to show for a region, the same in every renderer (CLI `explain`, the editor's Explain
 * Region view): provider-wide notes describe the provider's own operation, so they are left out where
 * another company operates the region (21Vianet, S3NS, AWS China, Bleu, Delos, a sovereign entity).
 */
export function regionNotes(provider: ProviderInfo, m: RegionMatch): string[] {
  const own = m.region.operator === undefined && m.effective.operator === undefined ? (provider.notes ?? []) : [];
  return [...new Set([...own, ...(m.effective.notes ?? []), ...(m.region.notes ?? [])])];
}

/**
 * Everything the product says about one location of one provider: the one model behind the CLI's
 * `explain` (text and JSON) and the editor's Explain Region view, so the two cannot drift.
 */
export interface RegionExplanation {
  provider: ProviderInfo;
  match: RegionMatch;
  /** Zones of the region (of the effective region when a zone was asked for). */
  zones: string[];
  /** Where geo-redundant copies go (Azure's published pairs). */
  pair?: { secondary: string | null; secondaryCountry: string | null; source: Source };
  notes: string[];
  /** The provider's and the region's sources, each once. */
  sources: Source[];
  /** Providers not controlled from the U.S. with a region in the same country (this provider left out). */
  alternatives: Alternative[];
}

/**
 * The explanation of `region` of `providerName` (catalog id, Terraform provider name or display name;
 * region id, zone or display name); undefined when either is unknown.
 */
export function explainRegion(providerName: string, region: string): RegionExplanation | undefined {
  const provider = resolveProvider(providerName);
  const match = provider && lookupRegion(provider.id, region);
  if (!provider || !match) {
    return undefined;
  }
  const country = match.effective.country;
  const pair = regionPair(provider.id, match.effective.id);
  const seen = new Set<string>();
  return {
    provider,
    match,
    zones: listRegions(provider.id)
      .filter((r) => r.kind === 'zone' && r.parentRegion === match.effective.id)
      .map((r) => r.id),
    pair: pair && {
      ...pair,
      secondaryCountry: pair.secondary ? (lookupRegion(provider.id, pair.secondary)?.effective.country ?? null) : null,
    },
    notes: regionNotes(provider, match),
    sources: [...provider.sources, ...match.region.sources].filter((s) => !seen.has(s.url) && seen.add(s.url)),
    alternatives: country ? alternativesIn(country).filter((a) => a.provider.id !== provider.id) : [],
  };
}

/** `Alibaba Group Holding Limited (China; incorporated: Cayman Islands)`, as every renderer writes an entity. */
export function entityText(e: Entity): string {
  const incorporated = e.incorporatedIn ? `; incorporated: ${countryName(e.incorporatedIn)}` : '';
  return `${e.name} (${countryName(e.country)}${incorporated})`;
}
