import type { ExtractedCopy, ProvenanceStep, SourceRange } from '../../model';
import type { ModuleConfig, ResourceDecl } from '../config/module-config';
import { type Env, evaluate } from '../eval/evaluate';
import { map, type ResourceRef, str, type Val } from '../eval/values';
import type { Block, Body, Expression, ScopeTraversalExpression } from '../parser';
import type { Instance } from './instances';
import { knownOrOpaque } from './module-calls';
import type { ModuleInstance } from './module-instance';
import { type RegionResult, resolveRegion } from './region';

/**
 * Where the copy rules (copies.ts) read copy targets from a Terraform configuration: nested blocks
 * (also `dynamic` ones), values written as regions, other resources the configuration names, and the
 * resources that point at a resource. Each copy is placed by the region resolution of what it names.
 */

/**
 * The module's resources of one type, indexed once per module configuration: copy rules look for the
 * resources that point at a resource (replication configurations, replicas), and scanning every
 * resource of the module for each resource made a file of 150,000 buckets quadratic.
 */
const byType = new WeakMap<ModuleConfig, Map<string, ResourceDecl[]>>();

export function ofType(s: Subject, type: string): readonly ResourceDecl[] {
  return ofTypeIn(s.inst.cfg, type);
}

function ofTypeIn(cfg: ModuleConfig, type: string): readonly ResourceDecl[] {
  let index = byType.get(cfg);
  if (!index) {
    index = new Map();
    for (const r of cfg.resources) {
      if (r.mode === 'managed') {
        const list = index.get(r.type);
        if (list) {
          list.push(r);
        } else {
          index.set(r.type, [r]);
        }
      }
    }
    byType.set(cfg, index);
  }
  return index.get(type) ?? [];
}

/** What the copy rules of one resource need: its module instance, declaration, instance and region. */
export interface Subject {
  inst: ModuleInstance;
  decl: ResourceDecl;
  ri: Instance<unknown> | undefined;
  primary: RegionResult;
  providerId: string;
}

export type Kind = ExtractedCopy['kind'];

/** A blocks' bodies with the environment to evaluate each in: literal blocks and expanded `dynamic` blocks. */
export interface BodyInEnv {
  body: Body;
  env: Env;
  block: Block;
}

const MAX_DYNAMIC = 64;

/**
 * Bodies of the nested blocks named `path` (e.g. `["rule", "destination"]`), including `dynamic`
 * blocks whose `for_each` is known: the iterator is bound as Terraform binds it (`<name>.key`,
 * `<name>.value`). A dynamic block whose `for_each` is not known yields one copy with the reason.
 */
export function nestedBodies(body: Body, env: Env, path: string[], unknowns: string[]): BodyInEnv[] {
  if (path.length === 0) {
    return [];
  }
  const [name, ...rest] = path;
  const out: BodyInEnv[] = [];
  for (const b of body.blocks) {
    if (b.type === name) {
      out.push(...(rest.length === 0 ? [{ body: b.body, env, block: b }] : nestedBodies(b.body, env, rest, unknowns)));
    } else if (b.type === 'dynamic' && b.labels[0]?.value === name) {
      const content = b.body.blocks.find((c) => c.type === 'content');
      const forEach = b.body.attributes.find((a) => a.name === 'for_each');
      const iteratorAttr = b.body.attributes.find((a) => a.name === 'iterator');
      const iterator =
        iteratorAttr?.expr.kind === 'scopeTraversal' && iteratorAttr.expr.steps.length === 0
          ? iteratorAttr.expr.root
          : name;
      if (!content || !forEach) {
        continue;
      }
      const v = evaluate(forEach.expr, env);
      const items: Array<[Val, Val]> =
        v.t === 'list'
          ? v.items.map((x, i) => [str(String(i)), x])
          : v.t === 'map'
            ? [...v.entries].map(([k, x]) => [str(k), x])
            : [];
      if (v.t === 'unknown') {
        unknowns.push(`dynamic "${name}" blocks whose for_each is not known statically: ${v.reason}`);
      }
      for (const [key, value] of items.slice(0, MAX_DYNAMIC)) {
        const bound = new Map(env.bound ?? []);
        bound.set(
          iterator,
          map(
            new Map([
              ['key', key],
              ['value', value],
            ]),
          ),
        );
        const inner = { ...env, bound };
        out.push(
          ...(rest.length === 0
            ? [{ body: content.body, env: inner, block: b }]
            : nestedBodies(content.body, inner, rest, unknowns)),
        );
      }
    }
  }
  return out;
}

