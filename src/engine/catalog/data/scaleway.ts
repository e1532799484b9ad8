import type { ProviderData, Source } from '../types';
import { locations, zonesOf } from './define';

// Scaleway regions and availability zones from its "Regions and zones" documentation.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://www.scaleway.com/en/docs/console/account/reference-content/products-availability/',
  title: 'Scaleway: products availability by region and zone',
  asOf,
};
const facts: Source = {
  url: 'https://csf.hop3.abilian.com/providers/scaleway.html',
  title: 'Provider card: Scaleway SAS (ownership)',
  asOf,
};

const regions = locations({ providerId: 'scaleway', partition: 'scaleway', sources: [doc], asOf }, [
  ['fr-par', 'Paris', 'FR', 'Paris'],
  ['nl-ams', 'Amsterdam', 'NL', 'Amsterdam'],
  ['pl-waw', 'Warsaw', 'PL', 'Warsaw'],
]);

export const scaleway: ProviderData = {
  provider: {
    id: 'scaleway',
    displayName: 'Scaleway',
    operator: { name: 'Scaleway SAS', country: 'FR' },
    ultimateParent: { name: 'Iliad Group', country: 'FR' },
    control: 'non-us',
    terraformProviders: ['scaleway'],
    resourcePrefixes: ['scaleway_'],
    sources: [doc, facts],
    asOf,
  },
  regions: [
    ...regions,
    ...zonesOf(regions, { 'fr-par': ['1', '2', '3'], 'nl-ams': ['1', '2', '3'], 'pl-waw': ['1', '2', '3'] }),
  ],
};
