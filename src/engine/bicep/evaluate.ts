import { callFunction, deploymentObject, resourceGroupObject } from '../azure/functions';
import {
  type DeployedResource,
  getProp,
  indexValue,
  str,
  toText,
  unknown,
  type Value,
  valuesEqual,
  withStep,
} from '../azure/value';
import { MAX_EVAL_DEPTH, MAX_ITEMS, MAX_STRING, tooDeep, tooLarge } from '../evaluation';
import type { Expr, ResourceDecl } from './ast';
import { type FileScope, lookupLocal, type Scope } from './scope';

/** Evaluates an expression statically; what depends on deployment comes back as `unknown` with a reason. */
export function evaluate(expr: Expr, scope: Scope): Value {
  const fs = scope.fs;
  if (fs.depth >= MAX_EVAL_DEPTH) {
    return unknown(tooDeep(expr.kind === 'ident' ? expr.name : undefined));
  }
  fs.depth++;
  try {
    return evaluateInner(expr, scope);
  } finally {
    fs.depth--;
  }
}

function evaluateInner(expr: Expr, scope: Scope): Value {
  const fs = scope.fs;
  switch (expr.kind) {
    case 'string':
      return str(expr.value, fs.loc(expr.start, expr.end));
    case 'number':
      return { k: 'number', v: expr.value };
    case 'bool':
      return { k: 'bool', v: expr.value };
    case 'null':
      return { k: 'null' };
    case 'interp': {
      let out = expr.parts[0];
      for (let i = 0; i < expr.exprs.length; i++) {
        const v = evaluate(expr.exprs[i], scope);
        const t = toText(v);
        if (t === undefined) {
          return v.k === 'unknown' ? v : unknown('an interpolated value is not a string');
        }
        out += t + expr.parts[i + 1];
        if (out.length > MAX_STRING) {
          return unknown(tooLarge('string'));
        }
      }
      return str(out, fs.loc(expr.start, expr.end));
    }
    case 'ident':
      return identifier(expr.name, scope);
    case 'paren':
      return evaluate(expr.expr, scope);
    case 'nonNull':
      return evaluate(expr.operand, scope);
    case 'array': {
      const items: Value[] = [];
      for (const item of expr.items) {
        if (item.kind === 'spread') {
          const v = evaluate(item.expr, scope);
          if (v.k !== 'array') {
            return v.k === 'unknown' ? v : unknown('a spread value is not an array');
          }
          if (items.length + v.items.length > MAX_ITEMS) {
            return unknown(tooLarge('array'));
          }
          items.push(...v.items);
        } else {
          items.push(evaluate(item, scope));
        }
      }
      return { k: 'array', items };
    }
    case 'object': {
      const props = new Map<string, Value>();
      for (const sp of expr.spreads) {
        const v = evaluate(sp.kind === 'spread' ? sp.expr : sp, scope);
        if (v.k === 'object') {
          v.props.forEach((val, key) => props.set(key, val));
        }
      }
      for (const p of expr.properties) {
        const key = p.keyExpr ? toText(evaluate(p.keyExpr, scope)) : p.key;
        if (key !== undefined) {
          props.set(key, evaluate(p.value, scope));
        }
      }
      return { k: 'object', props };
    }
    case 'member': {
      if (expr.object.kind === 'ident' && !lookupLocal(scope, expr.object.name)) {
        const res = scope.fs.resources.get(expr.object.name);
        if (res) {
          return resourceProperty(res, expr.name.name, scope);
        }
        if (scope.fs.modules.has(expr.object.name)) {
          return unknown(
            `it comes from module ${expr.object.name}'s ${expr.name.name}, which is not evaluated statically`,
          );
        }
      }
      const obj = evaluate(expr.object, scope);
      if (obj.k === 'unknown') {
        return obj;
      }
      const v = getProp(obj, expr.name.name);
      return (
        v ?? (expr.safe || obj.k === 'null' ? { k: 'null' } : unknown(`the property ${expr.name.name} is not set`))
      );
    }
    case 'index':
      return indexValue(evaluate(expr.object, scope), evaluate(expr.index, scope), expr.safe);
    case 'call': {
      const callee = expr.callee;
      const ns = callee.kind === 'member' && callee.object.kind === 'ident' ? callee.object.name : undefined;
      if (callee.kind === 'ident' || ns === 'az' || ns === 'sys') {
        // The ARM function the Bicep compiler emits for this call, from the one library.
        return callFunction(
          expr.name,
          expr.args.map((a) => () => evaluate(a, scope)),
          {
            resourceGroup: () => resourceGroupObject(fs.resourceGroupLocation),
            deployment: () => deploymentObject(fs.deploymentLocation),
          },
          fs.loc(expr.start, expr.end),
        );
      }
      return unknown(`it is computed by ${ns ?? 'a'}.${expr.name}(), which is not evaluated statically`);
    }
    case 'unary': {
      const v = evaluate(expr.operand, scope);
      if (expr.op === '!') {
        return v.k === 'bool'
          ? { k: 'bool', v: !v.v }
          : v.k === 'unknown'
            ? v
            : unknown('a negated value is not a boolean');
      }
      return v.k === 'number'
        ? { k: 'number', v: expr.op === '-' ? -v.v : v.v }
        : v.k === 'unknown'
          ? v
          : unknown('not a number');
    }
    case 'binary':
      return binary(expr.op, expr.left, expr.right, scope);
    case 'ternary': {
      const c = evaluate(expr.cond, scope);
      if (c.k === 'bool') {
        return evaluate(c.v ? expr.then : expr.else, scope);
      }
      const a = evaluate(expr.then, scope);
      const b = evaluate(expr.else, scope);
      if (valuesEqual(a, b, false) === true) {
        return a;
      }
      return c.k === 'unknown' ? c : unknown('it depends on a condition that is not known statically');
    }
    case 'lambda':
      return { k: 'lambda' };
    default:
      return unknown(`a ${expr.kind} expression is not evaluated statically`);
  }
}

