import type { ProviderData, Source } from '../types';
import { locations } from './define';

// OVHcloud Public Cloud regions (OpenStack region names as the `ovh` Terraform provider takes
// them, e.g. `GRA7`, and the 3-AZ regions such as `EU-WEST-PAR`) from OVHcloud's regions page.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://www.ovhcloud.com/en/public-cloud/regions-availability/',
  title: 'OVHcloud Public Cloud: regions availability',
  asOf,
};
const facts: Source = {
  url: 'https://csf.hop3.abilian.com/providers/ovhcloud.html',
  title: 'Provider card: OVHcloud SA (ownership)',
  asOf,
};
const ovhUs: Source = {
  url: 'https://www.ovh.com/asia/a2294.how-ovh-will-balance-development-in-the-usa-while-preserving-its-european-identity',
  title: 'OVH: how OVH will balance development in the USA (OVH US isolated from the group)',
  asOf,
};
const ovh = { name: 'OVH Groupe SA (OVHcloud)', country: 'FR' };
const d = { providerId: 'ovh', partition: 'ovh-public-cloud', sources: [doc], asOf };

export const ovhcloud: ProviderData = {
  provider: {
    id: 'ovh',
    displayName: 'OVHcloud',
    operator: ovh,
    ultimateParent: ovh,
    control: 'non-us',
    terraformProviders: ['ovh'],
    resourcePrefixes: ['ovh_'],
    notes: ['OVHcloud SA, Roubaix, France; listed on Euronext Paris and controlled by the Klaba family.'],
    sources: [doc, facts],
    asOf,
  },
  regions: [
    ...locations(d, [
      ['GRA', 'Gravelines', 'FR', 'Gravelines'],
      ['GRA5', 'Gravelines 5', 'FR', 'Gravelines'],
      ['GRA7', 'Gravelines 7', 'FR', 'Gravelines'],
      ['GRA9', 'Gravelines 9', 'FR', 'Gravelines'],
      ['GRA11', 'Gravelines 11', 'FR', 'Gravelines'],
      ['SBG', 'Strasbourg', 'FR', 'Strasbourg'],
      ['SBG5', 'Strasbourg 5', 'FR', 'Strasbourg'],
      ['SBG7', 'Strasbourg 7', 'FR', 'Strasbourg'],
      ['RBX', 'Roubaix', 'FR', 'Roubaix'],
      ['RBX-A', 'Roubaix A', 'FR', 'Roubaix'],
      ['EU-WEST-PAR', 'Paris (3 availability zones)', 'FR', 'Paris'],
      ['EU-WEST-PAR-A', 'Paris zone A', 'FR', 'Paris', { kind: 'zone', parentRegion: 'EU-WEST-PAR' }],
      ['EU-WEST-PAR-B', 'Paris zone B', 'FR', 'Paris', { kind: 'zone', parentRegion: 'EU-WEST-PAR' }],
      ['EU-WEST-PAR-C', 'Paris zone C', 'FR', 'Paris', { kind: 'zone', parentRegion: 'EU-WEST-PAR' }],
      ['EU-SOUTH-MIL', 'Milan (3 availability zones)', 'IT', 'Milan'],
      ['DE', 'Frankfurt', 'DE', 'Frankfurt'],
      ['DE1', 'Frankfurt 1', 'DE', 'Frankfurt'],
      ['UK', 'London', 'GB', 'London'],
      ['UK1', 'London 1', 'GB', 'London'],
      ['WAW', 'Warsaw', 'PL', 'Warsaw'],
      ['WAW1', 'Warsaw 1', 'PL', 'Warsaw'],
      ['BHS', 'Beauharnois', 'CA', 'Beauharnois'],
      ['BHS5', 'Beauharnois 5', 'CA', 'Beauharnois'],
      ['CA-EAST-TOR', 'Toronto', 'CA', 'Toronto'],
      ['SGP', 'Singapore', 'SG', 'Singapore'],
      ['SGP1', 'Singapore 1', 'SG', 'Singapore'],
      ['SYD', 'Sydney', 'AU', 'Sydney'],
      ['SYD1', 'Sydney 1', 'AU', 'Sydney'],
      ['AP-SOUTH-MUM', 'Mumbai', 'IN', 'Mumbai'],
    ]),
    ...locations(
      {
        ...d,
        sources: [doc, ovhUs],
        notes: [
          'OVHcloud’s U.S. business is run by a separate U.S. company that OVH describes as isolated from the rest of the group.',
        ],
      },
      [
        ['US-EAST-VA', 'Vint Hill, Virginia', 'US', 'Vint Hill'],
        ['US-EAST-VA-1', 'Vint Hill, Virginia 1', 'US', 'Vint Hill'],
        ['US-WEST-OR', 'Hillsboro, Oregon', 'US', 'Hillsboro'],
        ['US-WEST-OR-1', 'Hillsboro, Oregon 1', 'US', 'Hillsboro'],
      ],
    ),
  ],
};
