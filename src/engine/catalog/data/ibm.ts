import type { ProviderData, Source } from '../types';
import { locations, zonesOf } from './define';

// IBM Cloud multizone and single-zone regions and VPC zone names (`eu-de-1`), from IBM's
// "Locations for resource deployment" page.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://cloud.ibm.com/docs/overview?topic=overview-locations',
  title: 'IBM Cloud: Locations for resource deployment',
  asOf,
};

const regions = locations({ providerId: 'ibm', partition: 'ibm-cloud', sources: [doc], asOf }, [
  ['au-syd', 'Sydney', 'AU', 'Sydney'],
  ['br-sao', 'São Paulo', 'BR', 'São Paulo'],
  ['ca-mon', 'Montreal', 'CA', 'Montreal'],
  ['ca-tor', 'Toronto', 'CA', 'Toronto'],
  ['eu-de', 'Frankfurt', 'DE', 'Frankfurt'],
  ['eu-es', 'Madrid', 'ES', 'Madrid'],
  ['eu-fr2', 'Paris (EU Cloud for Financial Services)', 'FR', 'Paris'],
  ['eu-gb', 'London', 'GB', 'London'],
  ['in-che', 'Chennai', 'IN', 'Chennai'],
  ['jp-osa', 'Osaka', 'JP', 'Osaka'],
  ['jp-tok', 'Tokyo', 'JP', 'Tokyo'],
  ['us-east', 'Washington DC', 'US', 'Washington DC'],
  ['us-south', 'Dallas', 'US', 'Dallas'],
]);

const three = ['1', '2', '3'];
const mzr = [
  'au-syd',
  'br-sao',
  'ca-mon',
  'ca-tor',
  'eu-de',
  'eu-es',
  'eu-gb',
  'jp-osa',
  'jp-tok',
  'us-east',
  'us-south',
];

export const ibm: ProviderData = {
  provider: {
    id: 'ibm',
    displayName: 'IBM Cloud',
    operator: { name: 'International Business Machines Corporation', country: 'US' },
    ultimateParent: { name: 'International Business Machines Corporation', country: 'US' },
    control: 'us',
    terraformProviders: ['ibm'],
    resourcePrefixes: ['ibm_'],
    sources: [
      doc,
      {
        url: 'https://business-news-today.com/ibm-aws-and-microsoft-face-195bn-sovereign-cloud-rules-built-to-cut-them-out/',
        title: 'Business News Today: IBM, AWS and Microsoft and sovereign cloud rules',
        asOf,
      },
    ],
    asOf,
  },
  regions: [...regions, ...zonesOf(regions, Object.fromEntries(mzr.map((r) => [r, three])))],
};
