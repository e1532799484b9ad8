import type { ControlClass } from '../model';

/** Where a catalog fact comes from. */
export interface Source {
  url: string;
  /** What the source is, e.g. "AWS SDK partitions.json" or "Azure regions list". */
  title: string;
  /** ISO date the source was read or is dated. */
  asOf: string;
}

/** An entity in the chain operator → ultimate parent. */
export interface Entity {
  name: string;
  /** ISO 3166-1 alpha-2 of the country it is headquartered in and controlled from. */
  country: string;
  /**
   * ISO 3166-1 alpha-2 of the place of incorporation, where it is not `country` (holdings incorporated
   * in the Cayman Islands and run from China).
   */
  incorporatedIn?: string;
}

export interface ProviderInfo {
  /** Catalog id: aws, azure, gcp, oci, ibm, alicloud, digitalocean, linode, vultr, hetzner, ovh, scaleway, ... */
  id: string;
  displayName: string;
  /** The entity that operates the provider's ordinary (commercial) regions. */
  operator: Entity;
  ultimateParent: Entity;
  /** Classification of the ordinary regions; a region may override it via `operator`. */
  control: ControlClass;
  /** Terraform provider type names (`aws`, `azurerm`, `azapi`, `google`, `google-beta`, ...). */
  terraformProviders: string[];
  /** Resource-type prefixes that belong to it (`aws_`, `azurerm_`, ...). */
  resourcePrefixes: string[];
  /**
   * Characters that, appended to a region id, name an availability zone of it (`eu-central-1a`,
   * `cn-hangzhou-h`, Tencent `ap-guangzhou-3`). Such zones are not listed one by one; a lookup
   * resolves them to the region.
   */
  zoneLetters?: string;
  /** True for Azure: Bicep/ARM resources map here. */
  armProvider?: boolean;
  /** Free text facts worth showing (e.g. contracting entities), each sourced. */
  notes?: string[];
  sources: Source[];
  asOf: string;
}

export type LocationKind = 'region' | 'zone' | 'multi-region' | 'global';

/**
 * The replicas a Spanner configuration keeps in a region. Google describes a witness replica as one
 * that votes on every write without keeping a full readable copy of the data. It is still a replica of
 * the database in that region, so for a residency question it is listed as a copy, labelled as a
 * witness rather than dropped.
 */
export type ReplicaRole = 'read-write' | 'read-only' | 'witness';

export interface RegionInfo {
  providerId: string;
  /** Canonical id as the provider spells it (`eu-central-1`, `westeurope`, `europe-west3`). */
  id: string;
  /** Human name, e.g. "Europe (Frankfurt)" or "West Europe". */
  name: string;
  kind: LocationKind;
  /** ISO 3166-1 alpha-2; null for global locations and for multi-regions that span several countries. */
  country: string | null;
  /** For multi-region locations: the countries or the jurisdiction spanned. */
  countries?: string[];
  jurisdiction?: string;
  city?: string;
  /** Partition / cloud / realm: aws, aws-cn, aws-us-gov, aws-iso, aws-eusc, AzureCloud, AzureChinaCloud, oc1, ... */
  partition: string;
  /** Operator when it differs from the provider's (AWS China by Sinnet/NWCD, Azure China by 21Vianet, ...). */
  operator?: Entity;
  ultimateParent?: Entity;
  /** Classification override for this region (e.g. `licensed-us-technology` for AWS China). */
  control?: ControlClass;
  /** For dual-regions: the regions the data is stored in (each holds a copy). */
  members?: string[];
  /**
   * For Spanner instance configurations: what the replicas in each member region are. A witness
   * region is a member too (see `ReplicaRole`).
   */
  memberRoles?: Readonly<Record<string, ReplicaRole>>;
  /** For zones: the region they belong to. */
  parentRegion?: string;
  /** Extra sourced facts shown in hovers (e.g. "AWS European Sovereign Cloud: separate partition ..."). */
  notes?: string[];
  /** Other accepted spellings (display names); matching is case- and space-insensitive anyway. */
  aliases?: string[];
  sources: Source[];
  asOf: string;
}

/** The result of a region lookup, with the effective operator and control resolved. */
export interface RegionMatch {
  region: RegionInfo;
  /** When the lookup hit a zone, the region it belongs to (same as `region` otherwise). */
  effective: RegionInfo;
  operator: Entity;
  ultimateParent: Entity;
  control: ControlClass;
}

export interface ProviderData {
  provider: ProviderInfo;
  regions: RegionInfo[];
}