function binary(op: string, le: Expr, re: Expr, scope: Scope): Value {
  const l = evaluate(le, scope);
  if (op === '??') {
    return l.k === 'null' ? evaluate(re, scope) : l;
  }
  if (op === '&&' && l.k === 'bool' && !l.v) {
    return l;
  }
  if (op === '||' && l.k === 'bool' && l.v) {
    return l;
  }
  const r = evaluate(re, scope);
  switch (op) {
    case '==':
    case '!=':
    case '=~':
    case '!~': {
      const eq = valuesEqual(l, r, op === '=~' || op === '!~');
      if (eq === undefined) {
        return l.k === 'unknown' ? l : r.k === 'unknown' ? r : unknown('a comparison of values not known statically');
      }
      return { k: 'bool', v: op === '==' || op === '=~' ? eq : !eq };
    }
    case '&&':
    case '||':
      return r.k === 'bool' && l.k === 'bool'
        ? r
        : l.k === 'unknown'
          ? l
          : r.k === 'unknown'
            ? r
            : unknown('not a boolean');
    default:
      break;
  }
  if (l.k === 'number' && r.k === 'number') {
    const a = l.v;
    const b = r.v;
    const results: Record<string, Value> = {
      '+': { k: 'number', v: a + b },
      '-': { k: 'number', v: a - b },
      '*': { k: 'number', v: a * b },
      '/': b === 0 ? unknown('division by zero') : { k: 'number', v: Math.trunc(a / b) },
      '%': b === 0 ? unknown('division by zero') : { k: 'number', v: a % b },
      '<': { k: 'bool', v: a < b },
      '<=': { k: 'bool', v: a <= b },
      '>': { k: 'bool', v: a > b },
      '>=': { k: 'bool', v: a >= b },
    };
    return results[op] ?? unknown(`the operator ${op} is not evaluated statically`);
  }
  return l.k === 'unknown' ? l : r.k === 'unknown' ? r : unknown(`the operator ${op} is not evaluated statically here`);
}

function identifier(name: string, scope: Scope): Value {
  const local = lookupLocal(scope, name);
  if (local) {
    return local;
  }
  const fs = scope.fs;
  const cached = fs.cache.get(name);
  if (cached) {
    return cached;
  }
  if (fs.active.has(name)) {
    return unknown(`${name} refers to itself`);
  }
  const param = fs.params.get(name);
  const variable = fs.vars.get(name);
  if (!param && !variable) {
    if (fs.resources.has(name) || fs.modules.has(name)) {
      return unknown(`${name} is a resource or module reference`);
    }
    return unknown(`${name} is not declared in ${fs.label}`);
  }
  fs.active.add(name);
  let value: Value;
  const root: Scope = { fs };
  if (param) {
    const input = fs.inputs.get(name);
    if (input) {
      value = withStep(input, { description: `param ${name}`, location: fs.loc(param.name.start, param.name.end) });
    } else if (param.value) {
      const v = evaluate(param.value, root);
      value = withStep(v, {
        description: `param ${name} default`,
        location: fs.loc(param.value.start, param.value.end),
      });
    } else {
      value = unknown(
        `param ${name} in ${fs.label} has no value here, so the region is chosen at deployment (set it in a .bicepparam or parameters JSON file, or with --var ${name}=...)`,
      );
    }
  } else {
    const decl = variable!;
    value = withStep(evaluate(decl.value, root), {
      description: `var ${name}`,
      location: fs.loc(decl.value.start, decl.value.end),
    });
  }
  fs.active.delete(name);
  fs.cache.set(name, value);
  return value;
}

