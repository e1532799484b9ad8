import { lookupRegion, normaliseRegion } from '../catalog';
import { countryName } from '../catalog/countries';
import { gcpValueGroup } from '../catalog/gcp-value-groups';
import { expandCountries, locationCountries } from '../catalog/groups';
import type { Copy, Placement } from '../model';
import { matchSegment } from '../workspace/glob';
import { awsServiceOf } from './aws-services';

/**
 * One residency policy, as plain data (it crosses to the CLI's worker threads with the configuration).
 * `project` is the `countries`/`controllers` rule of the project file or the settings; the other kinds
 * are the cloud policies an organisation already runs, imported from its files.
 */
export type PolicyKind = 'project' | 'gcp-resource-locations' | 'azure-allowed-locations' | 'aws-requested-region';

export interface ResidencyPolicy {
  kind: PolicyKind;
  /** What the policy is, for messages: `residency`, `GCP organisation policy gcp.resourceLocations`. */
  name: string;
  /** Where it is written: the file (as the user gave it, relative to the project) and the line. */
  file: string;
  line?: number;
  /** The file's full path, when the loader read it (for the finding's related location). */
  path?: string;
  /** Provider ids whose placements the policy governs; absent: every provider. */
  providers?: string[];
  /** `project`: allowed countries and controllers (ISO codes and groups). */
  countries?: string[];
  controllers?: string[];
  /** Cloud policies: the allowed and denied location values, as written (`in:eu-locations`, `eu-*`). */
  allowed?: string[];
  denied?: string[];
  /** AWS: the values are patterns with `*` and `?` (`StringNotLike`), not exact names. */
  patterns?: boolean;
  /** AWS: services the deny does not apply to (`NotAction`: `iam`, `cloudfront`, …). */
  exemptServices?: string[];
  /** AWS: the only services the deny applies to (`Action`); absent: every service. */
  onlyServices?: string[];
  /** Azure: `resource-groups` governs only resource groups, `resources` everything else. */
  scope?: 'resources' | 'resource-groups';
  /** What the policy says that is not evaluated (an AWS statement's exemptions for some principals). */
  notes?: string[];
}

/** `residency (.cloud-act-lens.json)`, `GCP organisation policy gcp.resourceLocations (org/locations.yaml:4)`. */
export function policyLabel(p: ResidencyPolicy): string {
  return `${p.name} (${p.file}${p.line ? `:${p.line}` : ''})`;
}

/** What the policy allows, in a few words: `EU, CH`, `europe-west3, in:eu-locations`. */
export function policyAllows(p: ResidencyPolicy): string {
  const parts: string[] = [];
  if (p.countries) {
    parts.push(`countries ${p.countries.join(', ')}`);
  }
  if (p.controllers) {
    parts.push(`controllers in ${p.controllers.join(', ')}`);
  }
  if (p.allowed) {
    parts.push(p.allowed.length ? p.allowed.join(', ') : 'no location');
  }
  if (p.denied?.length) {
    parts.push(`${p.allowed ? 'but not' : 'all but'} ${p.denied.join(', ')}`);
  }
  // A service control policy exempts dozens of global services: name a few, count the rest.
  const few = (list: string[]) =>
    list.length > 4 ? `${list.slice(0, 4).join(', ')} and ${list.length - 4} more` : list.join(', ');
  const services = p.exemptServices?.length
    ? ` (${few(p.exemptServices)} exempt)`
    : p.onlyServices?.length
      ? ` (for ${few(p.onlyServices)})`
      : '';
  return (parts.join('; ') || 'every location') + services;
}

/** A place the data is: the placement's own region or one of its copies. */
interface Place {
  label: string;
  regionId: string;
  country: string | null;
  controller: string | null;
  /** A multi-region member that the policy judges through the location the resource names. */
  viaParent?: boolean;
}

export type Verdict =
  | { outcome: 'inside' }
  | { outcome: 'outside'; reasons: string[] }
  /** The region (of the placement or a copy) is not known, so the policy cannot be checked. */
  | { outcome: 'unresolved' }
  /** The policy does not govern this resource (another provider, an exempt service, global). */
  | { outcome: 'not-applicable' };

