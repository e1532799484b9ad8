import type { Node } from 'jsonc-parser';

import { LineIndex } from '../arm/lines';
import { providerForResourceType, providerForTerraform } from '../catalog';
import type {
  AnalysisError,
  ExtractedCopy,
  ExtractedResource,
  ProvenanceStep,
  RegionResolution,
  SourceLocation,
} from '../model';
import { MAX_JSON_DEPTH, readJsonTree } from '../text/json-guard';
import { basename } from '../workspace/paths';
import { regionSpec } from './knowledge/region-attributes';
import { dataClassOf, isGlobalType } from './knowledge/resource-classes';
import { addReferenceCopies, planCopies, type PlanPlacement } from './plan-copies';
import {
  baseConfigLocation,
  CONFIG_TYPE,
  configName,
  customBaseLocation,
  unknownConfigReason,
} from './resolve/spanner';
import { addsRegion, replicaLabel } from './resolve/spanner-copies';

/**
 * Terraform and OpenTofu plans as JSON (`terraform show -json plan.out`): every planned resource placed
 * from what the plan says, not from configuration. The region comes from the resource's planned values
 * (`region`, `location`, `zone`, as its provider reads them), else from the provider configuration the
 * plan's `configuration` names for it (a constant, or a root variable whose value the plan holds).
 * Resources being deleted are not in `planned_values` and so are not placements.
 */

/** Whether a text is a plan: both keys a plan has, found without parsing. */
export function isPlanText(text: string): boolean {
  return text.includes('"planned_values"') && text.includes('"format_version"');
}

function member(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') {
    return undefined;
  }
  for (const p of node.children ?? []) {
    if (p.children?.[0]?.value === key) {
      return p.children[1];
    }
  }
  return undefined;
}

function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

