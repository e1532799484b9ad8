import { licensedOperatorNote, sovereignSubsidiaryNote } from '../../legal';
import type { ProviderData, Source } from '../types';
import { type LocationDefaults, locations } from './define';

// Region ids and descriptions come from the AWS SDK's partition data (the same data the SDK uses
// to build endpoints); countries and cities are read from those descriptions. The catalog check
// test compares this file with the installed SDK so that a new region fails a test.
const asOf = '2026-11-26';
const sdk: Source = {
  url: 'https://github.com/aws/aws-sdk-js-v3/blob/main/packages/core/src/submodules/client/util-endpoints/lib/aws/partitions.json',
  title: 'AWS SDK for JavaScript v3 partitions data (@aws-sdk/core 3.981.1)',
  asOf,
};
const regionsDoc: Source = {
  url: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html',
  title: 'AWS Regions and Availability Zones (AWS documentation)',
  asOf,
};
const chinaDoc: Source = {
  url: 'https://aws.amazon.com/blogs/enterprise-strategy/getting-started-with-aws-services-in-aws-china-beijing-region-and-aws-china-ningxia-region/',
  title: 'AWS: getting started with the AWS China (Beijing) and (Ningxia) Regions',
  asOf,
};
const escLaunch: Source = {
  url: 'https://www.golem.de/news/amazon-aws-will-in-potsdam-als-souveraen-gelten-2601-204234.html',
  title:
    'Golem.de, 15 January 2026: the first region of the AWS European Sovereign Cloud is in Brandenburg; the operating company has its seat in Potsdam',
  asOf: '2026-12-03',
};
const escDoc: Source = {
  url: 'https://docs.aws.amazon.com/whitepapers/latest/overview-aws-european-sovereign-cloud/design-approach.html',
  title: 'Overview of the AWS European Sovereign Cloud: design approach (AWS whitepaper)',
  asOf,
};

const amazon = { name: 'Amazon.com, Inc.', country: 'US' };
const base = { providerId: 'aws', sources: [sdk, regionsDoc], asOf };
const d = (partition: string, extra: Partial<LocationDefaults> = {}): LocationDefaults => ({
  ...base,
  partition,
  ...extra,
});

const commercial = locations(d('aws'), [
  ['af-south-1', 'Africa (Cape Town)', 'ZA', 'Cape Town'],
  ['ap-east-1', 'Asia Pacific (Hong Kong)', 'HK', 'Hong Kong'],
  ['ap-east-2', 'Asia Pacific (Taipei)', 'TW', 'Taipei'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)', 'JP', 'Tokyo'],
  ['ap-northeast-2', 'Asia Pacific (Seoul)', 'KR', 'Seoul'],
  ['ap-northeast-3', 'Asia Pacific (Osaka)', 'JP', 'Osaka'],
  ['ap-south-1', 'Asia Pacific (Mumbai)', 'IN', 'Mumbai'],
  ['ap-south-2', 'Asia Pacific (Hyderabad)', 'IN', 'Hyderabad'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)', 'SG', 'Singapore'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)', 'AU', 'Sydney'],
  ['ap-southeast-3', 'Asia Pacific (Jakarta)', 'ID', 'Jakarta'],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)', 'AU', 'Melbourne'],
  ['ap-southeast-5', 'Asia Pacific (Malaysia)', 'MY'],
  ['ap-southeast-6', 'Asia Pacific (New Zealand)', 'NZ'],
  ['ap-southeast-7', 'Asia Pacific (Thailand)', 'TH'],
  ['ca-central-1', 'Canada (Central)', 'CA'],
  ['ca-west-1', 'Canada West (Calgary)', 'CA', 'Calgary'],
  ['eu-central-1', 'Europe (Frankfurt)', 'DE', 'Frankfurt'],
  ['eu-central-2', 'Europe (Zurich)', 'CH', 'Zurich'],
  ['eu-north-1', 'Europe (Stockholm)', 'SE', 'Stockholm'],
  ['eu-south-1', 'Europe (Milan)', 'IT', 'Milan'],
  ['eu-south-2', 'Europe (Spain)', 'ES'],
  ['eu-west-1', 'Europe (Ireland)', 'IE'],
  ['eu-west-2', 'Europe (London)', 'GB', 'London'],
  ['eu-west-3', 'Europe (Paris)', 'FR', 'Paris'],
  ['il-central-1', 'Israel (Tel Aviv)', 'IL', 'Tel Aviv'],
  ['me-central-1', 'Middle East (UAE)', 'AE'],
  ['me-south-1', 'Middle East (Bahrain)', 'BH'],
  ['me-west-1', 'Middle East (Saudi Arabia)', 'SA'],
  ['mx-central-1', 'Mexico (Central)', 'MX'],
  ['sa-east-1', 'South America (Sao Paulo)', 'BR', 'São Paulo'],
  ['sa-west-1', 'South America (Chile)', 'CL'],
  ['us-east-1', 'US East (N. Virginia)', 'US', 'Northern Virginia'],
  ['us-east-2', 'US East (Ohio)', 'US', 'Ohio'],
  ['us-west-1', 'US West (N. California)', 'US', 'Northern California'],
  ['us-west-2', 'US West (Oregon)', 'US', 'Oregon'],
]);

