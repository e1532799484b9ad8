import type { ExtractedCopy, ProvenanceStep, RegionResolution, SourceLocation } from '../model';
import { getProp, type Value } from './value';

/** Reads a top-level property of the resource (`sku`, `properties`), evaluated; undefined when absent. */
export type PropReader = (name: string) => Value | undefined;

/** What the rules may ask the template beyond the resource's own properties. */
export interface TemplateContext {
  /** The resource's child resources of a type (full type, lower case), each with where it is declared. */
  children(type: string): Array<{ read: PropReader; declared: ProvenanceStep }>;
  /**
   * For a resource id known only at deployment (`secondary.id`, `resourceId('Microsoft.Sql/servers', 'b')`)
   * that names a resource the template declares: a label for that resource and its location.
   */
  named(id: Value): { label: string; location(): Value | undefined } | undefined;
  /** Other resources of a type (full type, lower case) that the template deploys, each with where it is declared. */
  others(type: string): Array<{ read: PropReader; declared: ProvenanceStep }>;
  /** Whether a resource id (`db.id`, `resourceId('Microsoft.Sql/servers/databases', 's', 'd')`) names this resource. */
  isSelf(id: Value): boolean;
}

function path(p: Value | undefined, names: string[]): Value | undefined {
  let cur = p;
  for (const n of names) {
    cur = cur && getProp(cur, n);
  }
  return cur;
}

function step(description: string, at?: SourceLocation): ProvenanceStep {
  return at ? { description, location: at } : { description };
}

/** A copy on the resource's own provider (Azure). */
function copy(
  kind: ExtractedCopy['kind'],
  region: ExtractedCopy['region'],
  ...provenance: ProvenanceStep[]
): ExtractedCopy {
  return { kind, provider: 'azure', region, provenance };
}

/** The region a location value gives, or why not. */
function regionOf(location: Value | undefined, missing: string): RegionResolution {
  return location?.k === 'string'
    ? { kind: 'known', value: location.v }
    : { kind: 'unknown', reason: location?.k === 'unknown' ? location.reason : missing };
}

/**
 * A copy held by another resource that an id names (a failover partner, a replication destination):
 * where the template declares that resource, or, when it does not, a copy whose region is not known,
 * with the reason. `what` names the other resource in the provenance and the reason.
 */
function copyAtNamed(
  kind: ExtractedCopy['kind'],
  named: ReturnType<TemplateContext['named']>,
  declared: ProvenanceStep,
  idStep: ProvenanceStep,
  what: string,
): ExtractedCopy {
  const location = named?.location();
  if (!named || !location) {
    const reason = `the ${what} is not a resource this template declares, so its region is not known`;
    return copy(kind, { kind: 'unknown', reason }, declared, idStep);
  }
  return copy(
    kind,
    regionOf(location, 'the location is not a string'),
    declared,
    idStep,
    step(`location of the ${what} ${named.label}`, location.loc),
  );
}

/** Storage SKUs whose data Azure copies to the paired region. */
const GEO_SKU = /_(GRS|RAGRS|GZRS|RAGZRS)$/i;

/**
 * Blob object replication (`Microsoft.Storage/storageAccounts/objectReplicationPolicies`, declared on the
 * destination account and again on the source): a policy whose `sourceAccount` is this account copies
 * its blobs to the `destinationAccount`, which holds a copy where it is. A destination the template
 * does not declare gives a copy whose region is not known, with the reason.
 */
function objectReplication(tpl: TemplateContext | undefined): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  const seen = new Set<string>();
  for (const policy of tpl?.others('microsoft.storage/storageaccounts/objectreplicationpolicies') ?? []) {
    const props = policy.read('properties');
    const source = path(props, ['sourceAccount']);
    if (!source || !tpl?.isSelf(source)) {
      continue;
    }
    const destination = path(props, ['destinationAccount']);
    const named = destination ? tpl.named(destination) : undefined;
    // The policy is declared on both accounts: one copy per destination the template declares.
    if (named?.location()) {
      if (seen.has(named.label)) {
        continue;
      }
      seen.add(named.label);
    }
    const destStep = step('properties.destinationAccount', destination?.loc);
    out.push(copyAtNamed('replication', named, policy.declared, destStep, 'destination account'));
  }
  return out;
}

