/**
 * The engine's data model. Everything here is plain data (serialisable, no classes) so that it can
 * cross worker-thread boundaries and be cached.
 *
 * Paths are absolute, with forward slashes (the `path` part of a URI on virtual file systems).
 * Ranges are 0-based; `character` counts UTF-16 code units, as VS Code does.
 */

export interface Position {
  line: number;
  character: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

export interface SourceLocation {
  file: string;
  range: SourceRange;
}

export type Language = 'terraform' | 'bicep' | 'arm';

export type Severity = 'error' | 'warning' | 'info';

export type RuleId = 'CAL001' | 'CAL002' | 'CAL003' | 'CAL004' | 'CAL005' | 'CAL006' | 'CAL007' | 'CAL008' | 'CAL009';

/** One step in the chain that explains where a region value came from, nearest to the resource first. */
export interface ProvenanceStep {
  /** Human-readable, e.g. `var.region default`, `provider "aws" (alias "eu")`, `terraform.tfvars`. */
  description: string;
  location?: SourceLocation;
}

/**
 * What the language analyzers work out about a resource's region.
 * - `known`: a concrete value (as written; the catalog canonicalises it).
 * - `unknown`: cannot be determined statically; `reason` says why and where it would come from (CAL002).
 */
export type RegionResolution = { kind: 'known'; value: string } | { kind: 'unknown'; reason: string };

/**
 * How a copy of a resource's data comes about:
 * - `replication`: an explicit target the configuration names (S3 replication, ECR replication, a
 *   Secrets Manager replica, a KMS replica key);
 * - `replica`: secondary locations declared on the resource (DynamoDB replicas, Cosmos DB locations,
 *   SQL failover partners, RDS read replicas);
 * - `geo-redundancy`: a copy the platform places (Azure GRS storage in the region's published pair,
 *   Recovery Services vaults with geo-redundant storage);
 * - `backup`: backups copied to another region (AWS Backup copy actions, RDS automated-backup replication);
 * - `multi-region`: the location itself spans several regions (Cloud Storage dual- and multi-regions).
 */
export type CopyKind = 'replication' | 'replica' | 'geo-redundancy' | 'backup' | 'multi-region';

/** A copy as a language analyzer finds it, before the catalog is consulted. */
export interface ExtractedCopy {
  kind: CopyKind;
  /** Catalog provider id of the copy's location (the resource's own provider). */
  provider: string;
  /**
   * Where the copy lands. `pair`: the published pair of the resource's own region, which the catalog
   * knows (Azure geo-redundant storage); resolved when the resource is placed.
   */
  region: RegionResolution | { kind: 'pair' };
  /** How the copy comes about: the attribute that asks for it, then where its region comes from. */
  provenance: ProvenanceStep[];
}

/** A copy of a resource's data, placed like the resource itself. */
export interface Copy {
  kind: CopyKind;
  /** Canonical catalog region id; the literal if unknown to the catalog; null if it cannot be determined. */
  regionId: string | null;
  /** Why `regionId` is null. */
  unresolvedReason: string | null;
  country: string | null;
  controller: string | null;
  operator: string | null;
  ultimateParent: string | null;
  regionKnown: boolean;
  /** A location that spans several countries (a multi-region). */
  multiCountry: boolean;
  provenance: ProvenanceStep[];
}

/** Whether a resource type stores or processes customer data (decides CAL001's severity). */
export type DataClass = 'customer-data' | 'no-customer-data';

/** A resource declaration as found and resolved by a language analyzer, before the catalog is consulted. */
export interface ExtractedResource {
  language: Language;
  file: string;
  /** The whole declaration. */
  range: SourceRange;
  /** The header (`resource "aws_s3_bucket" "invoices"`, `resource sa 'Microsoft.Storage/...'`). */
  headerRange: SourceRange;
  /** `aws_s3_bucket`, `Microsoft.Storage/storageAccounts`. */
  type: string;
  /** Terraform name label, Bicep symbolic name, ARM name expression. */
  name: string;
  /** Unique within a scan, e.g. `module.storage.aws_s3_bucket.invoices["eu"]`. */
  address: string;
  /** `module.storage`, or null at the root. */
  module: string | null;
  /** Catalog provider id (`aws`, `azure`, `gcp`, ...). */
  provider: string;
  region: RegionResolution;
  /** Where the region value is written, when known (used for the diagnostic range and related information). */
  regionLocation?: SourceLocation;
  provenance: ProvenanceStep[];
  dataClass: DataClass;
  /** A global service with no regional pinning (CAL003); `region` is then usually unknown or `global`. */
  global: boolean;
  /** for_each key / count index / loop value that produced this instance, if any. */
  instanceKey?: string;
  /** Other places the configuration or the platform copies the resource's data to. */
  copies?: ExtractedCopy[];
}

/** An error that concerns one file; nothing else is lost because of it. */
export interface AnalysisError {
  file: string;
  range?: SourceRange;
  message: string;
  /**
   * Not a fault of the file: something it refers to that a scan never reads (a registry module that is
   * not installed, a remote template), so that what it deploys is missing from the report. Reported
   * with the errors, as a warning where a level is shown (the editor, SARIF); the human reports say each
   * kind's reason once and list the places by what is not read.
   */
  notRead?: NotRead;
}

/** What a scan never reads, by kind; the reports give each kind's reason in one sentence. */
export type NotReadKind =
  | 'terraform-module'
  | 'terragrunt-module'
  | 'bicep-registry-module'
  | 'bicep-registry-template'
  | 'arm-linked-template';

export interface NotRead {
  kind: NotReadKind;
  /** What is not read, as written (a module `source`, a `br:` reference); absent when it is computed. */
  source?: string;
}

export interface Suppression {
  reason: string;
  expires?: string;
  location: SourceLocation;
}

export interface RelatedInfo {
  message: string;
  location: SourceLocation;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  file: string;
  /** The most useful range: the region value when it is in the resource's file, else the header. */
  range: SourceRange;
  /** The resource address, or the file for file-level findings (CAL007). */
  resource: string;
  related: RelatedInfo[];
  /** Present when the finding was accepted by a directive or the project file; still reported. */
  suppressed?: Suppression;
  /** The analysis unit that produced it (`terraform:/repo/envs/prod`), for editors that refresh per unit. */
  unit?: string;
}

/** Who controls the entity that operates a region, from the catalog. */
export type ControlClass = 'us' | 'licensed-us-technology' | 'non-us';

export interface Placement extends Omit<ExtractedResource, 'copies'> {
  /** Canonical catalog region id; the literal if unknown to the catalog; null if unresolved. */
  regionId: string | null;
  /** ISO 3166-1 alpha-2, null when not one country (multi-region, global, unknown). */
  country: string | null;
  /** Country of the entity that ultimately controls the operator, null when unknown. */
  controller: string | null;
  /** Name of the entity operating the region, when known. */
  operator: string | null;
  /** Ultimate parent of the operator, when known. */
  ultimateParent: string | null;
  control: ControlClass | null;
  /** Whether the catalog knows the region id. */
  regionKnown: boolean;
  /** Where copies of the data go (replication, replicas, geo-redundant pairs, backups, multi-regions); [] when none. */
  copies: Copy[];
  findings: Finding[];
  /** The analysis unit that produced it (see {@link Finding.unit}). */
  unit?: string;
}

export interface ScanResult {
  placements: Placement[];
  findings: Finding[];
  errors: AnalysisError[];
  /** Number of files read. */
  files: number;
}