function items(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** `module.a["x"].module.b[0]` → `module_calls.a`, `module_calls.b` of the configuration tree. */
function configModule(configuration: Node | undefined, moduleAddress: string): Node | undefined {
  let mod = member(configuration, 'root_module');
  for (const m of moduleAddress.matchAll(/module\.([A-Za-z0-9_-]+)/g)) {
    mod = member(member(member(mod, 'module_calls'), m[1]), 'module');
  }
  return mod;
}

/**
 * The configuration of each resource (`provider_config_key`, `expressions`), indexed once per module:
 * a plan lists every instance, often thousands of one module's resources.
 */
class ConfigResources {
  private readonly byModule = new Map<string, Map<string, Node>>();

  constructor(private readonly configuration: Node | undefined) {}

  of(moduleAddress: string, type: string, name: string): Node | undefined {
    // `module.db["a"]` and `module.db["b"]` share one configuration module.
    const path = [...moduleAddress.matchAll(/module\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]).join('.');
    let resources = this.byModule.get(path);
    if (!resources) {
      const list = items(member(configModule(this.configuration, moduleAddress), 'resources'));
      resources = new Map(list.map((r) => [stringOf(member(r, 'address')) ?? '', r]));
      this.byModule.set(path, resources);
    }
    return resources.get(`${type}.${name}`);
  }

  /** The provider configuration key (`aws.eu`, `module.x:aws`) the configuration gives a resource. */
  providerKey(moduleAddress: string, type: string, name: string): string | undefined {
    return stringOf(member(this.of(moduleAddress, type, name), 'provider_config_key'));
  }
}

interface Plan {
  file: string;
  lines: LineIndex;
  root: Node;
  label: string;
  /** The configuration folder the plan stands for, when the scan holds it too: the plan wins. */
  replaces?: string;
  /** `change.after_unknown` of each resource in `resource_changes`, by address. */
  afterUnknown: Map<string, Node | undefined>;
}

type ProviderRegion =
  | { value: string; steps: ProvenanceStep[]; at?: SourceLocation }
  | { value?: undefined; reason: string; steps: ProvenanceStep[] };

/** A provider configuration's region argument: a constant, or a root variable the plan gives a value. */
function providerRegion(plan: Plan, key: string | undefined, argNames: string[]): ProviderRegion | undefined {
  const config =
    key === undefined ? undefined : member(member(member(plan.root, 'configuration'), 'provider_config'), key);
  const expressions = member(config, 'expressions');
  for (const arg of argNames) {
    const expr = member(expressions, arg);
    if (!expr) {
      continue;
    }
    const step: ProvenanceStep = { description: `provider "${key}" ${arg} in ${plan.label}` };
    const constant = stringOf(member(expr, 'constant_value'));
    if (constant !== undefined) {
      return { value: constant, steps: [step] };
    }
    const refs = items(member(expr, 'references')).map(stringOf);
    const variable = refs.find((r) => r?.startsWith('var.'))?.slice(4);
    const inRoot = stringOf(member(config, 'module_address')) === undefined;
    const value = variable && inRoot ? member(member(member(plan.root, 'variables'), variable), 'value') : undefined;
    if (value?.type === 'string') {
      const where = plan.lines.location(value.offset, value.length);
      return {
        value: value.value as string,
        steps: [step, { description: `var.${variable} in ${plan.label}`, location: where }],
        at: where,
      };
    }
    return {
      reason: `the ${key} provider's ${arg} is ${refs.filter(Boolean).join(', ') || 'an expression'}, whose value the plan does not record`,
      steps: [step],
    };
  }
  return undefined;
}

/**
 * Where a planned Spanner instance whose `config` is `value` is, as in configuration (resolve/spanner.ts):
 * a base configuration the catalog lists, or a custom configuration of the same module of the plan
 * (`customConfigs`, by name), placed at its base configuration, whose replicas beyond the base's regions
 * are copies.
 */
function planSpanner(
  plan: Plan,
  value: string,
  customConfigs: ReadonlyMap<string, Node>,
  providerId: string,
): { region: RegionResolution; steps: ProvenanceStep[]; copies: ExtractedCopy[] } {
  const base = baseConfigLocation(value);
  if (base) {
    return { region: { kind: 'known', value: base }, steps: [], copies: [] };
  }
  const custom = customConfigs.get(configName(value));
  if (!custom) {
    return { region: { kind: 'unknown', reason: unknownConfigReason(value) }, steps: [], copies: [] };
  }
  const label = stringOf(member(custom, 'address')) ?? CONFIG_TYPE;
  const where = (n: Node) => plan.lines.location(n.offset, n.length);
  const steps: ProvenanceStep[] = [{ description: `custom configuration ${label}`, location: where(custom) }];
  const values = member(custom, 'values');
  const baseNode = member(values, 'base_config');
  if (typeof baseNode?.value !== 'string') {
    const reason = `${label} has no base_config in the planned values, so where its replicas are is not known`;
    return { region: { kind: 'unknown', reason }, steps, copies: [] };
  }
  steps.push({ description: 'base_config in the planned values', location: where(baseNode) });
  const placed = customBaseLocation(baseNode.value, label);
  if ('reason' in placed) {
    return { region: { kind: 'unknown', reason: placed.reason }, steps, copies: [] };
  }
  const copies: ExtractedCopy[] = [];
  for (const replica of items(member(values, 'replicas'))) {
    const loc = member(replica, 'location');
    if (typeof loc?.value !== 'string' || !addsRegion(placed.region, loc.value)) {
      continue;
    }
    copies.push({
      kind: 'replica',
      provider: providerId,
      region: { kind: 'known', value: loc.value },
      provenance: [
        {
          description: `${replicaLabel(stringOf(member(replica, 'type')))} added by custom configuration ${label}`,
          location: where(replica),
        },
        { description: 'location in the planned values', location: where(loc) },
      ],
    });
  }
  return { region: { kind: 'known', value: placed.region }, steps, copies };
}

function place(
  plan: Plan,
  res: Node,
  moduleAddress: string,
  config: ConfigResources,
  customConfigs: ReadonlyMap<string, Node>,
): ExtractedResource | undefined {
  if (stringOf(member(res, 'mode')) !== 'managed') {
    return undefined;
  }
  const type = stringOf(member(res, 'type')) ?? '';
  const name = stringOf(member(res, 'name')) ?? '';
  const address = stringOf(member(res, 'address')) ?? `${type}.${name}`;
  const providerName = stringOf(member(res, 'provider_name')) ?? '';
  const providerType = providerName.split('/').pop() ?? '';
  const providerId = (providerForTerraform(providerType) ?? providerForResourceType(type))?.id;
  if (!providerId) {
    return undefined;
  }
  const values = member(res, 'values');
  const spec = regionSpec(providerType);
  const used = plan.replaces === undefined ? '' : `, used instead of the configuration in ${basename(plan.replaces)}/`;
  const fromPlan: ProvenanceStep = {
    description: `${address} in ${plan.label} (planned values${used})`,
    location: plan.lines.location(res.offset, res.length),
  };
  let region: RegionResolution;
  let regionLocation: SourceLocation | undefined;
  let provenance: ProvenanceStep[];
  const global = isGlobalType(type);
  const attr = spec.resource.find((a) => stringOf(member(values, a)));
  // A Spanner instance is where its instance configuration is, as in configuration (resolve/spanner.ts).
  const spannerConfig = type === 'google_spanner_instance' ? member(values, 'config') : undefined;
  let spannerCopies: ExtractedCopy[] = [];
  if (spannerConfig && typeof spannerConfig.value === 'string') {
    regionLocation = plan.lines.location(spannerConfig.offset, spannerConfig.length);
    const spanner = planSpanner(plan, spannerConfig.value, customConfigs, providerId);
    region = spanner.region;
    spannerCopies = spanner.copies;
    provenance = [
      fromPlan,
      { description: 'config in the planned values', location: regionLocation },
      ...spanner.steps,
    ];
  } else if (global) {
    region = { kind: 'known', value: 'global' };
    provenance = [fromPlan, { description: `${type} is a global service, not pinned to a region` }];
  } else if (attr) {
    const node = member(values, attr)!;
    regionLocation = plan.lines.location(node.offset, node.length);
    region = { kind: 'known', value: node.value as string };
    provenance = [fromPlan, { description: `${attr} in the planned values`, location: regionLocation }];
  } else {
    const key = config.providerKey(moduleAddress, type, name);
    const fromProvider = providerRegion(plan, key, spec.provider);
    if (fromProvider?.value !== undefined) {
      region = { kind: 'known', value: fromProvider.value };
      regionLocation = fromProvider.at;
    } else {
      region = { kind: 'unknown', reason: fromProvider?.reason ?? spec.unset };
    }
    provenance = [fromPlan, ...(fromProvider?.steps ?? [])];
  }
  const range = plan.lines.range(res.offset, res.length);
  const index = member(res, 'index');
  const copies = planCopies({
    type,
    providerId,
    values,
    afterUnknown: plan.afterUnknown.get(address),
    primary: region,
    at: (node) => plan.lines.location(node.offset, node.length),
  })
    .map((c) => (c.provenance.length > 0 ? c : { ...c, provenance: [fromPlan] }))
    .concat(spannerCopies);
  return {
    language: 'terraform',
    file: plan.file,
    range,
    headerRange: plan.lines.range(res.offset, 1),
    type,
    name,
    address,
    module: moduleAddress === '' ? null : moduleAddress,
    provider: providerId,
    region,
    regionLocation,
    provenance,
    dataClass: dataClassOf(type),
    global,
    instanceKey: index === undefined ? undefined : String(index.value),
    copies,
  };
}

/** The placements of a plan file, and why it could not be read when it cannot. */
export function analyzePlan(
  file: string,
  text: string,
  replaces?: string,
): { resources: ExtractedResource[]; errors: AnalysisError[] } {
  const lines = new LineIndex(file, text);
  const { root, tooDeepAt } = readJsonTree(
    text,
    MAX_JSON_DEPTH,
    { allowTrailingComma: false, disallowComments: true },
    [],
  );
  if (tooDeepAt !== undefined) {
    const message = `JSON nested deeper than ${MAX_JSON_DEPTH} levels; not analysed`;
    return { resources: [], errors: [{ file, range: lines.range(tooDeepAt, 1), message }] };
  }
  const planned = member(member(root, 'planned_values'), 'root_module');
  if (!root || !planned) {
    return { resources: [], errors: [{ file, message: 'not a readable Terraform plan (no planned_values)' }] };
  }
  const major = Number((stringOf(member(root, 'format_version')) ?? '1').split('.')[0]);
  if (major !== 0 && major !== 1) {
    return { resources: [], errors: [{ file, message: `plan format ${major}.x is not supported (1.x is)` }] };
  }
  const afterUnknown = new Map(
    items(member(root, 'resource_changes')).map((rc) => [
      stringOf(member(rc, 'address')) ?? '',
      member(member(rc, 'change'), 'after_unknown'),
    ]),
  );
  const plan: Plan = { file, lines, root, label: basename(file), replaces, afterUnknown };
  const config = new ConfigResources(member(root, 'configuration'));
  const placements: PlanPlacement[] = [];
  const walk = (mod: Node, depth: number) => {
    const moduleAddress = stringOf(member(mod, 'address')) ?? '';
    // Custom Spanner instance configurations by name: an instance's `config` names one of its module's.
    const customConfigs = new Map<string, Node>();
    for (const res of items(member(mod, 'resources'))) {
      const name = stringOf(member(member(res, 'values'), 'name'));
      if (stringOf(member(res, 'type')) === CONFIG_TYPE && stringOf(member(res, 'mode')) === 'managed' && name) {
        customConfigs.set(configName(name), res);
      }
    }
    for (const res of items(member(mod, 'resources'))) {
      const placed = place(plan, res, moduleAddress, config, customConfigs);
      if (placed) {
        const expressions = member(config.of(moduleAddress, placed.type, placed.name), 'expressions');
        placements.push({ resource: placed, expressions, values: member(res, 'values'), moduleAddress });
      }
    }
    if (depth < 64) {
      items(member(mod, 'child_modules')).forEach((child) => walk(child, depth + 1));
    }
  };
  walk(planned, 0);
  addReferenceCopies(placements);
  return { resources: placements.map((p) => p.resource), errors: [] };
}
