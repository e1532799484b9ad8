import type { ProviderData, Source } from '../types';
import { locations } from './define';

// Exoscale zones from its "Zones" documentation (Exoscale calls its locations zones; each is one site).
const asOf = '2026-11-26';
const doc: Source = { url: 'https://www.exoscale.com/datacenters/', title: 'Exoscale: zones and datacenters', asOf };
const facts: Source = {
  url: 'https://csf.hop3.abilian.com/providers/exoscale.html',
  title: 'Provider card: Exoscale / Akenes SA (ownership)',
  asOf,
};

export const exoscale: ProviderData = {
  provider: {
    id: 'exoscale',
    displayName: 'Exoscale',
    operator: { name: 'Akenes SA (Exoscale)', country: 'CH' },
    ultimateParent: { name: 'América Movil, S.A.B. de C.V.', country: 'MX' },
    control: 'non-us',
    terraformProviders: ['exoscale'],
    resourcePrefixes: ['exoscale_'],
    notes: [
      'Exoscale is Swiss and owned by A1 Digital (Austria); Telekom Austria, A1’s parent, is majority-controlled by América Movil (Mexico).',
    ],
    sources: [doc, facts],
    asOf,
  },
  regions: locations({ providerId: 'exoscale', partition: 'exoscale', sources: [doc], asOf }, [
    ['at-vie-1', 'Vienna 1', 'AT', 'Vienna'],
    ['at-vie-2', 'Vienna 2', 'AT', 'Vienna'],
    ['bg-sof-1', 'Sofia', 'BG', 'Sofia'],
    ['ch-dk-2', 'Zurich', 'CH', 'Zurich'],
    ['ch-gva-2', 'Geneva', 'CH', 'Geneva'],
    ['de-fra-1', 'Frankfurt', 'DE', 'Frankfurt'],
    ['de-muc-1', 'Munich', 'DE', 'Munich'],
    ['hr-zag-1', 'Zagreb', 'HR', 'Zagreb'],
  ]),
};
