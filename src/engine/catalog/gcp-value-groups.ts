import { countryName } from './countries';
import { COUNTRY_GROUPS, locationCountries } from './groups';
import { listRegions, lookupRegion } from './index';
import type { RegionInfo, Source } from './types';

/**
 * Value groups of Google Cloud's resource locations organisation policy (`in:eu-locations`,
 * `in:europe-west3-locations`): collections of locations that Google curates. Google documents what
 * each group means (the locations of one region, one country, or one area); the members here are the
 * catalog's Google locations that meet that meaning, judged by each location's country (and a
 * multi-region's countries, or its area) and by Google's own area prefix of the region name. So a
 * group never contains a location the catalog does not know, and a new Google region joins its groups
 * once the catalog lists it.
 */
export const GCP_VALUE_GROUPS_SOURCE: Source = {
  url: 'https://cloud.google.com/resource-manager/docs/organization-policy/defining-locations#value_groups',
  title: 'Google Cloud: Restricting resource locations, value groups',
  asOf: '2026-12-03',
};

type Member = (r: RegionInfo) => boolean;

const inCountries =
  (allowed: ReadonlySet<string>): Member =>
  (r) => {
    const cs = locationCountries(r);
    return cs.length > 0 && cs.every((c) => allowed.has(c));
  };

/** Regions whose Google name starts with one of `prefixes`, and multi-regions whose members all do. */
const byPrefix =
  (prefixes: string[], areas: string[] = []): Member =>
  (r) => {
    const named = (id: string) => prefixes.some((p) => id.startsWith(p));
    if (r.kind === 'multi-region') {
      return areas.includes(r.id.toUpperCase()) || (r.members?.length ? r.members.every(named) : false);
    }
    return r.kind === 'region' && named(r.id);
  };

const EU = new Set(COUNTRY_GROUPS.get('EU')!.members);

/** Area groups, by Google's name for them. */
const AREAS: ReadonlyMap<string, { description: string; member: Member }> = new Map([
  ['us', { description: 'the locations in the United States', member: inCountries(new Set(['US'])) }],
  ['eu', { description: 'the locations in the European Union', member: inCountries(EU) }],
  ['europe', { description: 'the locations in Europe', member: byPrefix(['europe-'], ['EU']) }],
  ['asia', { description: 'the locations in Asia', member: byPrefix(['asia-'], ['ASIA']) }],
  ['australia', { description: 'the locations in Australia', member: byPrefix(['australia-']) }],
  [
    'northamerica',
    { description: 'the locations in North America', member: byPrefix(['northamerica-', 'us-'], ['US']) },
  ],
  ['southamerica', { description: 'the locations in South America', member: byPrefix(['southamerica-']) }],
]);

/** `Germany` → `germany`, `United Kingdom` → `united-kingdom`: how a country value group is spelled. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '-');
}

let byCountrySlug: Map<string, string> | undefined;

/** Country value groups (`in:canada-locations`) for every country that has a Google region. */
function countryGroups(): Map<string, string> {
  if (!byCountrySlug) {
    byCountrySlug = new Map();
    for (const r of listRegions('gcp')) {
      if (r.kind === 'region' && r.country && r.partition === 'googleapis.com') {
        byCountrySlug.set(slug(countryName(r.country)), r.country);
      }
    }
  }
  return byCountrySlug;
}

export interface ValueGroup {
  /** As written, without `in:`: `eu-locations`. */
  name: string;
  /** What Google says it holds, in a few words. */
  description: string;
  /** Whether a catalog location (a region, zone or multi-region of Google Cloud) belongs to it. */
  contains(r: RegionInfo): boolean;
}

/**
 * The value group `name` (`eu-locations`, `europe-west3-locations`, `canada-locations`), or undefined
 * when it is not one this catalog knows (the caller reports that; the group then allows nothing).
 */
export function gcpValueGroup(name: string): ValueGroup | undefined {
  const m = /^([a-z0-9-]+)-locations$/.exec(name.trim().toLowerCase());
  if (!m) {
    return undefined;
  }
  const key = m[1];
  const region = lookupRegion('gcp', key);
  if (region && region.region.kind === 'region') {
    const id = region.region.id;
    return {
      name: `${key}-locations`,
      description: `the locations within ${id}`,
      contains: (r) => r.id === id || r.parentRegion === id,
    };
  }
  const area = AREAS.get(key);
  if (area) {
    return {
      name: `${key}-locations`,
      description: area.description,
      contains: withZones(publicCloud(area.member)),
    };
  }
  const country = countryGroups().get(key);
  if (country) {
    return {
      name: `${key}-locations`,
      description: `the locations in ${countryName(country)}`,
      contains: withZones(publicCloud(inCountries(new Set([country])))),
    };
  }
  return undefined;
}

/**
 * Google Cloud's own universe only: sovereign universes such as S3NS in France or Google Cloud
 * Dedicated in Germany are separate clouds with their own organisation policies.
 */
function publicCloud(member: Member): Member {
  return (r) => r.partition === 'googleapis.com' && member(r);
}

/** A zone belongs to a group when its region does. */
function withZones(member: Member): Member {
  return (r) => {
    if (r.kind === 'zone' && r.parentRegion) {
      const parent = lookupRegion('gcp', r.parentRegion)?.region;
      return parent ? member(parent) : false;
    }
    return member(r);
  };
}

/** The area and country groups this catalog knows, for the docs and the policy view. */
export function knownValueGroupNames(): string[] {
  return [
    ...[...AREAS.keys()].map((k) => `${k}-locations`),
    ...[...countryGroups().keys()].map((k) => `${k}-locations`),
  ];
}
