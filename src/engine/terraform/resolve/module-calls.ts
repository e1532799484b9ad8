import { join } from '../../workspace/paths';
import type { ModuleCallDecl, ModuleConfig } from '../config/module-config';
import { fileFor } from '../config/module-config';
import type { VarSource } from '../config/var-files';
import { evaluate } from '../eval/evaluate';
import { unknown, type Val, withStep } from '../eval/values';
import { type Expression, literalString, traversalToPath } from '../parser';
import type { Instance } from './instances';
import { ModuleInstance, type ProviderConfig } from './module-instance';

/** Arguments of a module block that are not input variables. */
const META = new Set(['source', 'version', 'providers', 'for_each', 'count', 'depends_on']);

/** Whether a module source is a local path (the only kind Terraform reads straight from disk). */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../');
}

/** The directory a module call loads, if we have it: a local path, or a registry module installed by `terraform init`. */
export function moduleDir(parent: ModuleInstance, call: ModuleCallDecl): string | undefined {
  if (!call.source) {
    return undefined;
  }
  if (isLocalSource(call.source)) {
    return join(parent.cfg.dir, call.source);
  }
  return parent.ws.installed.get([...parent.keyPath, call.name].join('.'));
}

/** `aws.eu` from a reference, or from a string in HCL JSON (where references are written as strings). */
export function providerRef(expr: Expression): string | undefined {
  const lit = literalString(expr);
  if (lit !== undefined) {
    return /^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)?$/.test(lit) ? lit : undefined;
  }
  const path = traversalToPath(expr);
  return path && path.length <= 2 && path.every((p) => typeof p === 'string') ? path.join('.') : undefined;
}

/** An empty configuration for a provider that has no `provider` block: it still exists, with no arguments. */
export function impliedProvider(owner: ModuleInstance, localName: string): ProviderConfig {
  return { providerType: owner.cfg.requiredProviders.get(localName) ?? localName, owner, via: [] };
}

/**
 * The provider configurations a child module sees. With a `providers` map, exactly those (renamed);
 * without one, every default (non-aliased) configuration of the parent. The child's own `provider`
 * blocks (legacy modules) are added afterwards by the instance itself.
 */
function childProviders(
  parent: ModuleInstance,
  call: ModuleCallDecl,
  inst: Instance<undefined>,
): Map<string, ProviderConfig> {
  const out = new Map<string, ProviderConfig>();
  const attr = call.block.body.attributes.find((a) => a.name === 'providers');
  const file = attr ? fileFor(parent.cfg, attr, call) : call.file;
  if (attr?.expr.kind === 'object') {
    for (const item of attr.expr.items) {
      const childKey = providerRef(item.key) ?? (item.key.kind === 'literal' ? String(item.key.value) : undefined);
      const sel = providerSelection(item.value);
      const parentKey = sel?.key;
      if (!childKey || !parentKey) {
        continue;
      }
      const base = parent.providers.get(parentKey) ?? impliedProvider(parent, parentKey.split('.')[0]);
      const pc = sel.index ? { ...base, instanceKey: evaluate(sel.index, parent.env(file, inst)) } : base;
      const step = {
        description: `providers = { ${childKey} = ${parentKey} } in module "${call.name}"`,
        location: { file, range: item.range },
      };
      out.set(childKey, { ...pc, via: [step, ...pc.via] });
    }
    return out;
  }
  for (const [key, pc] of parent.providers) {
    if (!key.includes('.')) {
      const step = {
        description: `provider "${key}" inherited by module "${call.name}"`,
        location: { file: call.file, range: call.block.typeRange },
      };
      out.set(key, { ...pc, via: [step, ...pc.via] });
    }
  }
  return out;
}

/**
 * A provider reference with an optional instance index: `aws.eu`, `aws.by_region[each.key]`
 * (OpenTofu provider `for_each`), or a string in HCL JSON.
 */
export function providerSelection(expr: Expression): { key: string; index?: Expression } | undefined {
  const key = providerRef(expr);
  if (key) {
    return { key };
  }
  let e = expr;
  if (e.kind === 'template' && e.parts.length === 1 && e.parts[0].kind === 'interpolation') {
    e = e.parts[0].expr;
  }
  if (
    e.kind !== 'scopeTraversal' ||
    e.steps.length !== 2 ||
    e.steps[0].kind !== 'attr' ||
    e.steps[1].kind !== 'index'
  ) {
    return undefined;
  }
  return { key: `${e.root}.${e.steps[0].name}`, index: e.steps[1].key };
}

/** Adds a module's own `provider` blocks (legacy shared modules, and the root module). */
export function addOwnProviders(inst: ModuleInstance): void {
  for (const p of inst.cfg.providers) {
    const key = p.alias ? `${p.localName}.${p.alias}` : p.localName;
    inst.providers.set(key, {
      providerType: inst.cfg.requiredProviders.get(p.localName) ?? p.localName,
      decl: p,
      owner: inst,
      via: [],
    });
  }
}

function inputsFor(parent: ModuleInstance, call: ModuleCallDecl, inst: Instance<undefined>): Map<string, VarSource> {
  const inputs = new Map<string, VarSource>();
  for (const a of call.block.body.attributes) {
    if (META.has(a.name)) {
      continue;
    }
    const file = fileFor(parent.cfg, a, call);
    inputs.set(a.name, () =>
      withStep(evaluate(a.expr, parent.env(file, inst)), {
        description: `module input ${a.name} of module "${call.name}"${inst.suffix}`,
        location: { file, range: a.range },
      }),
    );
  }
  return inputs;
}

/**
 * Instances to analyse: the expansion, or when `for_each`/`count` is unknown one opaque instance in
 * which `each` and `count` are that unknown (so its resources are still listed, their region unknown).
 */
export function knownOrOpaque(expanded: Instance<undefined>[] | Val): Instance<undefined>[] {
  return Array.isArray(expanded) ? expanded : [{ suffix: '', each: expanded, count: expanded, value: undefined }];
}

/** The instances of a module call, each a {@link ModuleInstance} with its inputs and providers. */
export function childInstances(parent: ModuleInstance, call: ModuleCallDecl): Instance<ModuleInstance>[] | Val {
  const dir = moduleDir(parent, call);
  const cfg: ModuleConfig | undefined = dir ? parent.ws.modules.get(dir) : undefined;
  if (!cfg) {
    // Whether it deploys anything at all: a module switched off (`count = 0`) is not worth a notice.
    const expanded = parent.instancesOf(call);
    if (!Array.isArray(expanded) || expanded.length > 0) {
      parent.ws.deploying?.add(call);
    }
    return unknown(
      call.source && !isLocalSource(call.source)
        ? // What to do comes before the source, which may be long: reasons are capped.
          `module "${call.name}" is not installed (run terraform init); it comes from "${call.source}"`
        : `module "${call.name}" has no readable source directory`,
    );
  }
  const expanded = knownOrOpaque(parent.instancesOf(call));
  return expanded.map((inst) => {
    const address = `${parent.address ? `${parent.address}.` : ''}module.${call.name}${inst.suffix}`;
    const child = new ModuleInstance(
      parent.ws,
      cfg,
      address,
      [...parent.keyPath, call.name],
      inputsFor(parent, call, inst),
      childProviders(parent, call, inst),
      parent.depth + 1,
      false,
    );
    addOwnProviders(child);
    return { ...inst, value: child };
  });
}