/** Strips a resource body of its loop and condition: the object literal, or undefined. */
export function resourceObject(value: Expr): Expr | undefined {
  let v = value;
  if (v.kind === 'for') {
    v = v.body;
  }
  if (v.kind === 'if') {
    v = v.body;
  }
  return v.kind === 'object' ? v : undefined;
}

/** A resource type without its API version, in lower case (`microsoft.storage/storageaccounts`). */
export function bareType(typeString: string): string {
  return typeString.split('@')[0].toLowerCase();
}

/**
 * The location of an `existing` resource that is the very resource a calling template deploys: its
 * name is that resource's `name`, passed down (through any number of modules without `scope:`), and the
 * types match. Undefined when that cannot be shown (another scope, a loop, a name from elsewhere).
 */
export function deployedByCaller(decl: ResourceDecl, fs: FileScope): Value | undefined {
  if (!decl.existing || decl.value.kind === 'for') {
    return undefined;
  }
  const body = resourceObject(decl.value);
  if (body?.kind !== 'object' || body.properties.some((p) => p.key === 'scope')) {
    return undefined;
  }
  const nameProp = body.properties.find((p) => p.key === 'name');
  const nameValue = nameProp && evaluate(nameProp.value, { fs });
  const ref = nameValue?.k === 'string' ? nameValue.res : undefined;
  if (!ref || ref.target !== fs.target || ref.type !== bareType(decl.typeString)) {
    return undefined;
  }
  return withStep(ref.location(), {
    description: `existing resource ${decl.name.name} is the ${ref.symbol} that the calling template deploys (same type, name and resource group)`,
    location: ref.declared,
  });
}

/** The name of a deployed resource, marked as naming it (see {@link DeployedResource}) when it is surely deployed. */
function deployedName(res: ResourceDecl, name: Value, scope: Scope): Value {
  if (name.k !== 'string' || res.existing) {
    return name;
  }
  if (res.value.kind === 'if') {
    const cond = evaluate(res.value.cond, { fs: scope.fs });
    if (cond.k !== 'bool' || !cond.v) {
      return name;
    }
  }
  let location: Value | undefined;
  const ref: DeployedResource = {
    type: bareType(res.typeString),
    symbol: res.name.name,
    declared: scope.fs.loc(res.keywordStart, res.typeEnd),
    target: scope.fs.target,
    location: () => (location ??= resourceProperty(res, 'location', scope)),
  };
  return { k: 'string', v: name.v, prov: name.prov, loc: name.loc, res: ref };
}

/** `sa.location`, `sa.name` of a resource in the same file. */
function resourceProperty(res: ResourceDecl, prop: string, scope: Scope): Value {
  const name = res.name.name;
  if (prop === 'id' && !res.existing && res.value.kind !== 'for') {
    // The id exists only at deployment, but it names this resource: a failover group's partner
    // (`partnerServers: [{ id: secondary.id }]`) is where `secondary` is.
    let location: Value | undefined;
    return {
      ...unknown(`the id of ${name} is known only at deployment`),
      res: {
        type: bareType(res.typeString),
        symbol: name,
        declared: scope.fs.loc(res.keywordStart, res.typeEnd),
        target: scope.fs.target,
        location: () => (location ??= resourceProperty(res, 'location', scope)),
      },
    };
  }
  if (res.existing && prop !== 'name') {
    const viaCaller = prop === 'location' ? deployedByCaller(res, scope.fs) : undefined;
    return (
      viaCaller ?? unknown(`it is the ${prop} of the existing resource ${name}, which is known only at deployment`)
    );
  }
  if (res.value.kind === 'for') {
    return unknown(`${name} is a resource loop; its ${prop} depends on the instance`);
  }
  const body = resourceObject(res.value);
  const p = body?.kind === 'object' ? body.properties.find((x) => x.key === prop) : undefined;
  if (!p) {
    if (prop === 'location' && body?.kind === 'object') {
      const parent = body.properties.find((x) => x.key === 'parent')?.value;
      if (parent?.kind === 'ident') {
        // Through evaluate() so that the depth bound also cuts cycles of parents.
        const span = { start: parent.start, end: parent.end };
        const loc = {
          kind: 'member' as const,
          object: parent,
          name: { name: 'location', ...span },
          safe: false,
          ...span,
        };
        return evaluate(loc, { fs: scope.fs });
      }
    }
    return unknown(`the ${prop} of ${name} is known only at deployment`);
  }
  const value = withStep(evaluate(p.value, { fs: scope.fs }), {
    description: `${name}.${prop}`,
    location: scope.fs.loc(p.value.start, p.value.end),
  });
  return prop === 'name' ? deployedName(res, value, scope) : value;
}
