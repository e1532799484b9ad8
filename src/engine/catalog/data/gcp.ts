import { licensedOperatorNote } from '../../legal';
import type { ProviderData, RegionInfo, Source } from '../types';
import { type LocationDefaults, locations, zonesOf } from './define';
import { spannerConfigurations } from './gcp-spanner';

// Regions and zones from Google Cloud's "Geography and regions" page; multi-regions and
// dual-regions from the Cloud Storage bucket locations page (Firestore's eur3/nam5/nam7 from its
// locations page). A zone is `<region>-<letter>` and takes its region's country.
const asOf = '2026-11-26';
const regionsDoc: Source = {
  url: 'https://cloud.google.com/compute/docs/regions-zones',
  title: 'Google Cloud: Regions and zones',
  asOf,
};
const storageDoc: Source = {
  url: 'https://cloud.google.com/storage/docs/locations',
  title: 'Google Cloud Storage: bucket locations (regions, dual-regions, multi-regions)',
  asOf,
};
const firestoreDoc: Source = {
  url: 'https://cloud.google.com/firestore/docs/locations',
  title: 'Firestore locations',
  asOf,
};
const s3nsDoc: Source = {
  url: 'https://documentation.s3ns.fr/docs/overview/tpc-key-differences',
  title: 'Cloud de Confiance by S3NS: differences from Google Cloud (single region u-france-east1)',
  asOf,
};

const d = (extra: Partial<LocationDefaults> = {}): LocationDefaults => ({
  providerId: 'gcp',
  partition: 'googleapis.com',
  sources: [regionsDoc],
  asOf,
  ...extra,
});

const regions = locations(d(), [
  ['africa-south1', 'Johannesburg, South Africa', 'ZA', 'Johannesburg'],
  ['asia-east1', 'Changhua County, Taiwan', 'TW', 'Changhua County'],
  ['asia-east2', 'Hong Kong', 'HK', 'Hong Kong'],
  ['asia-northeast1', 'Tokyo, Japan', 'JP', 'Tokyo'],
  ['asia-northeast2', 'Osaka, Japan', 'JP', 'Osaka'],
  ['asia-northeast3', 'Seoul, South Korea', 'KR', 'Seoul'],
  ['asia-south1', 'Mumbai, India', 'IN', 'Mumbai'],
  ['asia-south2', 'Delhi, India', 'IN', 'Delhi'],
  ['asia-southeast1', 'Jurong West, Singapore', 'SG', 'Jurong West'],
  ['asia-southeast2', 'Jakarta, Indonesia', 'ID', 'Jakarta'],
  ['asia-southeast3', 'Bangkok, Thailand', 'TH', 'Bangkok'],
  ['australia-southeast1', 'Sydney, Australia', 'AU', 'Sydney'],
  ['australia-southeast2', 'Melbourne, Australia', 'AU', 'Melbourne'],
  ['europe-central2', 'Warsaw, Poland', 'PL', 'Warsaw'],
  ['europe-north1', 'Hamina, Finland', 'FI', 'Hamina'],
  ['europe-north2', 'Stockholm, Sweden', 'SE', 'Stockholm'],
  ['europe-southwest1', 'Madrid, Spain', 'ES', 'Madrid'],
  ['europe-west1', 'St. Ghislain, Belgium', 'BE', 'St. Ghislain'],
  ['europe-west2', 'London, England', 'GB', 'London'],
  ['europe-west3', 'Frankfurt, Germany', 'DE', 'Frankfurt'],
  ['europe-west4', 'Eemshaven, Netherlands', 'NL', 'Eemshaven'],
  ['europe-west6', 'Zurich, Switzerland', 'CH', 'Zurich'],
  ['europe-west8', 'Milan, Italy', 'IT', 'Milan'],
  ['europe-west9', 'Paris, France', 'FR', 'Paris'],
  ['europe-west10', 'Berlin, Germany', 'DE', 'Berlin'],
  ['europe-west12', 'Turin, Italy', 'IT', 'Turin'],
  ['me-central1', 'Doha, Qatar', 'QA', 'Doha'],
  ['me-central2', 'Dammam, Saudi Arabia', 'SA', 'Dammam'],
  ['me-west1', 'Tel Aviv, Israel', 'IL', 'Tel Aviv'],
  ['northamerica-northeast1', 'Montréal, Québec, Canada', 'CA', 'Montréal'],
  ['northamerica-northeast2', 'Toronto, Ontario, Canada', 'CA', 'Toronto'],
  ['northamerica-south1', 'Querétaro, Mexico', 'MX', 'Querétaro'],
  ['southamerica-east1', 'Osasco, São Paulo, Brazil', 'BR', 'Osasco'],
  ['southamerica-west1', 'Santiago, Chile', 'CL', 'Santiago'],
  ['us-central1', 'Council Bluffs, Iowa, North America', 'US', 'Council Bluffs'],
  ['us-east1', 'Moncks Corner, South Carolina, North America', 'US', 'Moncks Corner'],
  ['us-east4', 'Ashburn, Virginia, North America', 'US', 'Ashburn'],
  ['us-east5', 'Columbus, Ohio, North America', 'US', 'Columbus'],
  ['us-south1', 'Dallas, Texas, North America', 'US', 'Dallas'],
  ['us-west1', 'The Dalles, Oregon, North America', 'US', 'The Dalles'],
  ['us-west2', 'Los Angeles, California, North America', 'US', 'Los Angeles'],
  ['us-west3', 'Salt Lake City, Utah, North America', 'US', 'Salt Lake City'],
  ['us-west4', 'Las Vegas, Nevada, North America', 'US', 'Las Vegas'],
]);

