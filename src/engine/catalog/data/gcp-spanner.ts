import type { RegionInfo, ReplicaRole, Source } from '../types';

/**
 * Spanner's base dual-region and multi-region instance configurations, with the regions of their
 * read-write, read-only and witness replicas, from Google's page of Spanner instance configurations.
 *
 * Their ids carry the prefix `spanner:` (`spanner:eur3`, `spanner:nam-eur-asia1`) because Spanner and
 * Firestore reuse names for different places: Spanner's `eur3` has a witness in Finland, Firestore's
 * `eur3` is another catalog row, and Spanner's `nam7` (Iowa and Northern Virginia) is not Firestore's.
 * Only the Spanner analyzer maps a `config` to these ids (terraform/resolve/spanner.ts), so a location
 * written on another resource type never lands on a Spanner row by accident.
 *
 * Regional configurations (`regional-europe-west3`) are the ordinary region and need no row.
 * `dual-region-canada1` shows in a third-party listing of `gcloud spanner instance-configs list` but
 * not on the page read here, so it is left out rather than guessed.
 */
export const SPANNER_PREFIX = 'spanner:';

const asOf = '2026-12-04';
const spannerDoc: Source = {
  url: 'https://docs.cloud.google.com/spanner/docs/instance-configurations',
  title: 'Spanner: regional, dual-region and multi-region instance configurations',
  asOf,
};

interface Config {
  /** Google's name of the configuration (`nam3`). */
  name: string;
  /** Read-write regions, the default leader first. */
  rw: string[];
  ro?: string[];
  witness?: string;
  /** Google's resource location where it is an area (`eu`, `us`); single-country dual-regions need none. */
  area?: 'EU' | 'US';
  note?: string;
}

// Dual-regions: two regions in one country, each with two read-write replicas and one witness replica.
const DUAL: Config[] = [
  { name: 'dual-region-australia1', rw: ['australia-southeast1', 'australia-southeast2'] },
  { name: 'dual-region-germany1', rw: ['europe-west10', 'europe-west3'] },
  { name: 'dual-region-india1', rw: ['asia-south1', 'asia-south2'] },
  { name: 'dual-region-japan1', rw: ['asia-northeast1', 'asia-northeast2'] },
];

const MULTI: Config[] = [
  { name: 'asia1', rw: ['asia-northeast1', 'asia-northeast2'], witness: 'asia-northeast3' },
  {
    name: 'asia2',
    rw: ['asia-south1', 'asia-south2', 'asia-southeast1'],
    note: 'Google restricts this configuration to an allow-list and names no witness region for it.',
  },
  { name: 'eur3', rw: ['europe-west1', 'europe-west4'], witness: 'europe-north1', area: 'EU' },
  { name: 'eur5', rw: ['europe-west2', 'europe-west1'], witness: 'europe-west4' },
  { name: 'eur6', rw: ['europe-west4', 'europe-west3'], witness: 'europe-west6' },
  { name: 'eur7', rw: ['europe-west8', 'europe-west3'], witness: 'europe-west12', area: 'EU' },
  { name: 'nam3', rw: ['us-east4', 'us-east1'], witness: 'us-central1', area: 'US' },
  { name: 'nam6', rw: ['us-central1', 'us-east1'], ro: ['us-west1', 'us-west2'], witness: 'us-central2', area: 'US' },
  { name: 'nam7', rw: ['us-central1', 'us-east4'], witness: 'us-central2', area: 'US' },
  { name: 'nam8', rw: ['us-west2', 'us-west1'], witness: 'us-west3', area: 'US' },
  { name: 'nam9', rw: ['us-east4', 'us-central1'], ro: ['us-west1'], witness: 'us-east1', area: 'US' },
  { name: 'nam10', rw: ['us-central1', 'us-west3'], witness: 'us-central2', area: 'US' },
  { name: 'nam11', rw: ['us-central1', 'us-east1'], witness: 'us-central2', area: 'US' },
  { name: 'nam12', rw: ['us-central1', 'us-east4'], ro: ['us-west1'], witness: 'us-central2', area: 'US' },
  { name: 'nam13', rw: ['us-central2', 'us-central1'], witness: 'us-west3', area: 'US' },
  { name: 'nam14', rw: ['us-east4', 'northamerica-northeast1'], witness: 'us-east1' },
  { name: 'nam15', rw: ['us-south1', 'us-east4'], witness: 'us-central1', area: 'US' },
  { name: 'nam16', rw: ['us-central1', 'us-east4'], witness: 'us-east5', area: 'US' },
  {
    name: 'nam-eur-asia1',
    rw: ['us-central1', 'us-central2'],
    ro: ['europe-west1', 'asia-east1'],
    witness: 'us-east1',
  },
  {
    name: 'nam-eur-asia3',
    rw: ['us-central1', 'us-east1'],
    ro: ['europe-west1', 'europe-west4', 'asia-east1'],
    witness: 'us-central2',
  },
];

function row(c: Config, dual: boolean, countryOf: (region: string) => string | undefined): RegionInfo {
  const roles: Record<string, ReplicaRole> = {};
  c.rw.forEach((r) => (roles[r] = 'read-write'));
  c.ro?.forEach((r) => (roles[r] = 'read-only'));
  if (c.witness) {
    roles[c.witness] = 'witness';
  }
  const members = Object.keys(roles);
  // Every member is a region of the catalog (tested), so each has a country.
  const countries = [...new Set(members.map(countryOf).filter((x): x is string => x !== undefined))];
  const notes = [
    `Read-write regions: ${c.rw.join(', ')} (default leader ${c.rw[0]})${dual ? ', each with a witness replica as well' : ''}.`,
    ...(c.ro ? [`Read-only regions: ${c.ro.join(', ')}.`] : []),
    ...(c.witness ? [`Witness region: ${c.witness}.`] : []),
    ...(c.note ? [c.note] : []),
    ...(dual || c.area ? [] : ['Google gives its resource location (where the data is stored at rest) as global.']),
  ];
  return {
    providerId: 'gcp',
    id: SPANNER_PREFIX + c.name,
    name: `Spanner ${dual ? 'dual-region' : 'multi-region'} configuration ${c.name}`,
    kind: 'multi-region',
    // A configuration within one country is in that country for the rules, as for Cloud Storage.
    country: countries.length === 1 ? countries[0] : null,
    countries,
    ...(c.area ? { jurisdiction: c.area } : {}),
    members,
    memberRoles: roles,
    notes,
    partition: 'googleapis.com',
    sources: [spannerDoc],
    asOf,
  };
}

/** The Spanner configurations as catalog locations; `regions` gives each member region's country. */
export function spannerConfigurations(regions: readonly RegionInfo[]): RegionInfo[] {
  const countryOf = (id: string) => regions.find((r) => r.id === id)?.country ?? undefined;
  return [...DUAL.map((c) => row(c, true, countryOf)), ...MULTI.map((c) => row(c, false, countryOf))];
}
