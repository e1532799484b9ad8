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

const sdk: Source = {
  url: 'https://github.com/scaleway/scaleway-sdk-go/blob/master/scw/locality.go',
  title: 'Scaleway Go SDK: the legacy zone names par1 and ams1 parse as fr-par-1 and nl-ams-1',
  asOf: '2026-12-03',
};
/** Zone names older configurations still use. */
const LEGACY: Record<string, string> = { 'fr-par-1': 'par1', 'nl-ams-1': 'ams1' };

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
    ...zonesOf(regions, { 'fr-par': ['1', '2', '3'], 'nl-ams': ['1', '2', '3'], 'pl-waw': ['1', '2', '3'] }).map((z) =>
      LEGACY[z.id] ? { ...z, aliases: [...(z.aliases ?? []), LEGACY[z.id]], sources: [...z.sources, sdk] } : z,
    ),
  ],
};
