import type { SourceLocation } from '../model';
import { isExpression, parseExpression, unescapeLiteral, type Expr, type ParsedExpr } from './expression';
import { callFunction } from './functions';
import { getProp, str, unk, type Val } from './value';

/** What an expression can see: the template's parameters and variables, loops, and the deployment target. */
export interface Scope {
  parameter(name: string): Val;
  variable(name: string): Val;
  /** Current copy loops, innermost last. */
  loops: Array<{ name: string; index: number | undefined }>;
  resourceGroup(): Val;
  deployment(): Val;
  /** Shared by a unit: a work budget (each call costs one; exhausted → unknown) and parsed expressions. */
  budget: UnitBudget;
}

export interface UnitBudget {
  left: number;
  /** Parsed expressions by source text: templates repeat the same few expressions thousands of times. */
  parsed: Map<string, ParsedExpr>;
}

const MAX_CACHED_EXPRESSIONS = 10000;

/** A fresh budget for one unit. */
export function unitBudget(left: number): UnitBudget {
  return { left, parsed: new Map() };
}

/** Evaluates a JSON string as written in a template: an expression when bracketed, else a literal. */
export function evalString(s: string, scope: Scope, at?: SourceLocation): Val {
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
    return unk(`the expression cannot be parsed (${parsed.error})`, at);
  }
  return evalExpr(parsed.expr, scope, at);
}

export function evalExpr(e: Expr, scope: Scope, at?: SourceLocation): Val {
  if (scope.budget.left-- <= 0) {
    return unk('the template is too complex to evaluate', at);
  }
  switch (e.k) {
    case 'str':
      return str(e.v, at);
    case 'num':
      return { k: 'num', v: e.v, at };
    case 'prop': {
      const obj = evalExpr(e.obj, scope, at);
      if (obj.k === 'unk') {
        return obj;
      }
      return withVia(getProp(obj, e.name) ?? unk(`it reads the missing property '${e.name}'`, at), obj);
    }
    case 'index': {
      const obj = evalExpr(e.obj, scope, at);
      const idx = evalExpr(e.index, scope, at);
      if (obj.k === 'unk') {
        return obj;
      }
      if (idx.k === 'unk') {
        return idx;
      }
      if (obj.k === 'arr' && idx.k === 'num') {
        const item = obj.items[idx.v];
        return withVia(item ?? unk(`index ${idx.v} is outside the array`, at), obj);
      }
      if (obj.k === 'obj' && idx.k === 'str') {
        return withVia(getProp(obj, idx.v) ?? unk(`it reads the missing property '${idx.v}'`, at), obj);
      }
      return unk('it indexes a value that cannot be indexed', at);
    }
    case 'call':
      return callFunction(e.name, e.args, scope, at);
  }
}

/** An element of an array or object inherits the provenance chain of its container. */
function withVia(item: Val, container: Val): Val {
  if (!container.via || container.via.length === 0) {
    return item;
  }
  return { ...item, via: [...container.via, ...(item.via ?? [])] };
}
