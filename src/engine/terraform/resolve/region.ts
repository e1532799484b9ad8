import { type AzureTypeInfo, classifyAzureType, placedWithoutLocation } from '../../azure/resource-kinds';
import { providerForResourceType, providerForTerraform } from '../../catalog';
import type { ProvenanceStep, RegionResolution, SourceLocation } from '../../model';
import type { ResourceDecl } from '../config/module-config';
import { fileFor } from '../config/module-config';
import { type Env, evaluate } from '../eval/evaluate';
import { render, str, unknown, type Val } from '../eval/values';
import { regionSpec, zoneToRegion } from '../knowledge/region-attributes';
import { isGlobalType, isOperationType } from '../knowledge/resource-classes';
import type { Expression, ScopeTraversalExpression } from '../parser';
import type { Instance } from './instances';
import { impliedProvider, providerSelection } from './module-calls';
import type { ModuleInstance, ProviderConfig } from './module-instance';
import { spannerLocation, type SpannerPlace } from './spanner';

/** Where a resource instance lands, before the catalog is consulted. */
export interface RegionResult {
  /** Catalog provider id; undefined when the resource belongs to no cloud the catalog knows. */
  providerId?: string;
  providerType: string;
  region: RegionResolution;
  regionLocation?: SourceLocation;
  provenance: ProvenanceStep[];
  global: boolean;
  /**
   * Not a placement of its own (not CAL002), by the rule Bicep and ARM follow. azurerm: a resource that
   * writes no `location` is a child (every top-level azurerm resource requires one) whose parent is not in
   * the configuration: its data is placed with that parent, wherever it is deployed. azapi: a child or
   * extension type without a location, or a type without customer data and without any location.
   */
  notPlaced?: boolean;
}

/** The ARM type an `azapi_resource` names, classified, or why it is not known statically. */
export interface AzapiType {
  info?: Readonly<AzureTypeInfo>;
  unknown?: string;
}

/** Attributes that name the resource group: its location is metadata, not where a child resource lives. */
const NOT_PARENTS = new Set(['resource_group_name', 'resource_group_id', 'project', 'depends_on', 'provider']);
const MAX_PARENT_DEPTH = 6;

/** The provider configuration a resource uses: `provider = x.y`, else the default one of its implied local name. */
export function providerOf(
  inst: ModuleInstance,
  decl: ResourceDecl,
  ri?: Instance<unknown>,
): { key: string; pc: ProviderConfig } {
  const attr = decl.block.body.attributes.find((a) => a.name === 'provider');
  const sel = attr ? providerSelection(attr.expr) : undefined;
  const key = sel?.key ?? providerPrefix(decl.type);
  const pc = inst.providers.get(key) ?? impliedProvider(inst, key.split('.')[0]);
  return { key, pc: sel?.index ? { ...pc, instanceKey: evaluate(sel.index, inst.env(decl.file, ri)) } : pc };
}

/** The environment a provider block is evaluated in: with `each` of the chosen instance when it has `for_each`. */
function providerEnv(pc: ProviderConfig, file: string): Env | Val {
  const decl = pc.decl!;
  if (!decl.block.body.attributes.some((a) => a.name === 'for_each')) {
    return pc.owner.env(file);
  }
  const instances = pc.owner.instancesOf(decl);
  if (!Array.isArray(instances)) {
    return instances;
  }
  const k = pc.instanceKey;
  if (!k) {
    return unknown(`provider "${decl.localName}" has for_each but the resource does not choose an instance`);
  }
  if (k.t === 'unknown') {
    return k;
  }
  const key = k.t === 'str' ? k.v : k.t === 'num' ? String(k.v) : undefined;
  const chosen = instances.find((i) => i.key === key);
  return chosen ? pc.owner.env(file, chosen) : unknown(`provider "${decl.localName}" has no instance [${key ?? '?'}]`);
}

function describeProvider(key: string, pc: ProviderConfig): string {
  const name = pc.decl?.localName ?? key.split('.')[0];
  const alias = pc.decl ? pc.decl.alias : key.split('.')[1];
  const where = pc.owner.address ? ` in ${pc.owner.address}` : '';
  return alias ? `provider "${name}" (alias "${alias}")${where}` : `provider "${name}"${where}`;
}

