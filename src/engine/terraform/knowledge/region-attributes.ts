import { lookupRegion } from '../../catalog';
import { own } from '../../own';

/**
 * Where each Terraform provider takes a resource's location from. `resource` arguments win over the
 * provider configuration's `provider` arguments (AWS provider v6 `region`, Google `region`/`zone`,
 * Scaleway `region`/`zone`); providers without a default (azurerm, hcloud, DigitalOcean, ...) only
 * have resource arguments. `unset` explains what happens when nothing is written, for CAL002.
 * Sources: each provider's registry documentation (provider configuration and resource arguments).
 */
export interface RegionSpec {
  resource: string[];
  provider: string[];
  unset: string;
  /**
   * Environment variables the provider reads its region from when its configuration sets none, first
   * one set wins (used only with `--env`). Sources: the AWS provider's documentation (`region`: AWS_REGION,
   * then AWS_DEFAULT_REGION) and the Google provider's schema (`region`: GOOGLE_REGION, GCLOUD_REGION,
   * CLOUDSDK_COMPUTE_REGION), read 2026-11-26.
   */
  env?: string[];
}

const SPECS: Record<string, RegionSpec> = {
  aws: {
    resource: ['region'],
    provider: ['region'],
    unset: 'the aws provider sets no region: it comes from AWS_REGION, AWS_DEFAULT_REGION or a profile at run time',
    env: ['AWS_REGION', 'AWS_DEFAULT_REGION'],
  },
  azurerm: {
    resource: ['location'],
    provider: [],
    unset: 'the resource sets no location (azurerm has no provider default)',
  },
  azapi: {
    resource: ['location'],
    provider: ['default_location'],
    unset: 'the resource sets no location and the azapi provider has no default_location',
  },
  google: {
    resource: ['region', 'location', 'zone'],
    provider: ['region', 'zone'],
    unset:
      'neither the resource nor the google provider sets a region: it comes from GOOGLE_REGION or gcloud at run time',
    env: ['GOOGLE_REGION', 'GCLOUD_REGION', 'CLOUDSDK_COMPUTE_REGION'],
  },
  oci: {
    resource: [],
    provider: ['region'],
    unset: 'the oci provider sets no region: it comes from the OCI config file or OCI_REGION at run time',
  },
  alicloud: {
    resource: [],
    provider: ['region'],
    unset: 'the alicloud provider sets no region: it comes from ALICLOUD_REGION or a profile at run time',
  },
  ibm: {
    resource: ['region', 'location', 'region_location', 'single_site_location', 'cross_region_location'],
    provider: ['region'],
    unset: 'the ibm provider sets no region: it comes from IC_REGION at run time (default us-south)',
  },
  hcloud: {
    resource: ['location', 'datacenter', 'network_zone'],
    provider: [],
    unset: 'the resource sets no location or datacenter (Hetzner chooses one, or it follows an attached server)',
  },
  scaleway: {
    resource: ['region', 'zone'],
    provider: ['region', 'zone'],
    unset:
      'the scaleway provider sets no region or zone: it comes from SCW_DEFAULT_REGION or the config file at run time',
  },
  digitalocean: { resource: ['region'], provider: [], unset: 'the resource sets no region' },
  linode: { resource: ['region'], provider: [], unset: 'the resource sets no region' },
  vultr: { resource: ['region'], provider: [], unset: 'the resource sets no region' },
  ovh: { resource: ['region', 'region_name'], provider: [], unset: 'the resource sets no region' },
  exoscale: { resource: ['zone'], provider: [], unset: 'the resource sets no zone' },
  upcloud: { resource: ['zone'], provider: [], unset: 'the resource sets no zone' },
  ionoscloud: { resource: ['location'], provider: [], unset: 'the resource sets no location' },
  stackit: { resource: ['region'], provider: ['default_region'], unset: 'the stackit provider sets no default_region' },
  openstack: {
    resource: ['region'],
    provider: ['region'],
    unset: 'the openstack provider sets no region: it comes from OS_REGION_NAME or clouds.yaml at run time',
  },
  tencentcloud: {
    resource: [],
    provider: ['region'],
    unset: 'the tencentcloud provider sets no region: it comes from TENCENTCLOUD_REGION at run time',
  },
  huaweicloud: {
    resource: ['region'],
    provider: ['region'],
    unset: 'the huaweicloud provider sets no region: it comes from HW_REGION_NAME at run time',
  },
  cloudflare: {
    resource: ['jurisdiction', 'location'],
    provider: [],
    unset: 'the R2 bucket sets no jurisdiction or location hint: Cloudflare places it automatically',
  },
  yandex: {
    resource: ['zone'],
    provider: ['zone'],
    unset: 'the yandex provider sets no zone: it comes from YC_ZONE at run time',
  },
};

const ALIASES: Record<string, string> = { 'google-beta': 'google', azuread: 'azurerm' };

/** Whether `--env` passes the environment variable `name` to the engine: `TF_VAR_*` and provider regions. */
export function isTerraformEnvironment(name: string): boolean {
  return name.startsWith('TF_VAR_') || Object.values(SPECS).some((spec) => spec.env?.includes(name));
}

const GENERIC: RegionSpec = {
  resource: ['region', 'location', 'zone'],
  provider: ['region', 'zone', 'location'],
  unset: 'neither the resource nor its provider sets a region',
};

/** The region spec of a Terraform provider type (`aws`, `google-beta`, ...). */
export function regionSpec(providerType: string): RegionSpec {
  return own(SPECS, own(ALIASES, providerType) ?? providerType) ?? GENERIC;
}

/**
 * Zone and datacenter names map to their region by each provider's naming scheme, used only when the
 * catalog does not list the zone itself: GCP `europe-west3-a`, AWS `eu-central-1a`, Scaleway `fr-par-1`,
 * Hetzner `fsn1-dc14`, Yandex `ru-central1-a`.
 */
const ZONE_PATTERNS: Array<[RegExp, string]> = [
  [/^([a-z]+-[a-z]+\d+)-[a-z]$/, 'gcp'],
  [/^([a-z]{2}(?:-[a-z]+)+-\d+)[a-z]$/, 'aws'],
  [/^([a-z]{2}-[a-z]{3})-\d+$/, 'scaleway'],
  [/^([a-z]+\d+)-dc\d+$/, 'hetzner'],
  [/^([a-z]+-[a-z]+\d+)-[a-z]$/, 'yandex'],
];

/** The region of a zone value for a catalog provider, or undefined when the value is not a zone we can map. */
export function zoneToRegion(providerId: string, value: string): string | undefined {
  if (lookupRegion(providerId, value)) {
    return undefined;
  }
  for (const [re, provider] of ZONE_PATTERNS) {
    if (provider !== providerId) {
      continue;
    }
    const m = re.exec(value);
    if (m) {
      return m[1];
    }
  }
  return undefined;
}
