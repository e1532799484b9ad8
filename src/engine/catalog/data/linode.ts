import type { ProviderData, Source } from '../types';
import { locations } from './define';

// Akamai Cloud (Linode) region ids from the Linode API's regions list and Akamai's
// "Choosing a data center" guide.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://techdocs.akamai.com/cloud-computing/docs/how-to-choose-a-data-center',
  title: 'Akamai Cloud: choosing a data center (region ids)',
  asOf,
};

export const linode: ProviderData = {
  provider: {
    id: 'linode',
    displayName: 'Akamai Cloud (Linode)',
    operator: { name: 'Linode LLC', country: 'US' },
    ultimateParent: { name: 'Akamai Technologies, Inc.', country: 'US' },
    control: 'us',
    terraformProviders: ['linode'],
    resourcePrefixes: ['linode_'],
    sources: [doc],
    asOf,
  },
  regions: locations({ providerId: 'linode', partition: 'linode', sources: [doc], asOf }, [
    ['ap-northeast', 'Tokyo 2, JP', 'JP', 'Tokyo'],
    ['ap-south', 'Singapore, SG', 'SG', 'Singapore'],
    ['ap-southeast', 'Sydney, AU', 'AU', 'Sydney'],
    ['ap-west', 'Mumbai, IN', 'IN', 'Mumbai'],
    ['au-mel', 'Melbourne, AU', 'AU', 'Melbourne'],
    ['br-gru', 'São Paulo, BR', 'BR', 'São Paulo'],
    ['ca-central', 'Toronto, CA', 'CA', 'Toronto'],
    ['de-fra-2', 'Frankfurt 2, DE', 'DE', 'Frankfurt'],
    ['es-mad', 'Madrid, ES', 'ES', 'Madrid'],
    ['eu-central', 'Frankfurt, DE', 'DE', 'Frankfurt'],
    ['eu-west', 'London, UK', 'GB', 'London'],
    ['fr-par', 'Paris, FR', 'FR', 'Paris'],
    ['gb-lon', 'London 2, UK', 'GB', 'London'],
    ['id-cgk', 'Jakarta, ID', 'ID', 'Jakarta'],
    ['in-bom-2', 'Mumbai 2, IN', 'IN', 'Mumbai'],
    ['in-maa', 'Chennai, IN', 'IN', 'Chennai'],
    ['it-mil', 'Milan, IT', 'IT', 'Milan'],
    ['jp-osa', 'Osaka, JP', 'JP', 'Osaka'],
    ['jp-tyo-3', 'Tokyo 3, JP', 'JP', 'Tokyo'],
    ['nl-ams', 'Amsterdam, NL', 'NL', 'Amsterdam'],
    ['se-sto', 'Stockholm, SE', 'SE', 'Stockholm'],
    ['sg-sin-2', 'Singapore 2, SG', 'SG', 'Singapore'],
    ['us-central', 'Dallas, TX', 'US', 'Dallas'],
    ['us-east', 'Newark, NJ', 'US', 'Newark'],
    ['us-iad', 'Washington, DC', 'US', 'Washington DC'],
    ['us-lax', 'Los Angeles, CA', 'US', 'Los Angeles'],
    ['us-mia', 'Miami, FL', 'US', 'Miami'],
    ['us-ord', 'Chicago, IL', 'US', 'Chicago'],
    ['us-sea', 'Seattle, WA', 'US', 'Seattle'],
    ['us-southeast', 'Atlanta, GA', 'US', 'Atlanta'],
    ['us-west', 'Fremont, CA', 'US', 'Fremont'],
  ]),
};
