import type { ProviderData, Source } from '../types';
import { locations, type Row } from './define';

// OVHcloud Public Cloud regions (OpenStack region names as the `ovh` Terraform provider takes
// them, e.g. `GRA7`, and the 3-AZ regions such as `EU-WEST-PAR`) from OVHcloud's regions page; the
// lower-case location codes (`eu-west-lim`) and Local Zones from the OVHcloud API's region enum.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://www.ovhcloud.com/en/public-cloud/regions-availability/',
  title: 'OVHcloud Public Cloud: regions availability',
  asOf,
};
const facts: Source = {
  url: 'https://ovhcloud.fr.digital-report.net/en/report/3010',
  title: 'OVH Groupe: Universal Registration Document, presentation of the group',
  asOf,
};
const notice: Source = {
  url: 'https://ch.zonebourse.com/cours/action/OVH-GROUPE-127472031/actualite/OVH-Groupe-Notice-of-meeting-French-only-42755269',
  title:
    'OVH Groupe: notice of meeting, BALO 9 January 2023 (société anonyme, registered office Roubaix, RCS Lille Métropole 537 407 926)',
  asOf,
};
const klaba: Source = {
  url: 'https://www.nextinpact.com/article/46355/la-decision-est-prise-ovhcloud-se-prepare-a-eventuelle-introduction-en-bourse',
  title:
    'Next INpact, March 2021: OVHcloud prepares a possible listing (quoting the company on the Klaba family remaining majority shareholders)',
  asOf,
};
const ovhUs: Source = {
  url: 'https://www.ovh.com/asia/a2294.how-ovh-will-balance-development-in-the-usa-while-preserving-its-european-identity',
  title: 'OVH: how OVH will balance development in the USA (OVH US isolated from the group)',
  asOf,
};
const ovh = { name: 'OVH Groupe SA (OVHcloud)', country: 'FR' };
/** Local Zones: one site each; Public Cloud names them `<CODE>-A` (e.g. `EU-WEST-LZ-BRU-A`). */
function localZones(rows: Array<[string, string, string]>): Row[] {
  return rows.map(([id, city, country]): Row => [id, `Local Zone ${city}`, country, city, { aliases: [`${id}-a`] }]);
}

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
    notes: [
      'OVH Groupe SA (brand OVHcloud): a société anonyme with its registered office in Roubaix, France, listed on Euronext Paris; before the listing the company said that Octave Klaba and his family would remain majority shareholders.',
    ],
    sources: [doc, facts, notice, klaba],
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
      ['EU-SOUTH-MIL-A', 'Milan zone A', 'IT', 'Milan', { kind: 'zone', parentRegion: 'EU-SOUTH-MIL' }],
      ['EU-SOUTH-MIL-B', 'Milan zone B', 'IT', 'Milan', { kind: 'zone', parentRegion: 'EU-SOUTH-MIL' }],
      ['EU-SOUTH-MIL-C', 'Milan zone C', 'IT', 'Milan', { kind: 'zone', parentRegion: 'EU-SOUTH-MIL' }],
      ['EU-WEST-RBX', 'Roubaix', 'FR', 'Roubaix'],
      ['DE', 'Limburg', 'DE', 'Limburg'],
      ['DE1', 'Limburg 1', 'DE', 'Limburg'],
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
      ['ap-southeast-sgp', 'Singapore', 'SG', 'Singapore'],
      ['ap-southeast-syd', 'Sydney', 'AU', 'Sydney'],
      ['ca-east-bhs', 'Beauharnois', 'CA', 'Beauharnois'],
      ['eu-central-waw', 'Warsaw', 'PL', 'Warsaw'],
      ['eu-west-eri', 'Erith (London)', 'GB', 'Erith'],
      ['eu-west-gra', 'Gravelines', 'FR', 'Gravelines'],
      ['eu-west-lim', 'Limburg', 'DE', 'Limburg'],
      ['eu-west-sbg', 'Strasbourg', 'FR', 'Strasbourg'],
      ['eu-west-gra-snc', 'Gravelines (SecNumCloud)', 'FR', 'Gravelines'],
      ['eu-west-rbx-snc', 'Roubaix (SecNumCloud)', 'FR', 'Roubaix'],
      ['eu-west-sbg-snc', 'Strasbourg (SecNumCloud)', 'FR', 'Strasbourg'],
      ...localZones([
        ['af-north-lz-rba', 'Rabat', 'MA'],
        ['eu-central-lz-buh', 'Bucharest', 'RO'],
        ['eu-central-lz-prg', 'Prague', 'CZ'],
        ['eu-central-lz-sof', 'Sofia', 'BG'],
        ['eu-north-lz-cph', 'Copenhagen', 'DK'],
        ['eu-north-lz-hel', 'Helsinki', 'FI'],
        ['eu-north-lz-osl', 'Oslo', 'NO'],
        ['eu-north-lz-sto', 'Stockholm', 'SE'],
        ['eu-south-lz-lis', 'Lisbon', 'PT'],
        ['eu-south-lz-mad', 'Madrid', 'ES'],
        ['eu-south-lz-mil', 'Milan', 'IT'],
        ['eu-west-lz-ams', 'Amsterdam', 'NL'],
        ['eu-west-lz-bru', 'Brussels', 'BE'],
        ['eu-west-lz-dln', 'Dublin', 'IE'],
        ['eu-west-lz-lux', 'Luxembourg', 'LU'],
        ['eu-west-lz-mnc', 'Manchester', 'GB'],
        ['eu-west-lz-mrs', 'Marseille', 'FR'],
        ['eu-west-lz-vie', 'Vienna', 'AT'],
        ['eu-west-lz-zrh', 'Zurich', 'CH'],
      ]),
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
        ['us-east-vin', 'Vint Hill, Virginia', 'US', 'Vint Hill'],
        ['us-west-hil', 'Hillsboro, Oregon', 'US', 'Hillsboro'],
        ...localZones([
          ['us-central-lz-slc', 'Salt Lake City', 'US'],
          ['us-central-lz-stl', 'St. Louis', 'US'],
          ['us-east-lz-atl', 'Atlanta', 'US'],
          ['us-east-lz-bos', 'Boston', 'US'],
          ['us-east-lz-chi', 'Chicago', 'US'],
          ['us-east-lz-dal', 'Dallas', 'US'],
          ['us-east-lz-mia', 'Miami', 'US'],
          ['us-east-lz-nyc', 'New York', 'US'],
          ['us-west-lz-den', 'Denver', 'US'],
          ['us-west-lz-lax', 'Los Angeles', 'US'],
          ['us-west-lz-pao', 'Palo Alto', 'US'],
          ['us-west-lz-phx', 'Phoenix', 'US'],
          ['us-west-lz-sea', 'Seattle', 'US'],
        ]),
      ],
    ),
  ],
};
