import { lookupRegion, SPANNER_PREFIX } from '../../catalog';
import type { ProvenanceStep } from '../../model';
import type { ResourceDecl } from '../config/module-config';
import { fileFor } from '../config/module-config';
import { type Env, evaluate } from '../eval/evaluate';
import type { Expression } from '../parser';
import type { Instance } from './instances';
import { knownOrOpaque } from './module-calls';
import type { ModuleInstance } from './module-instance';

/**
 * Where a Spanner instance is: where its instance configuration (`config`) is. A regional configuration
 * is its region; a dual- or multi-region base configuration is the catalog row `spanner:<name>`, whose
 * member regions become copies; a custom configuration (`google_spanner_instance_config` in the same
 * configuration) is placed at its base configuration, and its added replicas are copies
 * (spanner-copies.ts). Sources: Google's Spanner page of instance configurations and the google
 * provider's `google_spanner_instance` (`config`) and `google_spanner_instance_config` (`base_config`,
 * `replicas`), read 2026-12-04.
 */

export const CONFIG_TYPE = 'google_spanner_instance_config';
const CONFIG_PATH = /^projects\/[^/]+\/instanceConfigs\//;
const MAX_SHOWN = 64;

export type SpannerPlace = { region: string; steps: ProvenanceStep[] } | { reason: string; steps: ProvenanceStep[] };

/** A configuration's name without its `projects/<p>/instanceConfigs/` prefix. */
export function configName(value: string): string {
  return value.replace(CONFIG_PATH, '');
}

/** Why an instance configuration that is neither in the catalog nor declared gives no region. */
export function unknownConfigReason(value: string): string {
  const shown = configName(value).slice(0, MAX_SHOWN);
  return shown.startsWith('custom-')
    ? `the custom Spanner instance configuration "${shown}" is not declared here (no ${CONFIG_TYPE} of that name), so its base configuration and replicas are not known`
    : `Spanner instance configuration "${shown}" is not one the catalog lists (a configuration newer than the catalog, or a typo)`;
}

/** `regional-europe-west3` → `europe-west3`, `nam3` → `spanner:nam3`; undefined when the catalog lists no such base configuration. */
export function baseConfigLocation(value: string): string | undefined {
  const name = value.replace(CONFIG_PATH, '');
  const regional = /^regional-([a-z0-9-]+)$/.exec(name);
  if (regional) {
    return regional[1];
  }
  return lookupRegion('gcp', SPANNER_PREFIX + name)?.region.id;
}

/** A custom instance configuration of this module, with the instance of it that is meant. */
export interface CustomConfig {
  decl: ResourceDecl;
  ri: Instance<unknown> | undefined;
  label: string;
}

function unwrap(e: Expression): Expression {
  while (e.kind === 'parentheses') {
    e = e.expr;
  }
  return e.kind === 'template' && e.parts.length === 1 && e.parts[0].kind === 'interpolation' ? e.parts[0].expr : e;
}

/**
 * The `google_spanner_instance_config` that a `config` names: by reference
 * (`google_spanner_instance_config.c.name`), else the one whose `name` is the same text.
 */
export function customConfigOf(
  inst: ModuleInstance,
  expr: Expression,
  value: string,
  env: Env,
): CustomConfig | undefined {
  const ref = unwrap(expr);
  const first = ref.kind === 'scopeTraversal' ? ref.steps[0] : undefined;
  if (ref.kind === 'scopeTraversal' && ref.root === CONFIG_TYPE && first?.kind === 'attr') {
    const decl = inst.cfg.byAddress.get(`${CONFIG_TYPE}.${first.name}`);
    const picked = decl ? inst.pickInstance(decl, ref.steps.slice(1), env) : undefined;
    if (decl && picked && !('value' in picked)) {
      return { decl, ri: picked.instance, label: `${CONFIG_TYPE}.${decl.name}${picked.instance?.suffix ?? ''}` };
    }
  }
  const name = value.replace(CONFIG_PATH, '');
  for (const decl of inst.cfg.resources) {
    const a = decl.mode === 'managed' && decl.type === CONFIG_TYPE ? decl.block.body.attributes : [];
    const nameAttr = a.find((x) => x.name === 'name');
    for (const ri of nameAttr ? knownOrOpaque(inst.instancesOf(decl)) : []) {
      const v = evaluate(nameAttr!.expr, inst.env(fileFor(inst.cfg, nameAttr!, decl), ri));
      if (v.t === 'str' && v.v.replace(CONFIG_PATH, '') === name) {
        return { decl, ri, label: `${CONFIG_TYPE}.${decl.name}${ri.suffix}` };
      }
    }
  }
  return undefined;
}

/** Where an instance whose `config` is `value` is, or why that is not known. */
export function spannerLocation(inst: ModuleInstance, value: string, expr: Expression, env: Env): SpannerPlace {
  const base = baseConfigLocation(value);
  if (base) {
    return { region: base, steps: [] };
  }
  const custom = customConfigOf(inst, expr, value, env);
  if (!custom) {
    return { reason: unknownConfigReason(value), steps: [] };
  }
  const steps: ProvenanceStep[] = [
    {
      description: `custom configuration ${custom.label}`,
      location: { file: custom.decl.file, range: custom.decl.block.typeRange },
    },
  ];
  const a = custom.decl.block.body.attributes.find((x) => x.name === 'base_config');
  if (!a) {
    return { reason: `${custom.label} sets no base_config, so where its replicas are is not known`, steps };
  }
  const file = fileFor(inst.cfg, a, custom.decl);
  const v = evaluate(a.expr, inst.env(file, custom.ri));
  steps.push({ description: 'base_config argument', location: { file, range: a.range } }, ...v.o.steps);
  if (v.t !== 'str') {
    const why = v.t === 'unknown' ? v.reason : 'it is not a string';
    return { reason: `the base configuration of ${custom.label} is not known statically: ${why}`, steps };
  }
  return { ...customBaseLocation(v.v, custom.label), steps };
}

/** Where a custom configuration (`label`) whose `base_config` is `value` is placed, or why that is not known. */
export function customBaseLocation(value: string, label: string): { region: string } | { reason: string } {
  const b = baseConfigLocation(value);
  return b
    ? { region: b }
    : { reason: `the base configuration "${value.slice(0, MAX_SHOWN)}" of ${label} is not one the catalog lists` };
}