const AZURE_RESOURCE_GROUPS = new Set(['azurerm_resource_group', 'microsoft.resources/resourcegroups']);

/** Whether `policy` governs placement `p` at all. */
export function governs(policy: ResidencyPolicy, p: Placement): boolean {
  if (p.global) {
    return false;
  }
  if (policy.providers && !policy.providers.includes(p.provider)) {
    return false;
  }
  if (policy.scope) {
    const isGroup = AZURE_RESOURCE_GROUPS.has(p.type.toLowerCase());
    if ((policy.scope === 'resource-groups') !== isGroup) {
      return false;
    }
  }
  if (policy.kind === 'aws-requested-region') {
    const service = awsServiceOf(p.type);
    if (policy.exemptServices?.includes(service)) {
      return false;
    }
    if (policy.onlyServices && !policy.onlyServices.includes(service)) {
      return false;
    }
  }
  return true;
}

/** The countries a known location spans; undefined when nobody publishes them. */
function countriesOf(provider: string, regionId: string, country: string | null): readonly string[] | undefined {
  if (country) {
    return [country];
  }
  const info = lookupRegion(provider, regionId)?.effective;
  const countries = info ? locationCountries(info) : [];
  return countries.length > 0 ? countries : undefined;
}

/** Whether one location value of a cloud policy names the catalog location `regionId` of `provider`. */
function valueMatches(policy: ResidencyPolicy, value: string, provider: string, regionId: string): boolean {
  if (policy.kind === 'aws-requested-region') {
    // `*` and `?` of IAM condition patterns, with the project's linear matcher (policy files are input).
    return policy.patterns ? matchSegment(value, regionId) : value === regionId;
  }
  if (policy.kind === 'gcp-resource-locations') {
    const v = value.replace(/^is:/, '');
    if (v.startsWith('in:')) {
      const info = lookupRegion(provider, regionId)?.region;
      return info !== undefined && (gcpValueGroup(v.slice(3))?.contains(info) ?? false);
    }
    return normaliseRegion(v) === normaliseRegion(regionId);
  }
  return normaliseRegion(value) === normaliseRegion(regionId);
}

/** One way a place is outside a policy: `<label> <verb> <predicate>`, the verb in singular and plural. */
interface Reason {
  label: string;
  predicate: string;
  one: string;
  many: string;
}

/**
 * Why `place` is outside `policy` ([] when it is inside); `undefined` when it cannot be told (a
 * location whose countries nobody publishes, such as Cloud Storage `ASIA`, under a countries rule).
 */
function placeReasons(policy: ResidencyPolicy, provider: string, place: Place): Reason[] | undefined {
  if (policy.kind === 'project') {
    const reasons: Reason[] = [];
    const countries = countriesOf(provider, place.regionId, place.country);
    if (policy.countries && !countries) {
      return undefined;
    }
    if (policy.countries && countries) {
      const allowed = expandCountries(policy.countries).countries;
      const outside = countries.filter((c) => !allowed.has(c));
      if (outside.length > 0) {
        reasons.push({
          label: place.label,
          predicate: `${outside.map((c) => `${countryName(c)} (${c})`).join(', ')}, and the policy allows ${policy.countries.join(', ')}`,
          one: 'is in',
          many: 'are in',
        });
      }
    }
    if (
      policy.controllers &&
      place.controller &&
      !expandCountries(policy.controllers).countries.has(place.controller)
    ) {
      reasons.push({
        label: place.label,
        predicate: `an operator ultimately controlled from ${countryName(place.controller)} (${place.controller}), and the policy allows controllers in ${policy.controllers.join(', ')}`,
        one: 'has',
        many: 'have',
      });
    }
    return reasons;
  }
  if (place.viaParent || (policy.kind === 'azure-allowed-locations' && place.regionId === 'global')) {
    return [];
  }
  const allowed =
    policy.allowed === undefined || policy.allowed.some((v) => valueMatches(policy, v, provider, place.regionId));
  const denied = (policy.denied ?? []).some((v) => valueMatches(policy, v, provider, place.regionId));
  if (allowed && !denied) {
    return [];
  }
  return [
    {
      label: place.label,
      predicate: `${denied ? 'denied by it' : 'not among the locations it allows'} (${policyAllows(policy)})`,
      one: 'is',
      many: 'are',
    },
  ];
}