/** The SDK's per-partition pseudo-regions for global endpoints (IAM, Route 53, CloudFront). */
const globals = locations(d('aws', { kind: 'global' }), [
  ['aws-global', 'AWS global endpoints (aws partition)', null],
  ['aws-cn-global', 'AWS global endpoints (aws-cn partition)', null, undefined, { partition: 'aws-cn' }],
  ['aws-us-gov-global', 'AWS global endpoints (aws-us-gov partition)', null, undefined, { partition: 'aws-us-gov' }],
  ['aws-iso-global', 'AWS global endpoints (aws-iso partition)', null, undefined, { partition: 'aws-iso' }],
  ['aws-iso-b-global', 'AWS global endpoints (aws-iso-b partition)', null, undefined, { partition: 'aws-iso-b' }],
  ['aws-iso-e-global', 'AWS global endpoints (aws-iso-e partition)', null, undefined, { partition: 'aws-iso-e' }],
  ['aws-iso-f-global', 'AWS global endpoints (aws-iso-f partition)', null, undefined, { partition: 'aws-iso-f' }],
]);

const sinnet = { name: 'Beijing Sinnet Technology Co., Ltd.', country: 'CN' };
const nwcd = { name: 'Ningxia Western Cloud Data Technology Co., Ltd.', country: 'CN' };
const china = [
  ...locations(
    d('aws-cn', {
      operator: sinnet,
      ultimateParent: sinnet,
      control: 'licensed-us-technology',
      sources: [sdk, chinaDoc],
      notes: ['AWS China (Beijing) is operated by Sinnet; customers contract with Sinnet.', licensedOperatorNote()],
    }),
    [['cn-north-1', 'China (Beijing)', 'CN', 'Beijing']],
  ),
  ...locations(
    d('aws-cn', {
      operator: nwcd,
      ultimateParent: nwcd,
      control: 'licensed-us-technology',
      sources: [sdk, chinaDoc],
      notes: ['AWS China (Ningxia) is operated by NWCD; customers contract with NWCD.', licensedOperatorNote()],
    }),
    [['cn-northwest-1', 'China (Ningxia)', 'CN', 'Ningxia']],
  ),
];

const esc = locations(
  d('aws-eusc', {
    operator: { name: 'AWS European Sovereign Cloud GmbH', country: 'DE' },
    ultimateParent: amazon,
    control: 'us',
    sources: [sdk, escDoc, escLaunch],
    notes: [
      'AWS European Sovereign Cloud: a separate partition (aws-eusc, amazonaws.eu), physically and logically separate from other AWS regions, run by companies incorporated in Germany that are owned by Amazon.com, Inc.',
      'Its data centres are in the German state of Brandenburg; AWS names no city for the region (the operating company has its seat in Potsdam).',
      sovereignSubsidiaryNote(),
    ],
  }),
  [['eusc-de-east-1', 'AWS European Sovereign Cloud (Germany)', 'DE']],
);

const govIso = [
  ...locations(d('aws-us-gov'), [
    ['us-gov-east-1', 'AWS GovCloud (US-East)', 'US'],
    ['us-gov-west-1', 'AWS GovCloud (US-West)', 'US'],
  ]),
  ...locations(d('aws-iso'), [
    ['us-iso-east-1', 'US ISO East', 'US'],
    ['us-iso-west-1', 'US ISO West', 'US'],
  ]),
  ...locations(d('aws-iso-b'), [
    ['us-isob-east-1', 'US ISOB East (Ohio)', 'US', 'Ohio'],
    ['us-isob-west-1', 'US ISOB West', 'US'],
  ]),
  ...locations(d('aws-iso-f'), [
    ['us-isof-east-1', 'US ISOF East', 'US'],
    ['us-isof-south-1', 'US ISOF South', 'US'],
  ]),
  ...locations(
    d('aws-iso-e', {
      notes: [
        'Country inferred from the partition’s DNS suffix (cloud.adc-e.uk) in the AWS SDK data; AWS does not publish the location.',
      ],
    }),
    [['eu-isoe-west-1', 'EU ISOE West', 'GB']],
  ),
];

export const aws: ProviderData = {
  provider: {
    id: 'aws',
    displayName: 'Amazon Web Services',
    operator: { name: 'Amazon Web Services, Inc.', country: 'US' },
    ultimateParent: amazon,
    control: 'us',
    terraformProviders: ['aws', 'awscc'],
    resourcePrefixes: ['aws_', 'awscc_'],
    zoneLetters: 'abcdef',
    notes: [
      'Since July 2018 customers in Europe, the Middle East and Africa contract with a European-based AWS contracting party; the service provider remains a subsidiary of Amazon.com, Inc.',
    ],
    sources: [
      sdk,
      { url: 'https://aws.amazon.com/legal/aws-contracting-party/', title: 'AWS Contracting Party', asOf },
    ],
    asOf,
  },
  regions: [...commercial, ...china, ...esc, ...govIso, ...globals],
};