// Most regions have zones a, b and c; the exceptions are listed.
const abc = ['a', 'b', 'c'];
const zoneLetters: Record<string, string[]> = Object.fromEntries(regions.map((r) => [r.id, abc]));
zoneLetters['us-central1'] = ['a', 'b', 'c', 'f'];
zoneLetters['us-east1'] = ['b', 'c', 'd'];
zoneLetters['europe-west1'] = ['b', 'c', 'd'];

// Locations Google's public region list leaves out but its product documentation names: the restricted
// region us-central2 (Cloud TPU v4) and the AI zones, each inside an ordinary region.
const tpuDoc: Source = {
  url: 'https://docs.cloud.google.com/tpu/docs/regions-zones',
  title: 'Google Cloud: TPU regions and zones (us-central2-b, AI zones)',
  asOf: '2026-12-03',
};
const restricted = locations(
  d({
    sources: [tpuDoc],
    notes: [
      "Not in Google's public list of regions: a region with restricted availability that Google's Cloud TPU documentation names (zone us-central2-b).",
    ],
  }),
  [['us-central2', 'us-central2 (restricted)', 'US']],
);
const aiZones = locations(d({ kind: 'zone', sources: [tpuDoc] }), [
  ['us-central1-ai1a', 'us-central1 AI zone ai1a', 'US', undefined, { parentRegion: 'us-central1' }],
  ['us-south1-ai1b', 'us-south1 AI zone ai1b', 'US', undefined, { parentRegion: 'us-south1' }],
]);

const s3ns = { name: 'S3NS', country: 'FR' };
const s3nsRegion = locations(
  d({
    partition: 's3nsapis.fr',
    operator: s3ns,
    ultimateParent: { name: 'Thales S.A.', country: 'FR' },
    control: 'licensed-us-technology',
    sources: [s3nsDoc],
    notes: [
      'Cloud de Confiance by S3NS: a French company controlled by Thales, with Google Cloud as a minority shareholder; it runs Google Cloud technology in its own universe (s3nsapis.fr), with its own operations team, billing and data centres not shared with Google Cloud. Its PREMI3NS offer received ANSSI SecNumCloud 3.2 qualification in December 2025.',
      licensedOperatorNote(),
    ],
  }),
  [['u-france-east1', 'Cloud de Confiance by S3NS (France)', 'FR']],
);

const gcdDoc: Source = {
  url: 'https://berlin.devsitetest.how/docs/overview/tpc-overview',
  title: 'Google Cloud Dedicated in Germany overview (one region, u-germany-northeast1, zones a-c)',
  asOf,
};
const dedicated = locations(
  d({
    partition: 'apis-berlin-build0.goog',
    sources: [gcdDoc],
    // Google's documentation says a local operator manages the services and the data, but names none
    // that we could read: the operator is marked unconfirmed rather than asserted to be Google LLC.
    operator: { name: 'a local operator (not named in the sources; unconfirmed)', country: 'DE' },
    ultimateParent: { name: 'not named in the sources (unconfirmed)', country: 'DE' },
    control: 'licensed-us-technology',
    notes: [
      'Google Cloud Dedicated in Germany: a separate, standalone Google Cloud universe based in Berlin, in which a local operator manages the services and the data. The sources we could read do not name the operator or its owners (unconfirmed), so who controls it is not stated here.',
    ],
  }),
  [['u-germany-northeast1', 'Google Cloud Dedicated (Germany)', 'DE', 'Berlin']],
);

