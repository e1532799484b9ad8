import { own } from '../../own';
import type { ResourceDecl } from '../config/module-config';
import { fileFor } from '../config/module-config';
import type { Env } from '../eval/evaluate';
import { evaluate } from '../eval/evaluate';
import { str, unknown, type Val, withStep } from '../eval/values';
import { regionSpec } from '../knowledge/region-attributes';
import type { TraversalStep } from '../parser';
import type { Instance } from './instances';
import type { ModuleInstance } from './module-instance';
import { providerOf, resolveRegion } from './region';

/** Data sources whose region attributes simply echo the provider configuration's region. */
const REGION_ECHO: Record<string, string[]> = {
  aws_region: ['name', 'id', 'region'],
  google_client_config: ['region', 'zone'],
};

function regionAsVal(inst: ModuleInstance, decl: ResourceDecl, ri: Instance<unknown> | undefined): Val {
  const r = resolveRegion(inst, decl, ri);
  if (r.region.kind === 'unknown') {
    return unknown(r.region.reason, { steps: r.provenance });
  }
  return str(r.region.value, { steps: r.provenance, loc: r.regionLocation });
}

/**
 * `type.name.region` / `.location` when the body does not set it: the provider fills it in (AWS v6
 * `region`, Google `region`), so it equals the resolved region. Undefined for any other attribute.
 */
export function resourceRegionValue(
  inst: ModuleInstance,
  decl: ResourceDecl,
  ri: Instance<unknown> | undefined,
  attrName: string,
): Val | undefined {
  const { pc } = providerOf(inst, decl, ri);
  if (!regionSpec(pc.providerType).resource.includes(attrName)) {
    return undefined;
  }
  return inst.guard(`${decl.type}.${decl.name}.${attrName}`, () => regionAsVal(inst, decl, ri));
}

/** `data.type.name[key].attr`: arguments written in the block, the provider's region for region-echo data sources, else unknown. */
export function dataSourceValue(
  inst: ModuleInstance,
  decl: ResourceDecl,
  steps: TraversalStep[],
  env: Env,
): { value: Val; used: number } {
  const total = steps.length + 2;
  const picked = inst.pickInstance(decl, steps, env);
  if ('value' in picked) {
    return { value: picked.value, used: total };
  }
  const s = steps[picked.used];
  const label = `data.${decl.type}.${decl.name}`;
  if (s?.kind !== 'attr') {
    return { value: unknown(`${label} is read at plan time`), used: total };
  }
  const used = picked.used + 3;
  const attr = decl.block.body.attributes.find((a) => a.name === s.name);
  if (attr) {
    const file = fileFor(inst.cfg, attr, decl);
    const v = evaluate(attr.expr, inst.env(file, picked.instance));
    return { value: withStep(v, { description: `${label}.${s.name}`, location: { file, range: attr.range } }), used };
  }
  if (own(REGION_ECHO, decl.type)?.includes(s.name)) {
    const v = inst.guard(label, () => regionAsVal(inst, decl, picked.instance));
    return { value: withStep(v, { description: `${label}.${s.name} (the provider's region)` }), used };
  }
  return { value: unknown(`${label}.${s.name} is read from the cloud at plan time`), used };
}