export function attrValue(b: BodyInEnv, name: string): { v: Val; step: ProvenanceStep } | undefined {
  const a = b.body.attributes.find((x) => x.name === name);
  if (!a) {
    return undefined;
  }
  return {
    v: evaluate(a.expr, b.env),
    step: { description: `${name} argument`, location: { file: b.env.file, range: a.range } },
  };
}

/** Copies at regions written as a value (a replica block's `region`, a list of data locations). */
export function fromValue(s: Subject, kind: Kind, v: Val, step: ProvenanceStep): ExtractedCopy[] {
  const provenance = [step, ...v.o.steps];
  if (v.t === 'null') {
    return [];
  }
  if (v.t === 'list') {
    return v.items.flatMap((item) => fromValue(s, kind, item, step));
  }
  if (v.t === 'str') {
    return [{ kind, provider: s.providerId, region: { kind: 'known', value: v.v }, provenance }];
  }
  const reason = v.t === 'unknown' ? v.reason : 'the region value is not a string';
  return [{ kind, provider: s.providerId, region: { kind: 'unknown', reason }, provenance }];
}

/** Strips parentheses and `"${x}"` around a reference. */
export function reference(e: Expression): ScopeTraversalExpression | undefined {
  while (e.kind === 'parentheses') {
    e = e.expr;
  }
  if (e.kind === 'template' && e.parts.length === 1 && e.parts[0].kind === 'interpolation') {
    e = e.parts[0].expr;
  }
  return e.kind === 'scopeTraversal' && e.steps[0]?.kind === 'attr' ? e : undefined;
}

/** The resource of the module a reference names (`aws_s3_bucket.dr.arn` → `aws_s3_bucket.dr`). */
export function resourceOf(s: Subject, ref: ScopeTraversalExpression | undefined): ResourceDecl | undefined {
  const first = ref?.steps[0];
  return ref && first?.kind === 'attr' ? s.inst.cfg.byAddress.get(`${ref.root}.${first.name}`) : undefined;
}

/** A copy at another managed resource the configuration names (a destination bucket, a backup vault). */
export function atReferenced(
  s: Subject,
  kind: Kind,
  what: string,
  b: BodyInEnv,
  attr: string,
): ExtractedCopy | undefined {
  const a = b.body.attributes.find((x) => x.name === attr);
  if (!a) {
    return undefined;
  }
  const step: ProvenanceStep = { description: `${attr} argument`, location: { file: b.env.file, range: a.range } };
  const ref = reference(a.expr);
  const target = resourceOf(s, ref);
  if (!ref || !target) {
    const v = evaluate(a.expr, b.env);
    const named = v.t === 'unknown' ? resourceNamed(v.of) : undefined;
    if (named) {
      // Another module's resource, reached through a variable or a module output.
      const label = `${what} ${addressIn(named.inst, named.decl, named.ri)}`;
      return fromRegion(s, kind, label, step, named.inst, named.decl, named.ri, v.o.steps);
    }
    return {
      kind,
      provider: s.providerId,
      region: {
        kind: 'unknown',
        reason: `the ${what} is not a resource of this configuration${v.t === 'str' ? ' (an ARN or name written as text)' : ''}, so its region is not known`,
      },
      provenance: [step],
    };
  }
  const picked = s.inst.pickInstance(target, ref.steps.slice(1), b.env);
  if ('value' in picked) {
    const reason = picked.value.t === 'unknown' ? picked.value.reason : `the ${what} instance is not known`;
    return { kind, provider: s.providerId, region: { kind: 'unknown', reason }, provenance: [step] };
  }
  return fromRegion(
    s,
    kind,
    `${what} ${target.type}.${target.name}${picked.instance?.suffix ?? ''}`,
    step,
    s.inst,
    target,
    picked.instance,
  );
}