const multi = (
  id: string,
  name: string,
  countries: string[],
  source: Source,
  jurisdiction?: string,
  dual?: string[],
): RegionInfo => ({
  providerId: 'gcp',
  id,
  name,
  kind: 'multi-region',
  // A location spanning one country is in that country for the rules (NAM4 is in the U.S.).
  country: countries.length === 1 ? countries[0] : null,
  countries,
  ...(jurisdiction ? { jurisdiction } : {}),
  ...(dual ? { notes: [`Dual-region: ${dual.join(' and ')}.`], members: dual } : {}),
  partition: 'googleapis.com',
  sources: [source],
  asOf,
});

/** A multi-region that Google describes only as an area: its placement is the area, in Google's words. */
const area = (id: string, name: string, described: string, jurisdiction?: string): RegionInfo => ({
  providerId: 'gcp',
  id,
  name,
  kind: 'multi-region',
  country: null,
  ...(jurisdiction ? { jurisdiction } : {}),
  notes: [`Google describes this location as ${described}, without naming the regions or countries.`],
  partition: 'googleapis.com',
  sources: [storageDoc],
  asOf,
});

const multiRegions: RegionInfo[] = [
  // Google names no member regions or countries for EU and ASIA, only the area: none are invented here.
  area('EU', 'European Union multi-region', 'data centers in the European Union', 'EU'),
  multi('US', 'United States multi-region', ['US'], storageDoc, 'US'),
  area('ASIA', 'Asia multi-region', 'data centers in Asia'),
  multi('ASIA1', 'Tokyo and Osaka dual-region', ['JP'], storageDoc, undefined, ['asia-northeast1', 'asia-northeast2']),
  multi('EUR4', 'Finland and Netherlands dual-region', ['FI', 'NL'], storageDoc, 'EU', [
    'europe-north1',
    'europe-west4',
  ]),
  multi('EUR5', 'Belgium and London dual-region', ['BE', 'GB'], storageDoc, undefined, [
    'europe-west1',
    'europe-west2',
  ]),
  multi('EUR7', 'London and Frankfurt dual-region', ['GB', 'DE'], storageDoc, undefined, [
    'europe-west2',
    'europe-west3',
  ]),
  multi('EUR8', 'Frankfurt and Zurich dual-region', ['DE', 'CH'], storageDoc, undefined, [
    'europe-west3',
    'europe-west6',
  ]),
  multi('NAM4', 'Iowa and South Carolina dual-region', ['US'], storageDoc, 'US', ['us-central1', 'us-east1']),
  multi('eur3', 'Europe multi-region (Firestore)', ['BE', 'NL'], firestoreDoc, 'EU', ['europe-west1', 'europe-west4']),
  multi('nam5', 'United States multi-region (Firestore)', ['US'], firestoreDoc, 'US'),
  multi('nam7', 'United States multi-region (Firestore)', ['US'], firestoreDoc, 'US'),
];

const global: RegionInfo = {
  providerId: 'gcp',
  id: 'global',
  name: 'Global (non-regional)',
  kind: 'global',
  country: null,
  partition: 'googleapis.com',
  sources: [regionsDoc],
  asOf,
};

export const gcp: ProviderData = {
  provider: {
    id: 'gcp',
    displayName: 'Google Cloud',
    operator: { name: 'Google LLC', country: 'US' },
    ultimateParent: { name: 'Alphabet Inc.', country: 'US' },
    control: 'us',
    terraformProviders: ['google', 'google-beta'],
    resourcePrefixes: ['google_'],
    notes: [
      'Sovereign Controls by Partners (France by S3NS, Germany by T-Systems, Italy by PSN) run in Google-operated regions: Google LLC remains the operator.',
    ],
    sources: [regionsDoc],
    asOf,
  },
  regions: [
    ...regions,
    ...zonesOf(regions, zoneLetters),
    ...restricted,
    ...zonesOf(restricted, { 'us-central2': ['b'] }),
    ...aiZones,
    ...s3nsRegion,
    ...zonesOf(s3nsRegion, { 'u-france-east1': abc }),
    ...dedicated,
    ...zonesOf(dedicated, { 'u-germany-northeast1': abc }),
    ...multiRegions,
    ...spannerConfigurations([...regions, ...restricted]),
    global,
  ],
};