function storage(read: PropReader, _primary?: RegionResolution, tpl?: TemplateContext): ExtractedCopy[] {
  return [...geoRedundantStorage(read), ...objectReplication(tpl)];
}

function geoRedundantStorage(read: PropReader): ExtractedCopy[] {
  const sku = path(read('sku'), ['name']);
  if (sku?.k === 'unknown') {
    return [
      copy(
        'geo-redundancy',
        { kind: 'unknown', reason: `whether the storage is geo-redundant is not known: ${sku.reason}` },
        step('sku.name', sku.loc),
      ),
    ];
  }
  if (sku?.k !== 'string' || !GEO_SKU.test(sku.v)) {
    return [];
  }
  return [copy('geo-redundancy', { kind: 'pair' }, step(`sku.name "${sku.v}"`, sku.loc))];
}

function normalise(region: string): string {
  return region.toLowerCase().replace(/\s+/g, '');
}

/** Cosmos DB: every location in `properties.locations` other than the account's own is a replica. */
function cosmos(read: PropReader, primary: RegionResolution): ExtractedCopy[] {
  const locations = path(read('properties'), ['locations']);
  if (locations?.k === 'unknown') {
    return [
      copy(
        'replica',
        { kind: 'unknown', reason: `the account's locations are not known: ${locations.reason}` },
        step('properties.locations', locations.loc),
      ),
    ];
  }
  if (locations?.k !== 'array') {
    return [];
  }
  const out: ExtractedCopy[] = [];
  for (const item of locations.items) {
    const name = path(item, ['locationName']);
    if (name?.k === 'string') {
      if (primary.kind === 'known' && normalise(name.v) === normalise(primary.value)) {
        continue;
      }
      out.push(
        copy('replica', { kind: 'known', value: name.v }, step('properties.locations[].locationName', name.loc)),
      );
    } else if (name?.k === 'unknown') {
      out.push(
        copy(
          'replica',
          { kind: 'unknown', reason: name.reason },
          step('properties.locations[].locationName', name.loc),
        ),
      );
    }
  }
  return out;
}

/** Recovery Services vault storage redundancy: geo-redundant copies backups to the region's pair. */
function geoRedundantVault(setting: Value | undefined, where: string, defaultsToGeo: boolean): ExtractedCopy[] {
  if (setting?.k === 'unknown') {
    return [
      copy(
        'geo-redundancy',
        {
          kind: 'unknown',
          reason: `whether the vault's storage is geo-redundant is not known: ${setting.reason}`,
        },
        step(where, setting.loc),
      ),
    ];
  }
  if (setting === undefined && defaultsToGeo) {
    // Azure creates a vault with geo-redundant storage unless told otherwise.
    return [
      copy(
        'geo-redundancy',
        { kind: 'pair' },
        step(`${where} not set (a Recovery Services vault is geo-redundant by default)`),
      ),
    ];
  }
  if (setting?.k !== 'string' || setting.v.toLowerCase() !== 'georedundant') {
    return [];
  }
  return [copy('geo-redundancy', { kind: 'pair' }, step(`${where} "${setting.v}"`, setting.loc))];
}

/** A vault's `properties.redundancySettings.standardTierStorageRedundancy` (API 2022-10 and later). */
function recoveryVault(read: PropReader): ExtractedCopy[] {
  const where = 'properties.redundancySettings.standardTierStorageRedundancy';
  return geoRedundantVault(
    path(read('properties'), ['redundancySettings', 'standardTierStorageRedundancy']),
    where,
    true,
  );
}

