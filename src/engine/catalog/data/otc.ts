import type { ProviderData, Source } from '../types';
import { locations } from './define';

// Open Telekom Cloud regions and availability zones from its "Regions and Endpoints" page
// (opentelekomcloud-docs/regions-and-endpoints); Swiss region from the Swiss OTC documentation.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://github.com/opentelekomcloud-docs/regions-and-endpoints/blob/main/doc/source/index.rst',
  title: 'Open Telekom Cloud: Regions and Endpoints',
  asOf,
};
const facts: Source = {
  url: 'https://csf.hop3.abilian.com/providers/open-telekom-cloud.html',
  title: 'Provider card: Open Telekom Cloud / T-Systems (ownership, data centres)',
  asOf,
};
const d = { providerId: 'otc', partition: 'otc', sources: [doc], asOf };
const zone = (parent: string) => ({ kind: 'zone' as const, parentRegion: parent });

export const otc: ProviderData = {
  provider: {
    id: 'otc',
    displayName: 'Open Telekom Cloud',
    operator: { name: 'T-Systems International GmbH', country: 'DE' },
    ultimateParent: { name: 'Deutsche Telekom AG', country: 'DE' },
    control: 'non-us',
    terraformProviders: ['opentelekomcloud'],
    resourcePrefixes: ['opentelekomcloud_'],
    notes: [
      'T-Systems is wholly owned by Deutsche Telekom AG, whose largest shareholder is the German state; data centres in Biere/Magdeburg and Amsterdam.',
    ],
    sources: [doc, facts],
    asOf,
  },
  regions: locations(d, [
    ['eu-de', 'Germany (Biere/Magdeburg)', 'DE', 'Biere/Magdeburg'],
    ['eu-de-01', 'eu-de zone 01', 'DE', 'Biere/Magdeburg', zone('eu-de')],
    ['eu-de-02', 'eu-de zone 02', 'DE', 'Biere/Magdeburg', zone('eu-de')],
    ['eu-de-03', 'eu-de zone 03', 'DE', 'Biere/Magdeburg', zone('eu-de')],
    ['eu-nl', 'Netherlands (Amsterdam)', 'NL', 'Amsterdam'],
    ['eu-nl-01', 'eu-nl zone 01', 'NL', 'Amsterdam', zone('eu-nl')],
    ['eu-nl-02', 'eu-nl zone 02', 'NL', 'Amsterdam', zone('eu-nl')],
    ['eu-nl-03', 'eu-nl zone 03', 'NL', 'Amsterdam', zone('eu-nl')],
    ['eu-ch2', 'Switzerland (Swiss Open Telekom Cloud)', 'CH'],
    ['eu-ch2a', 'eu-ch2 zone a', 'CH', undefined, zone('eu-ch2')],
    ['eu-ch2b', 'eu-ch2 zone b', 'CH', undefined, zone('eu-ch2')],
  ]),
};
