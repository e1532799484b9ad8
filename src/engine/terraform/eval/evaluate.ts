import { MAX_EVAL_DEPTH, MAX_ITEMS, tooDeep } from '../../evaluation';
import { relative } from '../../workspace/paths';
import { type Expression, type ScopeTraversalExpression, type TemplatePart, type TraversalStep } from '../parser';
import { anonymous, call } from './calls';
import type { FileAccess } from './file-functions';
import {
  asString,
  bool,
  equals,
  failure,
  firstUnknown,
  inherit,
  list,
  map,
  nul,
  num,
  originOf,
  str,
  unknown,
  unknownBecause,
  type Val,
} from './values';

/** What an expression can refer to. Implemented per module instance (see `module-instance.ts`). */
export interface Scope {
  /** `var.NAME` */
  variable(name: string): Val;
  /** `local.NAME` */
  local(name: string): Val;
  /** `each` inside a resource or module with `for_each` (a map with `key` and `value`), else undefined. */
  each?: Val;
  /** `count` inside a resource or module with `count` (a map with `index`), else undefined. */
  count?: Val;
  /**
   * Resource, data source and module references. Returns the value and how many `steps` it consumed
   * (the rest are applied generically), or undefined when `root` is not such a reference.
   */
  reference(root: string, steps: TraversalStep[], env: Env): { value: Val; used: number } | undefined;
  /** File functions and `path.*`: Terraform's working directory (the root module's) and the files read. */
  files?: FileAccess;
  /** The directory of the module the expression belongs to (`path.module`). */
  moduleDir?: string;
  /** Set while rendering `templatefile`, which Terraform does not allow to nest. */
  inTemplate?: boolean;
}

/** An evaluation environment: the scope, the file the expression is in, and for-expression variables. */
export interface Env {
  scope: Scope;
  file: string;
  bound?: ReadonlyMap<string, Val>;
}

/**
 * Evaluations in progress, one inside the next: expressions within expressions and references followed
 * through locals, variables and modules, all on one budget (evaluation is synchronous).
 */
let depth = 0;

/** Evaluates an HCL expression statically. Never throws; anything not knowable is an `unknown` with a reason. */
export function evaluate(expr: Expression, env: Env): Val {
  if (depth >= MAX_EVAL_DEPTH) {
    return unknown(tooDeep(expr.kind === 'scopeTraversal' ? referenceName(expr) : undefined));
  }
  depth++;
  try {
    return evaluateNested(expr, env);
  } finally {
    depth--;
  }
}

/** `local.x`, `var.region`, `aws_s3_bucket.b`: how a reference is named in a reason. */
function referenceName(expr: ScopeTraversalExpression): string {
  const first = expr.steps[0];
  return first?.kind === 'attr' ? `${expr.root}.${first.name}` : expr.root;
}

function evaluateNested(expr: Expression, env: Env): Val {
  switch (expr.kind) {
    case 'literal': {
      const o = { steps: [], loc: { file: env.file, range: expr.range } };
      const v = expr.value;
      if (v === null) {
        return nul(o);
      }
      return typeof v === 'string' ? str(v, o) : typeof v === 'number' ? num(v, o) : bool(v, o);
    }
    case 'template':
      return template(expr.parts, env, { file: env.file, range: expr.range });
    case 'parentheses':
      return evaluate(expr.expr, env);
    case 'tuple': {
      const items = expr.items.slice(0, MAX_ITEMS).map((i) => evaluate(i, env));
      // An element in error makes the whole expression an error, as in Terraform: `try([x["a"]], ...)`
      // moves on to its next argument when the key is missing.
      const failed = items.find(isError);
      return failed ?? list(items, { steps: [], loc: { file: env.file, range: expr.range } });
    }
    case 'object': {
      const out = new Map<string, Val>();
      for (const item of expr.items.slice(0, MAX_ITEMS)) {
        const k = item.bareKey && item.key.kind === 'scopeTraversal' ? str(item.key.root) : evaluate(item.key, env);
        const ks = asString(k);
        if (ks === undefined) {
          return k.t === 'unknown' ? k : failure('an object key is not a string');
        }
        const v = evaluate(item.value, env);
        if (isError(v)) {
          return v;
        }
        out.set(ks, v);
      }
      return map(out, { steps: [], loc: { file: env.file, range: expr.range } });
    }
    case 'scopeTraversal':
      return traversal(expr.root, expr.steps, env);
    case 'relativeTraversal':
      return applySteps(evaluate(expr.source, env), expr.steps, env);
    case 'functionCall':
      return call(expr.name, expr.args, expr.expandFinal, env);
    case 'conditional': {
      const c = evaluate(expr.condition, env);
      if (c.t === 'bool') {
        return evaluate(c.v ? expr.trueExpr : expr.falseExpr, env);
      }
      const a = evaluate(expr.trueExpr, env);
      const b = evaluate(expr.falseExpr, env);
      // Both branches agree: the condition does not matter.
      if (equals(a, b) === true) {
        return a;
      }
      return c.t === 'unknown'
        ? unknownBecause('it depends on a condition that is not known: ', c.reason)
        : failure('condition is not a bool');
    }
    case 'binary':
      return binary(expr.operator, evaluate(expr.left, env), evaluate(expr.right, env));
    case 'unary': {
      const v = evaluate(expr.operand, env);
      if (v.t === 'unknown') {
        return v;
      }
      if (expr.operator === '!') {
        return v.t === 'bool' ? bool(!v.v) : failure('! of a non-bool');
      }
      return v.t === 'num' ? num(-v.v, v.o) : failure('- of a non-number');
    }
    case 'for':
      return forExpr(expr, env);
    case 'splat': {
      const src = evaluate(expr.source, env);
      if (src.t === 'unknown') {
        return src;
      }
      const items = src.t === 'list' ? src.items : src.t === 'null' ? [] : [src];
      return list(items.map((i) => applySteps(i, expr.steps, env)));
    }
    case 'invalid':
      return unknown('the expression has a syntax error');
  }
}

