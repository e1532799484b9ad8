import type { Expression } from './ast';

/** A static value: what literal, tuple and object expressions denote. */
export type LiteralValue = string | number | boolean | null | LiteralValue[] | { [key: string]: LiteralValue };

/** Strips any number of parentheses. */
function unwrap(expr: Expression): Expression {
  while (expr.kind === 'parentheses') {
    expr = expr.expr;
  }
  return expr;
}

/**
 * The path of a variable reference: `var.region` → `['var', 'region']`, `local.m["a"][0]` →
 * `['local', 'm', 'a', 0]`. Undefined when `expr` is not a traversal or an index is not a literal.
 */
export function traversalToPath(expr: Expression): (string | number)[] | undefined {
  expr = unwrap(expr);
  if (expr.kind === 'template' && expr.parts.length === 1 && expr.parts[0].kind === 'interpolation') {
    // `"${var.x}"` is the same reference.
    return traversalToPath(expr.parts[0].expr);
  }
  if (expr.kind !== 'scopeTraversal') {
    return undefined;
  }
  const path: (string | number)[] = [expr.root];
  for (const step of expr.steps) {
    if (step.kind === 'attr') {
      path.push(step.name);
      continue;
    }
    const key = unwrap(step.key);
    if (key.kind !== 'literal' || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
      return undefined;
    }
    path.push(key.value);
  }
  return path;
}

/** The string a literal string expression (quoted, heredoc or JSON string without interpolation) denotes. */
export function literalString(expr: Expression): string | undefined {
  expr = unwrap(expr);
  return expr.kind === 'literal' && typeof expr.value === 'string' ? expr.value : undefined;
}

/** The static value of literals, tuples and objects of literals; undefined if anything is dynamic. */
export function literalValue(expr: Expression, depth = 0): LiteralValue | undefined {
  expr = unwrap(expr);
  if (depth > 200) {
    return undefined;
  }
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'unary':
      if (expr.operator === '-') {
        const v = literalValue(expr.operand, depth + 1);
        return typeof v === 'number' ? -v : undefined;
      }
      return undefined;
    case 'tuple': {
      const out: LiteralValue[] = [];
      for (const item of expr.items) {
        const v = literalValue(item, depth + 1);
        if (v === undefined) {
          return undefined;
        }
        out.push(v);
      }
      return out;
    }
    case 'object': {
      const out: { [key: string]: LiteralValue } = {};
      for (const item of expr.items) {
        const k = literalValue(item.key, depth + 1);
        const v = literalValue(item.value, depth + 1);
        if ((typeof k !== 'string' && typeof k !== 'number') || v === undefined) {
          return undefined;
        }
        // Defined, not assigned: a key `__proto__` must become an entry, not the object's prototype.
        Object.defineProperty(out, String(k), { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      return undefined;
  }
}
