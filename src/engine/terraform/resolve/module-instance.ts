import { MAX_EVAL_DEPTH, tooDeep } from '../../evaluation';
import type { ProvenanceStep } from '../../model';
import type { Decl, ModuleCallDecl, ModuleConfig, ProviderDecl, ResourceDecl } from '../config/module-config';
import { fileFor } from '../config/module-config';
import type { VarSource } from '../config/var-files';
import { type Env, evaluate, type Scope } from '../eval/evaluate';
import type { FileAccess } from '../eval/file-functions';
import { applyTypeDefaults } from '../eval/type-defaults';
import { failure, unknown, type Val, withStep } from '../eval/values';
import type { Attribute, TraversalStep } from '../parser';
import { expandInstances, type Instance, instanceAddress } from './instances';
import { childInstances } from './module-calls';
import { dataSourceValue, resourceRegionValue } from './references';

/** A provider configuration as seen from a module instance. */
export interface ProviderConfig {
  /** Provider type (`aws`, `google-beta`). */
  providerType: string;
  /** The `provider` block, or undefined for the implied empty configuration. */
  decl?: ProviderDecl;
  /** Where the block is evaluated. */
  owner: ModuleInstance;
  /** How it reached this module (`providers = { ... }`, inheritance), nearest first. */
  via: ProvenanceStep[];
  /** For a provider block with `for_each` (OpenTofu): the chosen instance key, or why it is unknown. */
  instanceKey?: Val;
}

/** What a whole analysis shares: every loaded module directory, and registry module directories. */
export interface Workspace {
  modules: Map<string, ModuleConfig>;
  /** `.terraform/modules/modules.json`: module key path (`vpc.subnets`) → directory. */
  installed: Map<string, string>;
  /** The root module's instance, from which every module instance of the analysis is reached. */
  root?: ModuleInstance;
  /** Evaluations in progress across all module instances of this analysis. */
  activeGuards: number;
  /** What Terraform's file functions read (absent: they stay unknown). */
  files?: FileAccess;
  /** Environment variables Terraform would see (`--env`), if the user asked for them. */
  environment?: Readonly<Record<string, string>>;
  /**
   * Module calls without a module to read (not installed) that deploy something in some instance of their
   * module: `count` or `for_each` not known to be empty. Filled as the analysis reaches them.
   */
  deploying?: Set<ModuleCallDecl>;
}

const MAX_MODULE_DEPTH = 12;

/**
 * One instance of a module (the root, or one key of a module call's `for_each`/`count`), with the
 * values of its variables and its provider configurations. Variables, locals and outputs are
 * evaluated lazily and memoised; a local that refers to itself yields an unknown, never a loop.
 */
export class ModuleInstance {
  private readonly vars = new Map<string, Val>();
  private readonly locals = new Map<string, Val>();
  private readonly outputs = new Map<string, Val>();
  private readonly active = new Set<string>();
  private readonly expansions = new Map<object, Instance<undefined>[] | Val>();
  private readonly children = new Map<string, Instance<ModuleInstance>[] | Val>();

  constructor(
    readonly ws: Workspace,
    readonly cfg: ModuleConfig,
    /** `module.a["x"].module.b`, or null at the root. */
    readonly address: string | null,
    /** Module call names from the root (`['vpc', 'subnets']`), for `modules.json`. */
    readonly keyPath: string[],
    private readonly inputs: Map<string, VarSource>,
    readonly providers: Map<string, ProviderConfig>,
    readonly depth: number,
    /** Describes where inputs come from: root variables files or the caller's module block. */
    private readonly isRoot: boolean,
  ) {}

  /** Guards an evaluation against cycles (a local or resource that depends on itself). */
  guard<T = Val>(key: string, run: () => T | Val): T | Val {
    if (this.active.has(key)) {
      return unknown(`${key} refers to itself`);
    }
    // One budget for the whole analysis, so chains through modules cannot exhaust the stack either.
    if (this.ws.activeGuards >= MAX_EVAL_DEPTH) {
      return unknown(tooDeep(key));
    }
    this.active.add(key);
    this.ws.activeGuards++;
    try {
      return run();
    } finally {
      this.active.delete(key);
      this.ws.activeGuards--;
    }
  }

  variable(name: string): Val {
    const hit = this.vars.get(name);
    if (hit) {
      return hit;
    }
    const v = this.guard(`var.${name}`, () => this.computeVariable(name));
    this.vars.set(name, v);
    return v;
  }