function copyPlace(p: Placement, c: Copy): Place | undefined {
  if (!c.regionId || !c.regionKnown) {
    return undefined;
  }
  return {
    label: `its ${c.kind} copy in ${c.regionId}`,
    regionId: c.regionId,
    country: c.country,
    controller: c.controller,
    // The member regions of a predefined dual-region (EUR4) are where the location the resource names
    // keeps its data: a location policy allows or denies that location, not its members. Regions the
    // configuration chooses itself (a configurable dual-region's data_locations) are judged each.
    viaParent: c.kind === 'multi-region' && predefinedMultiRegion(p),
  };
}

function predefinedMultiRegion(p: Placement): boolean {
  const info = p.regionId ? lookupRegion(p.provider, p.regionId)?.region : undefined;
  return (info?.members?.length ?? 0) > 0;
}

/**
 * Places with the same predicate share one sentence ("the region westeurope and its geo-redundancy
 * copy in northeurope have an operator …"), so a message never repeats itself.
 */
function grouped(reasons: Reason[]): string[] {
  const byPredicate = new Map<string, { labels: string[]; one: string; many: string }>();
  for (const { label, predicate, one, many } of reasons) {
    const g = byPredicate.get(predicate) ?? { labels: [], one, many };
    g.labels.push(label);
    byPredicate.set(predicate, g);
  }
  return [...byPredicate].map(([predicate, g]) => {
    const labels =
      g.labels.length > 1 ? `${g.labels.slice(0, -1).join(', ')} and ${g.labels[g.labels.length - 1]}` : g.labels[0];
    return `${labels} ${g.labels.length > 1 ? g.many : g.one} ${predicate}`;
  });
}

/** Judges placement `p` (and every copy of its data) under `policy`. */
export function judge(policy: ResidencyPolicy, p: Placement): Verdict {
  if (!governs(policy, p)) {
    return { outcome: 'not-applicable' };
  }
  const places: Place[] = [];
  let unresolved = false;
  if (p.regionId && p.regionKnown) {
    places.push({
      label: `the region ${p.regionId}`,
      regionId: p.regionId,
      country: p.country,
      controller: p.controller,
    });
  } else {
    unresolved = true;
  }
  for (const c of p.copies) {
    const place = copyPlace(p, c);
    if (place) {
      places.push(place);
    } else {
      unresolved = true;
    }
  }
  const reasons: Reason[] = [];
  for (const place of places) {
    const r = placeReasons(policy, p.provider, place);
    if (r) {
      reasons.push(...r);
    } else {
      unresolved = true;
    }
  }
  if (reasons.length > 0) {
    return { outcome: 'outside', reasons: grouped(reasons) };
  }
  return unresolved ? { outcome: 'unresolved' } : { outcome: 'inside' };
}

/** Per policy: how many placements it governs are inside, outside, or cannot be checked yet. */
export interface PolicyTally {
  policy: string;
  kind: PolicyKind;
  file: string;
  line: number | null;
  allows: string;
  compliant: number;
  outside: number;
  unresolved: number;
}

/** Counts verdicts per policy, placement by placement (a scan's results may arrive in pieces). */
export class ResidencyTally {
  private readonly tallies: PolicyTally[];

  constructor(private readonly policies: readonly ResidencyPolicy[]) {
    this.tallies = policies.map((p) => ({
      policy: p.name,
      kind: p.kind,
      file: p.file,
      line: p.line ?? null,
      allows: policyAllows(p),
      compliant: 0,
      outside: 0,
      unresolved: 0,
    }));
  }

  add(placements: readonly Placement[]): void {
    for (const p of placements) {
      this.policies.forEach((policy, i) => {
        const v = judge(policy, p);
        if (v.outcome === 'inside') {
          this.tallies[i].compliant++;
        } else if (v.outcome === 'outside') {
          this.tallies[i].outside++;
        } else if (v.outcome === 'unresolved') {
          this.tallies[i].unresolved++;
        }
      });
    }
  }

  results(): PolicyTally[] {
    return this.tallies.map((t) => ({ ...t }));
  }
}
