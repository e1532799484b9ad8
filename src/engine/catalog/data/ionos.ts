import type { ProviderData, Source } from '../types';
import { locations } from './define';

// IONOS Cloud data-center locations as the `ionoscloud` Terraform provider takes them (`de/fra`).
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://docs.ionos.com/cloud/getting-started/basic-tutorials/data-center-basics',
  title: 'IONOS Cloud: data center locations',
  asOf,
};
const facts: Source = {
  url: 'https://csf.hop3.abilian.com/providers/ionos.html',
  title: 'Provider card: IONOS Group SE (ownership)',
  asOf,
};
const usNote = { notes: ['U.S. location of a German provider; the U.S. operating entity is not in our sources.'] };

export const ionos: ProviderData = {
  provider: {
    id: 'ionos',
    displayName: 'IONOS Cloud',
    operator: { name: 'IONOS SE', country: 'DE' },
    ultimateParent: { name: 'United Internet AG', country: 'DE' },
    control: 'non-us',
    terraformProviders: ['ionoscloud'],
    resourcePrefixes: ['ionoscloud_'],
    notes: ['IONOS Group SE, Montabaur, Germany; majority-owned by United Internet AG.'],
    sources: [doc, facts],
    asOf,
  },
  regions: locations({ providerId: 'ionos', partition: 'ionoscloud', sources: [doc], asOf }, [
    ['de/fra', 'Germany, Frankfurt', 'DE', 'Frankfurt'],
    ['de/fra/2', 'Germany, Frankfurt 2', 'DE', 'Frankfurt'],
    ['de/fkb', 'Germany, Karlsruhe', 'DE', 'Karlsruhe'],
    ['de/txl', 'Germany, Berlin', 'DE', 'Berlin'],
    ['es/vit', 'Spain, Logroño', 'ES', 'Logroño'],
    ['fr/par', 'France, Paris', 'FR', 'Paris'],
    ['gb/lhr', 'United Kingdom, London', 'GB', 'London'],
    ['gb/bhx', 'United Kingdom, Worcester', 'GB', 'Worcester'],
    ['us/ewr', 'United States, Newark', 'US', 'Newark', usNote],
    ['us/las', 'United States, Las Vegas', 'US', 'Las Vegas', usNote],
    ['us/mci', 'United States, Lenexa', 'US', 'Lenexa', usNote],
  ]),
};