/** The vault's backup storage configuration child (`vaults/backupstorageconfig`): `storageModelType` or `storageType`. */
function vaultStorageConfig(read: PropReader): ExtractedCopy[] {
  const props = read('properties');
  const model = path(props, ['storageModelType']);
  return model !== undefined
    ? geoRedundantVault(model, 'properties.storageModelType', false)
    : geoRedundantVault(path(props, ['storageType']), 'properties.storageType', false);
}

/**
 * SQL failover groups (`Microsoft.Sql/servers/failoverGroups`, children of the primary server): each
 * partner server in `properties.partnerServers` holds a replica of the server's databases. A partner
 * the template does not declare gives a copy whose region is not known, with the reason.
 */
function sqlServer(_read: PropReader, _primary: RegionResolution, tpl?: TemplateContext): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  for (const group of tpl?.children('microsoft.sql/servers/failovergroups') ?? []) {
    const partners = path(group.read('properties'), ['partnerServers']);
    if (partners?.k === 'unknown') {
      out.push(
        copy(
          'replica',
          { kind: 'unknown', reason: `the failover group's partner servers are not known: ${partners.reason}` },
          group.declared,
          step('properties.partnerServers', partners.loc),
        ),
      );
      continue;
    }
    for (const item of partners?.k === 'array' ? partners.items : []) {
      const id = path(item, ['id']);
      const idStep = step('properties.partnerServers[].id', id?.loc);
      const named = id?.k === 'unknown' ? tpl?.named(id) : undefined;
      out.push(copyAtNamed('replica', named, group.declared, idStep, 'partner server'));
    }
  }
  return out;
}

/** Modes in which an SQL database is created as a continuously replicated copy of another (geo-replication). */
const SQL_SECONDARY = new Set(['secondary', 'onlinesecondary']);

/**
 * An SQL database's geo-secondaries: databases the template deploys with `createMode` `Secondary` (or the
 * older `OnlineSecondary`) whose `sourceDatabaseId` names this database hold a replica where they are.
 */
function sqlDatabase(_read: PropReader, _primary: RegionResolution, tpl?: TemplateContext): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  for (const other of tpl?.others('microsoft.sql/servers/databases') ?? []) {
    const props = other.read('properties');
    const mode = path(props, ['createMode']);
    const source = path(props, ['sourceDatabaseId']);
    if (mode?.k !== 'string' || !SQL_SECONDARY.has(mode.v.toLowerCase()) || !source || !tpl?.isSelf(source)) {
      continue;
    }
    const location = other.read('location');
    out.push(
      copy(
        'replica',
        regionOf(location, 'the geo-secondary declares no location'),
        other.declared,
        step(`properties.createMode "${mode.v}" with properties.sourceDatabaseId`, source.loc),
        step('location of the geo-secondary', location?.loc),
      ),
    );
  }
  return out;
}

// A Map, not an object: a type named like an object member (`constructor`) must find no rule.
const RULES = new Map<string, (read: PropReader, primary: RegionResolution, tpl?: TemplateContext) => ExtractedCopy[]>([
  ['microsoft.storage/storageaccounts', storage],
  ['microsoft.documentdb/databaseaccounts', cosmos],
  ['microsoft.recoveryservices/vaults', recoveryVault],
  ['microsoft.recoveryservices/vaults/backupstorageconfig', vaultStorageConfig],
  ['microsoft.sql/servers', sqlServer],
  ['microsoft.sql/servers/databases', sqlDatabase],
]);

/** Whether a resource type has copy rules (so that the languages evaluate its properties only then). */
export function hasCopyRules(type: string): boolean {
  return RULES.has(type.toLowerCase());
}

/** The copies an Azure resource's template properties ask for (storage SKUs, Cosmos DB locations). */
export function azureCopies(
  type: string,
  read: PropReader,
  primary: RegionResolution,
  tpl?: TemplateContext,
): ExtractedCopy[] {
  return RULES.get(type.toLowerCase())?.(read, primary, tpl) ?? [];
}