  private computeVariable(name: string): Val {
    const v = this.rawVariable(name);
    const decl = this.cfg.variables.get(name);
    const type = decl?.block.body.attributes.find((a) => a.name === 'type');
    return type && decl ? applyTypeDefaults(v, type.expr, this.env(fileFor(this.cfg, type, decl))) : v;
  }

  private rawVariable(name: string): Val {
    const decl = this.cfg.variables.get(name);
    const input = this.inputs.get(name);
    if (input) {
      const v = input();
      if (v.t !== 'null' || !decl) {
        return v;
      }
    }
    if (!decl) {
      return unknown(`var.${name} is not declared in ${this.address || 'the root module'}`);
    }
    const dflt = decl.block.body.attributes.find((a) => a.name === 'default');
    if (dflt) {
      return withStep(evaluate(dflt.expr, this.env(fileFor(this.cfg, dflt, decl))), {
        description: `var.${name} default`,
        location: { file: fileFor(this.cfg, dflt, decl), range: dflt.range },
      });
    }
    return unknown(
      this.isRoot
        ? `var.${name} has no default and no tfvars file, var file or --var sets it`
        : `var.${name} has no default and ${this.address} does not set it`,
    );
  }

  local(name: string): Val {
    const hit = this.locals.get(name);
    if (hit) {
      return hit;
    }
    const decl = this.cfg.locals.get(name);
    if (!decl) {
      return failure(`local.${name} is not declared`);
    }
    const v = this.guard(`local.${name}`, () =>
      withStep(evaluate(decl.attr.expr, this.env(decl.file)), {
        description: `local.${name}`,
        location: { file: decl.file, range: decl.attr.range },
      }),
    );
    this.locals.set(name, v);
    return v;
  }

  /** An evaluation environment in this module, optionally inside one resource or module instance. */
  env(file: string, inst?: Instance<unknown>): Env {
    const scope: Scope = {
      variable: (n) => this.variable(n),
      local: (n) => this.local(n),
      each: inst?.each,
      count: inst?.count,
      reference: (root, steps, env) => this.reference(root, steps, env),
      files: this.ws.files,
      moduleDir: this.cfg.dir,
    };
    return { scope, file };
  }

  /** The instances of a local module call (evaluated once), or an unknown when they cannot be known. */
  moduleInstances(call: ModuleCallDecl): Instance<ModuleInstance>[] | Val {
    const hit = this.children.get(call.name);
    if (hit) {
      return hit;
    }
    const out =
      this.depth >= MAX_MODULE_DEPTH
        ? unknown(`module nesting deeper than ${MAX_MODULE_DEPTH} levels`)
        : childInstances(this, call);
    this.children.set(call.name, out);
    return out;
  }

  private reference(root: string, steps: TraversalStep[], env: Env): { value: Val; used: number } | undefined {
    const a0 = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
    if (!a0) {
      return undefined;
    }
    if (root === 'module') {
      return this.moduleOutput(a0, steps.slice(1), env);
    }
    if (root === 'data') {
      const a1 = steps[1]?.kind === 'attr' ? steps[1].name : undefined;
      const decl = a1 ? this.cfg.byAddress.get(`data.${a0}.${a1}`) : undefined;
      if (!decl) {
        return { value: failure(`data.${a0}.${a1 ?? ''} is not declared`), used: steps.length };
      }
      return dataSourceValue(this, decl, steps.slice(2), env);
    }
    const decl = this.cfg.byAddress.get(`${root}.${a0}`);
    if (!decl) {
      return undefined;
    }
    return this.resourceAttribute(decl, steps.slice(1), env);
  }