/** Turns an evaluated region value into a resolution; undefined for null (the argument counts as unset). */
function fromVal(
  v: Val,
  steps: ProvenanceStep[],
  providerId: string | undefined,
): Omit<RegionResult, 'providerType' | 'global'> | undefined {
  const provenance = [...steps, ...v.o.steps];
  if (v.t === 'null') {
    return undefined;
  }
  if (v.t === 'unknown') {
    return { providerId, region: { kind: 'unknown', reason: v.reason }, provenance };
  }
  if (v.t !== 'str') {
    return { providerId, region: { kind: 'unknown', reason: 'the region value is not a string' }, provenance };
  }
  const parent = providerId ? zoneToRegion(providerId, v.v) : undefined;
  if (parent) {
    provenance.push({ description: `"${v.v}" is a zone of region ${parent}` });
  }
  return { providerId, region: { kind: 'known', value: parent ?? v.v }, regionLocation: v.o.loc, provenance };
}

/** What a typed location value means, given where it was written (to follow references). */
interface TypedLocation {
  attr: string;
  map(v: string, at: { inst: ModuleInstance; expr: Expression; env: Env }): SpannerPlace;
}

/**
 * Resource types whose location is written in an argument of their own, with what its values mean.
 * A Spanner instance is where its instance configuration is (spanner.ts), never where the provider's
 * default region is.
 */
const TYPE_LOCATION: Record<string, TypedLocation> = {
  google_spanner_instance: { attr: 'config', map: (v, at) => spannerLocation(at.inst, v, at.expr, at.env) },
};

/**
 * Resource types whose location argument, when it is not set, defaults to a fixed location rather than
 * to the provider's region. Source: the google provider's `google_bigquery_dataset` (`location`: "The
 * default value is multi-regional location US"), read 2026-12-04.
 */
const UNSET_LOCATION: Record<string, { value: string; why: string }> = {
  google_bigquery_dataset: {
    value: 'US',
    why: "location not set: a BigQuery dataset defaults to the US multi-region, not to the provider's region",
  },
};

/** The provider a resource type implies: `aws_s3_bucket` → `aws` (without splitting the whole name). */
function providerPrefix(type: string): string {
  const i = type.indexOf('_');
  return i < 0 ? type : type.slice(0, i);
}

/**
 * A regional result, built field by field: an object spread here was the hottest line of re-analysing
 * an edited file (it runs for every resource instance).
 */
function regional(
  r: Omit<RegionResult, 'providerType' | 'global'>,
  providerType: string,
  provenance = r.provenance,
): RegionResult {
  return {
    providerId: r.providerId,
    providerType,
    region: r.region,
    regionLocation: r.regionLocation,
    provenance,
    global: false,
  };
}

/** A top-level argument that refers to another managed resource of the same provider (the parent of a child resource). */
function parentReference(
  inst: ModuleInstance,
  decl: ResourceDecl,
): { target: ResourceDecl; expr: ScopeTraversalExpression } | undefined {
  const prefix = `${providerPrefix(decl.type)}_`;
  for (const a of decl.block.body.attributes) {
    if (NOT_PARENTS.has(a.name)) {
      continue;
    }
    let e: Expression = a.expr;
    while (e.kind === 'parentheses') {
      e = e.expr;
    }
    if (e.kind === 'template' && e.parts.length === 1 && e.parts[0].kind === 'interpolation') {
      e = e.parts[0].expr;
    }
    if (e.kind !== 'scopeTraversal' || !e.root.startsWith(prefix) || e.steps[0]?.kind !== 'attr') {
      continue;
    }
    const target = inst.cfg.byAddress.get(`${e.root}.${e.steps[0].name}`);
    if (target && target !== decl && !isGlobalType(target.type)) {
      return { target, expr: e };
    }
  }
  return undefined;
}

/**
 * Works out the region of one resource instance the way its provider does: the resource's own
 * region arguments, then (for providers without a provider-level default, and Google) the parent
 * resource it refers to, then the provider configuration. Never guesses: anything not written
 * statically is an unknown that says where the value would come from.
 */
