import { type CallContext, callFunction } from '../azure/functions';
import { getProp, indexValue, num, str, unknown, type Value, withProvenance } from '../azure/value';
import type { SourceLocation } from '../model';
import { type Expr, isExpression, type ParsedExpr, parseExpression, unescapeLiteral } from './expression';

/** What an expression can see: the template's parameters and variables, loops, and the deployment target. */
export interface Scope extends CallContext {
  parameter(name: string): Value;
  variable(name: string): Value;
  /** Current copy loops, innermost last. */
  loops: Array<{ name: string; index: number | undefined }>;
  /** Shared by a unit: a work budget (each call costs one; exhausted → unknown) and parsed expressions. */
  budget: UnitBudget;
}

export interface UnitBudget {
  left: number;
  /** Parameters and variables being evaluated, one inside the next (see MAX_EVAL_DEPTH). */
  chain: number;
  /** Parsed expressions by source text: templates repeat the same few expressions thousands of times. */
  parsed: Map<string, ParsedExpr>;
}

const MAX_CACHED_EXPRESSIONS = 10000;

/** A fresh budget for one unit. */
export function unitBudget(left: number): UnitBudget {
  return { left, chain: 0, parsed: new Map() };
}

/** Evaluates a JSON string as written in a template: an expression when bracketed, else a literal. */
export function evalString(s: string, scope: Scope, at?: SourceLocation): Value {
  if (!isExpression(s)) {
    return str(unescapeLiteral(s), at);
  }
  let parsed = scope.budget.parsed.get(s);
  if (!parsed) {
    parsed = parseExpression(s.slice(1, -1));
    if (scope.budget.parsed.size < MAX_CACHED_EXPRESSIONS) {
      scope.budget.parsed.set(s, parsed);
    }
  }
  if (!parsed.ok) {
    return unknown(`the expression cannot be parsed (${parsed.error})`, at);
  }
  return evalExpr(parsed.expr, scope, at);
}

export function evalExpr(e: Expr, scope: Scope, at?: SourceLocation): Value {
  if (scope.budget.left-- <= 0) {
    return unknown('the template is too complex to evaluate', at);
  }
  switch (e.k) {
    case 'str':
      return str(e.v, at);
    case 'num':
      return num(e.v, at);
    case 'prop': {
      const obj = evalExpr(e.obj, scope, at);
      if (obj.k === 'unknown') {
        return obj;
      }
      return withVia(getProp(obj, e.name) ?? unknown(`it reads the missing property '${e.name}'`, at), obj);
    }
    case 'index': {
      const obj = evalExpr(e.obj, scope, at);
      const idx = evalExpr(e.index, scope, at);
      return obj.k === 'unknown' || idx.k === 'unknown'
        ? indexValue(obj, idx, false)
        : withVia(indexValue(obj, idx, false, at), obj);
    }
    case 'call':
      return callFunction(
        e.name,
        e.args.map((a) => () => evalExpr(a, scope, at)),
        scope,
        at,
      );
  }
}

/** An element of an array or object inherits the provenance chain of its container. */
function withVia(item: Value, container: Value): Value {
  if (!container.prov || container.prov.length === 0) {
    return item;
  }
  return withProvenance(item, [...container.prov, ...(item.prov ?? [])], item.loc);
}
