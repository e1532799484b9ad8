import type { ProviderData, Source } from '../types';
import { locations } from './define';

// Cloudflare R2 jurisdictions (`jurisdiction` on cloudflare_r2_bucket) and location hints
// (`location`), from the R2 data-location documentation. Most other Cloudflare resources run on
// its global network and have no region.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://developers.cloudflare.com/r2/reference/data-location/',
  title: 'Cloudflare R2: data location (jurisdictions and location hints)',
  asOf,
};
const d = { providerId: 'cloudflare', partition: 'cloudflare', sources: [doc], asOf, kind: 'multi-region' as const };
const eu = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU'];
const eu2 = ['MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];

export const cloudflare: ProviderData = {
  provider: {
    id: 'cloudflare',
    displayName: 'Cloudflare',
    operator: { name: 'Cloudflare, Inc.', country: 'US' },
    ultimateParent: { name: 'Cloudflare, Inc.', country: 'US' },
    control: 'us',
    terraformProviders: ['cloudflare'],
    resourcePrefixes: ['cloudflare_'],
    sources: [doc],
    asOf,
  },
  regions: [
    ...locations(d, [
      [
        'eu',
        'R2 EU jurisdiction',
        null,
        undefined,
        { countries: [...eu, ...eu2], jurisdiction: 'EU', notes: ['Objects are stored only in the European Union.'] },
      ],
      [
        'fedramp',
        'R2 FedRAMP jurisdiction',
        'US',
        undefined,
        {
          countries: ['US'],
          jurisdiction: 'US (FedRAMP)',
          notes: ['Objects are stored in FedRAMP-compliant U.S. data centres.'],
        },
      ],
      ['wnam', 'R2 location hint: Western North America', null, undefined, { countries: ['US', 'CA'] }],
      ['enam', 'R2 location hint: Eastern North America', null, undefined, { countries: ['US', 'CA'] }],
      ['weur', 'R2 location hint: Western Europe', null, undefined, { jurisdiction: 'Western Europe' }],
      ['eeur', 'R2 location hint: Eastern Europe', null, undefined, { jurisdiction: 'Eastern Europe' }],
      ['apac', 'R2 location hint: Asia-Pacific', null, undefined, { jurisdiction: 'Asia-Pacific' }],
      ['oc', 'R2 location hint: Oceania', null, undefined, { jurisdiction: 'Oceania' }],
    ]),
    ...locations({ ...d, kind: 'global' }, [
      ['default', 'R2 default jurisdiction (no restriction)', null],
      ['global', 'Cloudflare global network', null],
      ['auto', 'R2 automatic location', null],
    ]),
  ],
};