export function resolveRegion(
  inst: ModuleInstance,
  decl: ResourceDecl,
  ri: Instance<unknown> | undefined,
  depth = 0,
  azure = azapiType(inst, decl, ri),
): RegionResult {
  const { key, pc } = providerOf(inst, decl, ri);
  const providerType = pc.decl
    ? pc.providerType
    : (inst.cfg.requiredProviders.get(key.split('.')[0]) ?? pc.providerType);
  const providerId = (providerForTerraform(providerType) ?? providerForResourceType(decl.type))?.id;
  if (isOperationType(decl.type)) {
    return {
      providerId,
      providerType,
      region: { kind: 'unknown', reason: `${decl.type} acts on a resource deployed elsewhere` },
      provenance: [],
      global: false,
      notPlaced: true,
    };
  }
  const spec = regionSpec(providerType);
  const body = decl.block.body;
  const env = inst.env(decl.file, ri);
  const scopeAttr = body.attributes.find((a) => a.name === 'scope');
  const scope = scopeAttr ? evaluate(scopeAttr.expr, env) : undefined;
  if (isGlobalType(decl.type, scope?.t === 'str' ? scope.v : undefined)) {
    return {
      providerId,
      providerType,
      region: { kind: 'known', value: 'global' },
      provenance: [{ description: `${decl.type} is a global service, not pinned to a region` }],
      global: true,
    };
  }
  const typed = Object.hasOwn(TYPE_LOCATION, decl.type) ? TYPE_LOCATION[decl.type] : undefined;
  const typedAttr = typed ? body.attributes.find((x) => x.name === typed.attr) : undefined;
  if (typed && typedAttr) {
    const file = fileFor(inst.cfg, typedAttr, decl);
    const typedEnv = inst.env(file, ri);
    const v = evaluate(typedAttr.expr, typedEnv);
    const steps = [{ description: `${typed.attr} argument`, location: { file, range: typedAttr.range } }];
    if (v.t === 'str') {
      const m = typed.map(v.v, { inst, expr: typedAttr.expr, env: typedEnv });
      const provenance = [...steps, ...v.o.steps, ...m.steps];
      const r: Omit<RegionResult, 'providerType' | 'global'> =
        'region' in m
          ? { providerId, region: { kind: 'known', value: m.region }, regionLocation: v.o.loc, provenance }
          : { providerId, region: { kind: 'unknown', reason: m.reason }, provenance };
      return regional(r, providerType);
    }
    const r = fromVal(v, steps, providerId);
    if (r) {
      return regional(r, providerType);
    }
  }
  for (const name of spec.resource) {
    const a = body.attributes.find((x) => x.name === name);
    if (!a) {
      continue;
    }
    const file = fileFor(inst.cfg, a, decl);
    const v = evaluate(a.expr, inst.env(file, ri));
    const r = fromVal(v, [{ description: `${name} argument`, location: { file, range: a.range } }], providerId);
    if (r) {
      return regional(r, providerType);
    }
  }
  const unset = Object.hasOwn(UNSET_LOCATION, decl.type) ? UNSET_LOCATION[decl.type] : undefined;
  if (unset) {
    return regional(
      { providerId, region: { kind: 'known', value: unset.value }, provenance: [{ description: unset.why }] },
      providerType,
    );
  }
  if ((spec.provider.length === 0 || providerType.startsWith('google')) && depth < MAX_PARENT_DEPTH) {
    const parent = parentReference(inst, decl);
    if (parent) {
      const picked = inst.pickInstance(parent.target, parent.expr.steps.slice(1), env);
      if (!('value' in picked)) {
        const r = resolveRegion(inst, parent.target, picked.instance, depth + 1);
        const label = `${parent.target.type}.${parent.target.name}${picked.instance?.suffix ?? ''}`;
        const step = {
          description: `follows its parent ${label}`,
          location: { file: decl.file, range: parent.expr.range },
        };
        return regional(r, r.providerType, [step, ...r.provenance]);
      }
    }
  }
  // An azapi resource names an ARM type, classified as for Bicep and ARM: a child or extension resource
  // without a location lives where the resource it belongs to does, and is not a placement of its own.
  const arm = azure?.info;
  if (arm?.inheritsLocation) {
    return {
      providerId,
      providerType,
      region: { kind: 'unknown', reason: 'a child or extension resource lives where its parent does' },
      provenance: [],
      global: false,
      notPlaced: true,
    };
  }
  const fromProvider = providerRegion(inst, pc, key, providerId, providerType);
  if (!fromProvider.unset) {
    return fromProvider.result;
  }
  const r = fromProvider.result;
  const typeUnknown = azure?.unknown;
  return {
    providerId: r.providerId,
    providerType: r.providerType,
    // Whether it is a child (placed with its parent) depends on the type: say why that is not known. That
    // comes first, since it is what the user can act on (an uninstalled module) and reasons are capped.
    region:
      typeUnknown && r.region.kind === 'unknown'
        ? { kind: 'unknown', reason: `its type is not known statically (${typeUnknown}), and ${r.region.reason}` }
        : r.region,
    provenance: r.provenance,
    global: false,
    notPlaced:
      (providerType === 'azurerm' && !body.attributes.some((a) => a.name === 'location')) ||
      (arm !== undefined && !placedWithoutLocation(arm)),
  };
}

