import type { ProviderData, Source } from '../types';
import { locations } from './define';

// DigitalOcean datacenter slugs from its "Regional availability" page.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://docs.digitalocean.com/platform/regional-availability/',
  title: 'DigitalOcean: Regional availability',
  asOf,
};

export const digitalocean: ProviderData = {
  provider: {
    id: 'digitalocean',
    displayName: 'DigitalOcean',
    operator: { name: 'DigitalOcean, LLC', country: 'US' },
    ultimateParent: { name: 'DigitalOcean Holdings, Inc.', country: 'US' },
    control: 'us',
    terraformProviders: ['digitalocean'],
    resourcePrefixes: ['digitalocean_'],
    sources: [doc],
    asOf,
  },
  regions: locations({ providerId: 'digitalocean', partition: 'digitalocean', sources: [doc], asOf }, [
    ['ams2', 'Amsterdam 2', 'NL', 'Amsterdam'],
    ['ams3', 'Amsterdam 3', 'NL', 'Amsterdam'],
    ['atl1', 'Atlanta 1', 'US', 'Atlanta'],
    ['blr1', 'Bangalore 1', 'IN', 'Bangalore'],
    ['fra1', 'Frankfurt 1', 'DE', 'Frankfurt'],
    ['lon1', 'London 1', 'GB', 'London'],
    ['nyc1', 'New York 1', 'US', 'New York'],
    ['nyc2', 'New York 2', 'US', 'New York'],
    ['nyc3', 'New York 3', 'US', 'New York'],
    ['sfo1', 'San Francisco 1', 'US', 'San Francisco'],
    ['sfo2', 'San Francisco 2', 'US', 'San Francisco'],
    ['sfo3', 'San Francisco 3', 'US', 'San Francisco'],
    ['sgp1', 'Singapore 1', 'SG', 'Singapore'],
    ['syd1', 'Sydney 1', 'AU', 'Sydney'],
    ['tor1', 'Toronto 1', 'CA', 'Toronto'],
  ]),
};