function fromRegion(
  s: Subject,
  kind: Kind,
  label: string,
  step: ProvenanceStep,
  inst: ModuleInstance,
  target: ResourceDecl,
  ri: Instance<unknown> | undefined,
  via: readonly ProvenanceStep[] = [],
): ExtractedCopy {
  const r = resolveRegion(inst, target, ri);
  const provenance = [
    step,
    ...via,
    { description: label, location: { file: target.file, range: target.block.typeRange } },
    ...r.provenance,
  ];
  return { kind, provider: r.providerId ?? s.providerId, region: r.region, provenance };
}

/** The value of the item `key` of an object written as a literal (`{ source_dataset_id = ... }`). */
function itemOf(e: Expression, key: string): Expression | undefined {
  const named = (k: Expression) =>
    k.kind === 'scopeTraversal' ? k.root === key && k.steps.length === 0 : k.kind === 'literal' && k.value === key;
  return e.kind === 'object' ? e.items.find((i) => named(i.key))?.value : undefined;
}

/** Whether `e` refers to `decl` (any attribute of it), and to the instance `ri` when it names one. */
export function refersTo(e: Expression, decl: ResourceDecl, ri: Instance<unknown> | undefined, env: Env): boolean {
  const ref = reference(e);
  if (!ref || ref.root !== decl.type || ref.steps[0].kind !== 'attr' || ref.steps[0].name !== decl.name) {
    return false;
  }
  const index = ref.steps[1];
  if (index?.kind !== 'index' || ri?.key === undefined) {
    return true;
  }
  const k = evaluate(index.key, env);
  return (k.t === 'str' || k.t === 'num') && String(k.v) === ri.key;
}

/**
 * The instances of the module's `type` resources (other than the subject) whose `attr` refers to
 * `target` — by default the subject's own instance: a replica's `replicate_source_db`, a replication
 * configuration's `bucket`, a failover group's `server_id`, the members of a global database.
 */
export function* pointingAt(
  s: Subject,
  type: string,
  attr: string,
  target: ResourceDecl = s.decl,
  ri: Instance<unknown> | undefined = s.ri,
  key?: string,
): Generator<{
  other: ResourceDecl;
  oi: Instance<undefined>;
  env: Env;
  at: SourceRange;
  inst: ModuleInstance;
  /** How the argument's value leads to the resource, when it does through variables and outputs. */
  via: readonly ProvenanceStep[];
}> {
  for (const other of ofType(s, type)) {
    const a = other === s.decl ? undefined : other.block.body.attributes.find((x) => x.name === attr);
    const e = a && key !== undefined ? itemOf(a.expr, key) : a?.expr;
    if (!a || !e) {
      continue;
    }
    for (const oi of knownOrOpaque(s.inst.instancesOf(other))) {
      const env = s.inst.env(other.file, oi);
      if (refersTo(e, target, ri, env)) {
        yield { other, oi, env, at: a.range, inst: s.inst, via: [] };
      }
    }
  }
  // Resources of other module instances whose argument names this one through variables and module
  // outputs (a read replica in `module.replica` of the database in `module.master`).
  for (const n of namingArguments(s.inst, type, attr)) {
    if (n.named.inst === s.inst && n.named.decl === target && n.named.key === ri?.key) {
      yield { other: n.other, oi: n.oi, env: n.env, at: n.at, inst: n.inst, via: n.via };
    }
  }
}

/** A resource instance's address with its module (`module.replica.aws_db_instance.this[0]`). */
function addressIn(inst: ModuleInstance, decl: ResourceDecl, ri: Instance<unknown> | undefined): string {
  return `${inst.address ? `${inst.address}.` : ''}${decl.type}.${decl.name}${ri?.suffix ?? ''}`;
}

/** The resource instance a value names, when it is an attribute of one known only after apply. */
function resourceNamed(
  of: ResourceRef | undefined,
): { inst: ModuleInstance; decl: ResourceDecl; ri: Instance<unknown> | undefined } | undefined {
  if (!of) {
    return undefined;
  }
  const inst = of.inst as ModuleInstance;
  const decl = of.decl as ResourceDecl;
  const expanded = inst.instancesOf(decl);
  const ri = Array.isArray(expanded) ? expanded.find((i) => i.key === of.key) : undefined;
  return { inst, decl, ri };
}

