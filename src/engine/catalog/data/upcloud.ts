import type { ProviderData, Source } from '../types';
import { locations } from './define';

// UpCloud zones from its API's zone list (each zone is one data centre).
const asOf = '2026-11-26';
const doc: Source = { url: 'https://upcloud.com/data-centres', title: 'UpCloud: data centres and zones', asOf };
const facts: Source = {
  url: 'https://csf.hop3.abilian.com/providers/upcloud.html',
  title: 'Provider card: UpCloud Oy (ownership, non-EU subsidiaries)',
  asOf,
};
const us = {
  notes: ['UpCloud’s non-EU data centres are run by separate subsidiaries; this one by UpCloud USA Inc.'],
  operator: { name: 'UpCloud USA Inc.', country: 'US' },
};

export const upcloud: ProviderData = {
  provider: {
    id: 'upcloud',
    displayName: 'UpCloud',
    operator: { name: 'UpCloud Oy', country: 'FI' },
    ultimateParent: { name: 'UpCloud Oy', country: 'FI' },
    control: 'non-us',
    terraformProviders: ['upcloud'],
    resourcePrefixes: ['upcloud_'],
    sources: [doc, facts],
    asOf,
  },
  regions: locations({ providerId: 'upcloud', partition: 'upcloud', sources: [doc], asOf }, [
    ['au-syd1', 'Sydney', 'AU', 'Sydney'],
    ['de-fra1', 'Frankfurt', 'DE', 'Frankfurt'],
    ['dk-cph1', 'Copenhagen', 'DK', 'Copenhagen'],
    ['es-mad1', 'Madrid', 'ES', 'Madrid'],
    ['fi-hel1', 'Helsinki 1', 'FI', 'Helsinki'],
    ['fi-hel2', 'Helsinki 2', 'FI', 'Helsinki'],
    ['nl-ams1', 'Amsterdam', 'NL', 'Amsterdam'],
    ['no-svg1', 'Stavanger', 'NO', 'Stavanger'],
    ['pl-waw1', 'Warsaw', 'PL', 'Warsaw'],
    ['se-sto1', 'Stockholm', 'SE', 'Stockholm'],
    ['sg-sin1', 'Singapore', 'SG', 'Singapore'],
    ['uk-lon1', 'London', 'GB', 'London'],
    ['us-chi1', 'Chicago', 'US', 'Chicago', us],
    ['us-nyc1', 'New York', 'US', 'New York', us],
    ['us-sjo1', 'San Jose', 'US', 'San Jose', us],
  ]),
};
