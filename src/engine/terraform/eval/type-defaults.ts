import type { Expression } from '../parser';
import { literalString } from '../parser';
import { type Env, evaluate } from './evaluate';
import { list, map, nul, type Val } from './values';

const MAX_DEPTH = 16;

function unwrap(e: Expression): Expression {
  return e.kind === 'parentheses' ? unwrap(e.expr) : e;
}

/** `object({...})` → its attribute types by name. */
function objectAttrs(type: Expression): Map<string, Expression> | undefined {
  if (type.kind !== 'functionCall' || type.name !== 'object' || type.args[0]?.kind !== 'object') {
    return undefined;
  }
  const out = new Map<string, Expression>();
  for (const item of type.args[0].items) {
    const key = item.key.kind === 'scopeTraversal' ? item.key.root : literalString(item.key);
    if (key) {
      out.set(key, unwrap(item.value));
    }
  }
  return out;
}

/**
 * Converts a variable's value to its declared type the way Terraform does for what matters here:
 * object attributes declared `optional(T, default)` that the value leaves out get their default (or
 * null), recursively through `map(...)`, `list(...)`, `set(...)` and nested objects. Without this, a
 * lookup of an omitted optional attribute would look like an error.
 */
export function applyTypeDefaults(v: Val, typeExpr: Expression, env: Env, depth = 0): Val {
  const type = unwrap(typeExpr);
  if (v.t === 'unknown' || v.t === 'null' || depth > MAX_DEPTH || type.kind !== 'functionCall') {
    return v;
  }
  const inner = type.args[0] ? unwrap(type.args[0]) : undefined;
  switch (type.name) {
    case 'optional':
      return inner ? applyTypeDefaults(v, inner, env, depth + 1) : v;
    case 'map':
      return v.t === 'map' && inner
        ? map(new Map([...v.entries].map(([k, e]) => [k, applyTypeDefaults(e, inner, env, depth + 1)])), v.o)
        : v;
    case 'list':
    case 'set':
      return v.t === 'list' && inner
        ? list(
            v.items.map((e) => applyTypeDefaults(e, inner, env, depth + 1)),
            v.o,
          )
        : v;
    case 'object': {
      const attrs = objectAttrs(type);
      if (!attrs || v.t !== 'map') {
        return v;
      }
      const out = new Map<string, Val>();
      for (const [name, attrType] of attrs) {
        const present = v.entries.get(name);
        if (present && present.t !== 'null') {
          out.set(name, applyTypeDefaults(present, attrType, env, depth + 1));
        } else if (attrType.kind === 'functionCall' && attrType.name === 'optional' && attrType.args[1]) {
          const d = evaluate(attrType.args[1], env);
          out.set(name, attrType.args[0] ? applyTypeDefaults(d, unwrap(attrType.args[0]), env, depth + 1) : d);
        } else {
          out.set(name, present ?? nul());
        }
      }
      return map(out, v.o);
    }
    default:
      return v;
  }
}
