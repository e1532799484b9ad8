import type { ProviderData, RegionInfo, Source } from '../types';
import { locations } from './define';

// Hetzner Cloud locations, network zones and datacenters from the Hetzner Cloud API docs
// (`location` takes fsn1/nbg1/hel1/ash/hil/sin; `datacenter` takes e.g. fsn1-dc14).
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://docs.hetzner.cloud/reference/cloud#locations',
  title: 'Hetzner Cloud API: locations, datacenters and network zones',
  asOf,
};
const facts: Source = {
  url: 'https://csf.hop3.abilian.com/providers/hetzner.html',
  title: 'Provider card: Hetzner Online GmbH (ownership)',
  asOf,
};
const hetznerDe = { name: 'Hetzner Online GmbH', country: 'DE' };
const d = { providerId: 'hetzner', partition: 'hetzner-cloud', sources: [doc], asOf };
const usNote = {
  notes: [
    'U.S. location of a German provider; the name of the entity that operates the U.S. sites is not in our sources.',
  ],
};

const locs = locations(d, [
  ['fsn1', 'Falkenstein', 'DE', 'Falkenstein'],
  ['nbg1', 'Nuremberg', 'DE', 'Nuremberg'],
  ['hel1', 'Helsinki', 'FI', 'Helsinki'],
  ['ash', 'Ashburn, VA', 'US', 'Ashburn', usNote],
  ['hil', 'Hillsboro, OR', 'US', 'Hillsboro', usNote],
  ['sin', 'Singapore', 'SG', 'Singapore'],
]);

/** Datacenters are zones of a location. */
const dcs: Array<[string, string]> = [
  ['fsn1-dc14', 'fsn1'],
  ['nbg1-dc3', 'nbg1'],
  ['hel1-dc2', 'hel1'],
  ['ash-dc1', 'ash'],
  ['hil-dc1', 'hil'],
  ['sin-dc1', 'sin'],
];
const datacenters: RegionInfo[] = dcs.map(([id, parent]) => {
  const p = locs.find((l) => l.id === parent) as RegionInfo;
  return { ...p, id, name: `${p.name} datacenter ${id}`, kind: 'zone', parentRegion: parent };
});

const networkZones: RegionInfo[] = locations({ ...d, kind: 'multi-region' }, [
  ['eu-central', 'Network zone eu-central', null, undefined, { countries: ['DE', 'FI'] }],
  ['us-east', 'Network zone us-east', 'US', 'Ashburn'],
  ['us-west', 'Network zone us-west', 'US', 'Hillsboro'],
  ['ap-southeast', 'Network zone ap-southeast', 'SG', 'Singapore'],
]);

export const hetzner: ProviderData = {
  provider: {
    id: 'hetzner',
    displayName: 'Hetzner Cloud',
    operator: hetznerDe,
    ultimateParent: hetznerDe,
    control: 'non-us',
    terraformProviders: ['hcloud', 'hetznerdns'],
    resourcePrefixes: ['hcloud_', 'hetznerdns_'],
    notes: ['Hetzner Online GmbH, Gunzenhausen, Germany; privately held.'],
    sources: [doc, facts],
    asOf,
  },
  regions: [...locs, ...datacenters, ...networkZones],
};
