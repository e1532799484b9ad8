import type { ProviderData } from '../types';

// Minimal seed; the catalog work (issue 3) completes it from the AWS SDK partition data.
const sdk = {
  url: 'https://github.com/aws/aws-sdk-js-v3/blob/main/packages/util-endpoints/src/lib/aws/partitions.json',
  title: 'AWS SDK partitions.json',
  asOf: '2026-11-26',
};

export const aws: ProviderData = {
  provider: {
    id: 'aws',
    displayName: 'Amazon Web Services',
    operator: { name: 'Amazon Web Services, Inc.', country: 'US' },
    ultimateParent: { name: 'Amazon.com, Inc.', country: 'US' },
    control: 'us',
    terraformProviders: ['aws'],
    resourcePrefixes: ['aws_'],
    sources: [sdk],
    asOf: '2026-11-26',
  },
  regions: [
    {
      providerId: 'aws',
      id: 'eu-central-1',
      name: 'Europe (Frankfurt)',
      kind: 'region',
      country: 'DE',
      city: 'Frankfurt',
      partition: 'aws',
      sources: [sdk],
      asOf: '2026-11-26',
    },
    {
      providerId: 'aws',
      id: 'eu-west-1',
      name: 'Europe (Ireland)',
      kind: 'region',
      country: 'IE',
      city: 'Dublin',
      partition: 'aws',
      sources: [sdk],
      asOf: '2026-11-26',
    },
    {
      providerId: 'aws',
      id: 'us-east-1',
      name: 'US East (N. Virginia)',
      kind: 'region',
      country: 'US',
      partition: 'aws',
      sources: [sdk],
      asOf: '2026-11-26',
    },
  ],
};
