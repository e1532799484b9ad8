import type { ProviderData, Source } from '../types';
import { locations } from './define';

// Vultr region ids (airport-style codes) from the Vultr API's /v2/regions list.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://www.vultr.com/api/#tag/region/operation/list-regions',
  title: 'Vultr API: list regions',
  asOf,
};

export const vultr: ProviderData = {
  provider: {
    id: 'vultr',
    displayName: 'Vultr',
    operator: { name: 'The Constant Company, LLC (Vultr)', country: 'US' },
    ultimateParent: { name: 'The Constant Company, LLC', country: 'US' },
    control: 'us',
    terraformProviders: ['vultr'],
    resourcePrefixes: ['vultr_'],
    sources: [doc],
    asOf,
  },
  regions: locations({ providerId: 'vultr', partition: 'vultr', sources: [doc], asOf }, [
    ['ams', 'Amsterdam', 'NL', 'Amsterdam'],
    ['atl', 'Atlanta', 'US', 'Atlanta'],
    ['blr', 'Bangalore', 'IN', 'Bangalore'],
    ['bom', 'Mumbai', 'IN', 'Mumbai'],
    ['cdg', 'Paris', 'FR', 'Paris'],
    ['del', 'Delhi NCR', 'IN', 'Delhi'],
    ['dfw', 'Dallas', 'US', 'Dallas'],
    ['ewr', 'New Jersey', 'US', 'Piscataway'],
    ['fra', 'Frankfurt', 'DE', 'Frankfurt'],
    ['hnl', 'Honolulu', 'US', 'Honolulu'],
    ['icn', 'Seoul', 'KR', 'Seoul'],
    ['itm', 'Osaka', 'JP', 'Osaka'],
    ['jnb', 'Johannesburg', 'ZA', 'Johannesburg'],
    ['lax', 'Los Angeles', 'US', 'Los Angeles'],
    ['lhr', 'London', 'GB', 'London'],
    ['mad', 'Madrid', 'ES', 'Madrid'],
    ['man', 'Manchester', 'GB', 'Manchester'],
    ['mel', 'Melbourne', 'AU', 'Melbourne'],
    ['mex', 'Mexico City', 'MX', 'Mexico City'],
    ['mia', 'Miami', 'US', 'Miami'],
    ['mxp', 'Milan', 'IT', 'Milan'],
    ['nrt', 'Tokyo', 'JP', 'Tokyo'],
    ['ord', 'Chicago', 'US', 'Chicago'],
    ['sao', 'São Paulo', 'BR', 'São Paulo'],
    ['scl', 'Santiago', 'CL', 'Santiago'],
    ['sea', 'Seattle', 'US', 'Seattle'],
    ['sgp', 'Singapore', 'SG', 'Singapore'],
    ['sjc', 'Silicon Valley', 'US', 'San Jose'],
    ['sto', 'Stockholm', 'SE', 'Stockholm'],
    ['syd', 'Sydney', 'AU', 'Sydney'],
    ['tlv', 'Tel Aviv', 'IL', 'Tel Aviv'],
    ['waw', 'Warsaw', 'PL', 'Warsaw'],
    ['yto', 'Toronto', 'CA', 'Toronto'],
  ]),
};