function template(parts: TemplatePart[], env: Env, loc: { file: string; range: Expression['range'] }): Val {
  let out = '';
  const vals: Val[] = [];
  for (const part of parts) {
    if (part.kind === 'text') {
      out += part.value;
      continue;
    }
    if (part.kind === 'interpolation') {
      const v = evaluate(part.expr, env);
      // A template that is only `${expr}` yields the value itself, with its own provenance.
      if (parts.length === 1) {
        return v;
      }
      const s = asString(v);
      if (s === undefined) {
        return v.t === 'unknown' ? anonymous(v) : failure('interpolation of a collection');
      }
      vals.push(v);
      out += s;
      continue;
    }
    if (part.kind === 'if') {
      const c = evaluate(part.condition, env);
      if (c.t !== 'bool') {
        return c.t === 'unknown' ? c : failure('template condition is not a bool');
      }
      const sub = template(c.v ? part.then : (part.else ?? []), env, loc);
      const s = asString(sub);
      if (s === undefined) {
        return sub;
      }
      out += s;
      continue;
    }
    const coll = evaluate(part.collection, env);
    if (coll.t === 'unknown') {
      return coll;
    }
    for (const [k, v] of entriesOf(coll) ?? []) {
      const bound = new Map(env.bound ?? []);
      bound.set(part.valueVar, v);
      if (part.keyVar) {
        bound.set(part.keyVar, k);
      }
      const sub = template(part.body, { scope: env.scope, file: env.file, bound }, loc);
      const s = asString(sub);
      if (s === undefined) {
        return sub;
      }
      out += s;
    }
  }
  const o = vals.length > 0 ? { steps: originOf(vals).steps, loc } : { steps: [], loc };
  return str(out, o);
}

/** Key/value pairs of a collection: index → element for lists, key → value for maps. */
export function entriesOf(v: Val): Array<[Val, Val]> | undefined {
  if (v.t === 'list') {
    return v.items.map((item, i) => [num(i), item]);
  }
  if (v.t === 'map') {
    return [...v.entries].map(([k, item]) => [str(k), item]);
  }
  return undefined;
}

function traversal(root: string, steps: TraversalStep[], env: Env): Val {
  const bound = env.bound?.get(root);
  if (bound) {
    return applySteps(bound, steps, env);
  }
  const scope = env.scope;
  const first = steps[0];
  const name = first?.kind === 'attr' ? first.name : undefined;
  switch (root) {
    case 'var':
      return name ? applySteps(scope.variable(name), steps.slice(1), env) : failure('var without a name');
    case 'local':
      return name ? applySteps(scope.local(name), steps.slice(1), env) : failure('local without a name');
    case 'each':
      return scope.each ? applySteps(scope.each, steps, env) : failure('each outside for_each');
    case 'count':
      return scope.count ? applySteps(scope.count, steps, env) : failure('count outside count');
    case 'terraform':
      return unknown(
        name === 'workspace'
          ? 'terraform.workspace is chosen at run time (terraform workspace select, TF_WORKSPACE)'
          : `terraform.${name ?? ''} is not evaluated statically`,
      );
    case 'path': {
      const files = scope.files;
      if (files && name === 'module' && scope.moduleDir !== undefined) {
        // Relative to Terraform's working directory, as Terraform gives it.
        return applySteps(str(relative(files.rootDir, scope.moduleDir) || '.'), steps.slice(1), env);
      }
      if (files && name === 'root') {
        return applySteps(str('.'), steps.slice(1), env);
      }
      return unknown(`path.${name ?? ''} is not evaluated statically`);
    }
    case 'self':
      return unknown(`${root}.${name ?? ''} is not evaluated statically`);
  }
  const ref = scope.reference(root, steps, env);
  if (ref) {
    return applySteps(ref.value, steps.slice(ref.used), env);
  }
  return unknown(`${root} is not a known reference`);
}