/**
 * Results of {@link providerRegion}, per provider configuration: every resource of a provider shares
 * one (its region value, provenance and locations), rather than a copy per resource instance (on one
 * file of 210,000 resources, the copies were a third of the heap that extraction added).
 */
const providerRegions = new WeakMap<ProviderConfig, Map<string, { result: RegionResult; unset: boolean }>>();

/**
 * The region a provider configuration gives the resources that use it; `unset` when it sets none. The
 * result is shared: callers must not change it.
 */
function providerRegion(
  inst: ModuleInstance,
  pc: ProviderConfig,
  key: string,
  providerId: string | undefined,
  providerType: string,
): { result: RegionResult; unset: boolean } {
  let memo = providerRegions.get(pc);
  if (!memo) {
    memo = new Map();
    providerRegions.set(pc, memo);
  }
  const id = `${key}\u0000${providerType}\u0000${providerId ?? ''}`;
  let hit = memo.get(id);
  if (!hit) {
    hit = computeProviderRegion(inst, pc, key, providerId, providerType);
    memo.set(id, hit);
  }
  return hit;
}

function computeProviderRegion(
  inst: ModuleInstance,
  pc: ProviderConfig,
  key: string,
  providerId: string | undefined,
  providerType: string,
): { result: RegionResult; unset: boolean } {
  const spec = regionSpec(providerType);
  const pdecl = pc.decl;
  if (pdecl) {
    for (const name of spec.provider) {
      const a = pdecl.block.body.attributes.find((x) => x.name === name);
      if (!a) {
        continue;
      }
      const file = fileFor(pc.owner.cfg, a, pdecl);
      const penv = providerEnv(pc, file);
      const v = 'scope' in penv ? evaluate(a.expr, penv) : penv;
      const k = pc.instanceKey;
      const suffix = k && k.t !== 'unknown' ? `[${JSON.stringify(render(k))}]` : '';
      const step = {
        description: describeProvider(key, pc) + suffix,
        location: { file: pdecl.file, range: pdecl.block.typeRange },
      };
      const r = fromVal(v, [...pc.via, step], providerId);
      if (r) {
        return { result: regional(r, providerType), unset: false };
      }
    }
  }
  const provStep = pdecl
    ? [{ description: describeProvider(key, pc), location: { file: pdecl.file, range: pdecl.block.typeRange } }]
    : [];
  // With `--env`, the provider takes its region from the environment as it would at run time.
  const envName = spec.env?.find((name) => inst.ws.environment?.[name]);
  if (envName) {
    const steps = [...pc.via, ...provStep, { description: `${envName} in the environment (--env)` }];
    const r = fromVal(str(inst.ws.environment![envName]), steps, providerId);
    if (r) {
      return { result: regional(r, providerType), unset: false };
    }
  }
  return {
    result: {
      providerId,
      providerType,
      region: { kind: 'unknown', reason: spec.unset },
      provenance: [...pc.via, ...provStep],
      global: false,
    },
    unset: true,
  };
}

/**
 * How the ARM type an `azapi_resource` names (`type = "Microsoft.Storage/storageAccounts@2023-05-01"`)
 * is classified: the one Azure classification that Bicep and ARM templates use (child and extension
 * resources, global services, whether it holds customer data); or why the type is not known statically.
 * Undefined for other resource types.
 */
export function azapiType(
  inst: ModuleInstance,
  decl: ResourceDecl,
  ri: Instance<unknown> | undefined,
): AzapiType | undefined {
  if (decl.type !== 'azapi_resource') {
    return undefined;
  }
  const attr = decl.block.body.attributes.find((a) => a.name === 'type');
  const type = attr ? evaluate(attr.expr, inst.env(fileFor(inst.cfg, attr, decl), ri)) : undefined;
  if (type?.t === 'str' && type.v.includes('/')) {
    return { info: classifyAzureType(type.v.split('@')[0]) };
  }
  return type?.t === 'unknown' ? { unknown: type.reason } : {};
}
