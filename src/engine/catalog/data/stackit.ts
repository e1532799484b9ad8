import type { ProviderData, Source } from '../types';
import { locations } from './define';

// STACKIT regions as the `stackit` Terraform provider takes them (`eu01`, `eu02`) and the zones
// its APIs report (`eu01-1`, `eu01-m`).
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://docs.stackit.cloud/stackit/en/regions-and-availability-zones',
  title: 'STACKIT: regions and availability zones',
  asOf,
};
const facts: Source = {
  url: 'https://csf.hop3.abilian.com/providers/stackit.html',
  title: 'Provider card: STACKIT GmbH & Co. KG (ownership)',
  asOf,
};
const d = { providerId: 'stackit', partition: 'stackit', sources: [doc], asOf };
const zone = (parent: string) => ({ kind: 'zone' as const, parentRegion: parent });

export const stackit: ProviderData = {
  provider: {
    id: 'stackit',
    displayName: 'STACKIT',
    operator: { name: 'STACKIT GmbH & Co. KG', country: 'DE' },
    ultimateParent: { name: 'Schwarz Group', country: 'DE' },
    control: 'non-us',
    terraformProviders: ['stackit'],
    resourcePrefixes: ['stackit_'],
    notes: ['Part of Schwarz Group / Schwarz Digits, Neckarsulm, Germany; privately held.'],
    sources: [doc, facts],
    asOf,
  },
  regions: locations(d, [
    ['eu01', 'Germany South', 'DE'],
    ['eu01-1', 'Germany South, zone 1', 'DE', undefined, zone('eu01')],
    ['eu01-2', 'Germany South, zone 2', 'DE', undefined, zone('eu01')],
    ['eu01-3', 'Germany South, zone 3', 'DE', undefined, zone('eu01')],
    ['eu01-m', 'Germany South, metro zone', 'DE', undefined, zone('eu01')],
    ['eu02', 'Austria West', 'AT'],
    ['eu02-1', 'Austria West, zone 1', 'AT', undefined, zone('eu02')],
    ['eu02-2', 'Austria West, zone 2', 'AT', undefined, zone('eu02')],
    ['eu02-3', 'Austria West, zone 3', 'AT', undefined, zone('eu02')],
    ['eu02-m', 'Austria West, metro zone', 'AT', undefined, zone('eu02')],
  ]),
};