/** Applies `.attr` and `[key]` steps to a value. */
export function applySteps(v: Val, steps: TraversalStep[], env: Env): Val {
  let cur = v;
  for (const step of steps) {
    if (cur.t === 'unknown') {
      return cur;
    }
    let key: string | undefined;
    if (step.kind === 'attr') {
      key = step.name;
    } else {
      const k = evaluate(step.key, env);
      if (k.t === 'unknown') {
        return k;
      }
      if (cur.t === 'list') {
        const i = k.t === 'num' ? k.v : Number(asString(k));
        const item = Number.isInteger(i) ? cur.items[i] : undefined;
        if (!item) {
          return failure(`index ${asString(k) ?? '?'} is out of range`);
        }
        cur = inherit(cur, item);
        continue;
      }
      key = asString(k);
    }
    if (cur.t !== 'map' || key === undefined) {
      return failure(`cannot read "${key ?? '?'}" here`);
    }
    const next = cur.entries.get(key);
    if (!next) {
      return failure(`no key "${key}"`);
    }
    cur = inherit(cur, next);
  }
  return cur;
}

function binary(op: string, a: Val, b: Val): Val {
  if (op === '&&' || op === '||') {
    // Short-circuit on a known side, as far as the result is decided.
    if (a.t === 'bool' && a.v === (op === '||')) {
      return bool(a.v);
    }
    if (b.t === 'bool' && b.v === (op === '||')) {
      return bool(b.v);
    }
  }
  const u = firstUnknown([a, b]);
  if (u) {
    return u;
  }
  switch (op) {
    case '==':
    case '!=': {
      const eq = equals(a, b);
      return eq === undefined ? unknown('comparison of unknown values') : bool(op === '==' ? eq : !eq);
    }
    case '&&':
    case '||':
      return a.t === 'bool' && b.t === 'bool'
        ? bool(op === '&&' ? a.v && b.v : a.v || b.v)
        : failure('logic on non-bools');
  }
  const x = a.t === 'num' ? a.v : Number(asString(a));
  const y = b.t === 'num' ? b.v : Number(asString(b));
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    return failure(`${op} of non-numbers`);
  }
  switch (op) {
    case '<':
      return bool(x < y);
    case '>':
      return bool(x > y);
    case '<=':
      return bool(x <= y);
    case '>=':
      return bool(x >= y);
    case '+':
      return num(x + y);
    case '-':
      return num(x - y);
    case '*':
      return num(x * y);
    case '/':
      return y === 0 ? failure('division by zero') : num(x / y);
    default:
      return y === 0 ? failure('modulo by zero') : num(x % y);
  }
}

function forExpr(expr: Extract<Expression, { kind: 'for' }>, env: Env): Val {
  const coll = evaluate(expr.collection, env);
  if (coll.t === 'unknown') {
    return coll;
  }
  const entries = entriesOf(coll);
  if (!entries) {
    return failure('for over a non-collection');
  }
  const items: Val[] = [];
  const out = new Map<string, Val>();
  // Grouping (`...`): each key's values, collected first (copying a group's list per element is quadratic).
  const groups = new Map<string, Val[]>();
  for (const [k, v] of entries.slice(0, MAX_ITEMS)) {
    const bound = new Map(env.bound ?? []);
    bound.set(expr.valueVar, v);
    if (expr.keyVar) {
      bound.set(expr.keyVar, k);
    }
    const inner: Env = { scope: env.scope, file: env.file, bound };
    if (expr.condition) {
      const c = evaluate(expr.condition, inner);
      if (c.t !== 'bool') {
        return c.t === 'unknown' ? c : failure('for condition is not a bool');
      }
      if (!c.v) {
        continue;
      }
    }
    const value = evaluate(expr.valueExpr, inner);
    if (!expr.objectForm) {
      items.push(value);
      continue;
    }
    const key = expr.keyExpr ? evaluate(expr.keyExpr, inner) : k;
    const ks = asString(key);
    if (ks === undefined) {
      return key.t === 'unknown' ? key : failure('for key is not a string');
    }
    if (expr.grouping) {
      const group = groups.get(ks);
      if (group) {
        group.push(value);
      } else {
        groups.set(ks, [value]);
      }
    } else {
      out.set(ks, value);
    }
  }
  if (!expr.objectForm) {
    return list(items);
  }
  for (const [key, values] of groups) {
    out.set(key, list(values));
  }
  return map(out);
}

/** A value that is an error (a missing key, a wrong type), not merely unknown. */
function isError(v: Val): boolean {
  return v.t === 'unknown' && v.error === true;
}