interface NamingArgument {
  inst: ModuleInstance;
  other: ResourceDecl;
  oi: Instance<undefined>;
  env: Env;
  at: SourceRange;
  named: ResourceRef;
  via: readonly ProvenanceStep[];
}

/** Per root instance and `type.attr`: the arguments of every module instance that name a resource. */
const naming = new WeakMap<ModuleInstance, Map<string, NamingArgument[]>>();

/**
 * Every `attr` argument of `type` resources, in every module instance but the one a reference within
 * a module already covers, whose value names a resource instance (evaluated once per analysis).
 * Arguments that refer to a resource of their own module directly are left to that module's rules.
 */
function namingArguments(from: ModuleInstance, type: string, attr: string): NamingArgument[] {
  const root = from.ws.root;
  if (!root) {
    return [];
  }
  let byKey = naming.get(root);
  if (!byKey) {
    byKey = new Map();
    naming.set(root, byKey);
  }
  const key = `${type}.${attr}`;
  const hit = byKey.get(key);
  if (hit) {
    return hit;
  }
  const out: NamingArgument[] = [];
  for (const inst of moduleInstancesFrom(root)) {
    for (const other of ofTypeIn(inst.cfg, type)) {
      const a = other.block.body.attributes.find((x) => x.name === attr);
      const ref = a && reference(a.expr);
      if (
        !a ||
        (ref && inst.cfg.byAddress.has(`${ref.root}.${ref.steps[0].kind === 'attr' ? ref.steps[0].name : ''}`))
      ) {
        continue;
      }
      for (const oi of knownOrOpaque(inst.instancesOf(other))) {
        const env = inst.env(other.file, oi);
        const v = evaluate(a.expr, env);
        if (v.t === 'unknown' && v.of && v.of.inst !== inst) {
          out.push({ inst, other, oi, env, at: a.range, named: v.of, via: v.o.steps });
        }
      }
    }
  }
  byKey.set(key, out);
  return out;
}

/** The module instances of an analysis, the root first, each once. */
function moduleInstancesFrom(root: ModuleInstance): ModuleInstance[] {
  const out: ModuleInstance[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const inst = stack.pop()!;
    out.push(inst);
    for (const call of inst.cfg.modules.values()) {
      const children = inst.moduleInstances(call);
      if (Array.isArray(children)) {
        for (let k = children.length - 1; k >= 0; k--) {
          stack.push(children[k].value);
        }
      }
    }
  }
  return out;
}

/**
 * Copies made by other resources of the module that point at this one (`aws_kms_replica_key` →
 * `primary_key_arn`, a read replica's `replicate_source_db`): each instance of such a resource is a
 * copy in that instance's own region.
 */
export function referrers(s: Subject, kind: Kind, type: string, attr: string, label: string): ExtractedCopy[] {
  const out: ExtractedCopy[] = [];
  for (const { other, oi, at, inst, via } of pointingAt(s, type, attr)) {
    const step = {
      description: `${label} ${addressIn(inst, other, oi)}`,
      location: { file: other.file, range: at },
    };
    const r = resolveRegion(inst, other, oi);
    out.push({
      kind,
      provider: r.providerId ?? s.providerId,
      region: r.region,
      provenance: [step, ...via, ...r.provenance],
    });
  }
  return out;
}

/** Copies written in nested blocks of the resource itself: `replica { region_name = ... }`. */
export function blockRegions(s: Subject, kind: Kind, path: string[], attr: string): ExtractedCopy[] {
  const unknowns: string[] = [];
  const env = s.inst.env(s.decl.file, s.ri);
  const out: ExtractedCopy[] = [];
  for (const b of nestedBodies(s.decl.block.body, env, path, unknowns)) {
    const a = attrValue(b, attr);
    if (a) {
      out.push(...fromValue(s, kind, a.v, a.step));
    }
  }
  for (const reason of unknowns) {
    out.push({ kind, provider: s.providerId, region: { kind: 'unknown', reason }, provenance: [] });
  }
  return out;
}

export function literal(s: Subject, name: string): { v: Val; step: ProvenanceStep } | undefined {
  const env = s.inst.env(s.decl.file, s.ri);
  return attrValue({ body: s.decl.block.body, env, block: s.decl.block }, name);
}