  /** `type.name[key].attr`: an argument written in that resource instance's body. */
  private resourceAttribute(
    decl: ResourceDecl,
    steps: TraversalStep[],
    env: Env,
  ): { value: Val; used: number } | undefined {
    const picked = this.pickInstance(decl, steps, env);
    if ('value' in picked) {
      return { value: picked.value, used: steps.length + 1 };
    }
    const attrStep = steps[picked.used];
    const attrName = attrStep?.kind === 'attr' ? attrStep.name : undefined;
    const label = `${decl.type}.${decl.name}`;
    if (!attrName) {
      return { value: unknown(`${label} as a whole is not evaluated statically`), used: steps.length + 1 };
    }
    const attr = decl.block.body.attributes.find((a) => a.name === attrName);
    const used = picked.used + 2;
    if (!attr) {
      const region = resourceRegionValue(this, decl, picked.instance, attrName);
      if (region) {
        return { value: region, used };
      }
      const after: Val = {
        t: 'unknown',
        reason: `${label}.${attrName} is only known after apply`,
        of: { inst: this, decl, key: picked.instance?.key },
        o: { steps: [] },
      };
      return { value: after, used };
    }
    const file = fileFor(this.cfg, attr, decl);
    const value = this.guard(`${instanceAddress(label, picked.instance)}.${attrName}`, () =>
      evaluate(attr.expr, this.env(file, picked.instance)),
    );
    return {
      value: withStep(value, {
        description: `${instanceAddress(label, picked.instance)}.${attrName}`,
        location: { file, range: attr.range },
      }),
      used,
    };
  }

  /** The instances of a resource or module block in this module instance (memoised). */
  instancesOf(decl: Decl): Instance<undefined>[] | Val {
    const hit = this.expansions.get(decl.block);
    if (hit) {
      return hit;
    }
    const value = this.guard<Instance<undefined>[]>(
      `instances of ${decl.block.labels.map((l) => l.value).join('.')}`,
      () => expandInstances(decl.block, this.env(decl.file)),
    );
    this.expansions.set(decl.block, value);
    return value;
  }

  /** Chooses the instance of a resource that a reference names (`x.y` or `x.y["k"]`). */
  pickInstance(
    decl: ResourceDecl | ModuleCallDecl,
    steps: TraversalStep[],
    env: Env,
  ): { instance?: Instance<unknown>; used: number } | { value: Val } {
    const expanded = this.instancesOf(decl);
    if (!Array.isArray(expanded)) {
      return { value: expanded };
    }
    if (expanded.length === 1 && expanded[0].key === undefined) {
      return { instance: undefined, used: 0 };
    }
    const s = steps[0];
    if (s?.kind !== 'index') {
      return { value: unknown('a reference to all instances is not evaluated statically') };
    }
    const k = evaluate(s.key, env);
    if (k.t === 'unknown') {
      return { value: k };
    }
    const key = k.t === 'str' ? k.v : k.t === 'num' ? String(k.v) : undefined;
    const inst = expanded.find((i) => i.key === key);
    return inst ? { instance: inst, used: 1 } : { value: failure(`no instance [${key ?? '?'}]`) };
  }

  private moduleOutput(name: string, steps: TraversalStep[], env: Env): { value: Val; used: number } {
    const call = this.cfg.modules.get(name);
    if (!call) {
      return { value: failure(`module.${name} is not declared`), used: steps.length + 1 };
    }
    const instances = this.moduleInstances(call);
    if (!Array.isArray(instances)) {
      return { value: instances, used: steps.length + 1 };
    }
    let used = 1;
    let child = instances.length === 1 && instances[0].key === undefined ? instances[0] : undefined;
    if (!child) {
      const s = steps[0];
      const k = s?.kind === 'index' ? evaluate(s.key, env) : undefined;
      const key = k?.t === 'str' ? k.v : k?.t === 'num' ? String(k.v) : undefined;
      child = instances.find((i) => i.key === key);
      used = 2;
    }
    const outStep = steps[used - 1];
    if (!child || outStep?.kind !== 'attr') {
      return { value: unknown(`module.${name} is not evaluated as a whole`), used: steps.length + 1 };
    }
    const target = child.value;
    const out = target.cfg.outputs.get(outStep.name);
    const valueAttr = out?.block.body.attributes.find((a) => a.name === 'value');
    if (!out || !valueAttr) {
      return { value: failure(`module.${name} has no output ${outStep.name}`), used: used + 1 };
    }
    return { value: target.output(outStep.name, out, valueAttr), used: used + 1 };
  }

  /** An output's value with the step that names it, evaluated once per module instance (as locals are). */
  private output(name: string, decl: Decl, valueAttr: Attribute): Val {
    const hit = this.outputs.get(name);
    if (hit) {
      return hit;
    }
    const file = fileFor(this.cfg, valueAttr, decl);
    const v = withStep(
      this.guard(`output.${name}`, () => evaluate(valueAttr.expr, this.env(file))),
      { description: `output "${name}" of ${this.address}`, location: { file, range: valueAttr.range } },
    );
    this.outputs.set(name, v);
    return v;
  }
}
