import type { Node } from 'jsonc-parser';

import { unknown, type Value } from '../azure/value';
import { MAX_ITEMS, tooLarge } from '../evaluation';
import { type ArmDocument, locate } from './document';
import { evalString, type Scope } from './evaluate';

/**
 * Converts a JSON node to a value, evaluating template expressions in string values with `scope`
 * (parameter files pass no scope: their values are literal). Recursion is bounded by the JSON depth
 * limit enforced before parsing. Object keys are kept as written; lookups ignore case, as ARM does.
 */
export function nodeToVal(doc: ArmDocument, node: Node, scope: Scope | undefined): Value {
  const loc = locate(doc, node);
  switch (node.type) {
    case 'string': {
      const s = node.value as string;
      return scope ? evalString(s, scope, loc) : { k: 'string', v: s, loc };
    }
    case 'number':
      return { k: 'number', v: node.value as number, loc };
    case 'boolean':
      return { k: 'bool', v: node.value as boolean, loc };
    case 'null':
      return { k: 'null', loc };
    case 'array': {
      const children = node.children ?? [];
      if (children.length > MAX_ITEMS) {
        return unknown(tooLarge('array'), loc);
      }
      return { k: 'array', items: children.map((c) => nodeToVal(doc, c, scope)), loc };
    }
    case 'object': {
      const props = new Map<string, Value>();
      const children = node.children ?? [];
      if (children.length > MAX_ITEMS) {
        return unknown(tooLarge('object'), loc);
      }
      for (const p of children) {
        const [k, v] = p.children ?? [];
        if (k && v && typeof k.value === 'string') {
          props.set(k.value, nodeToVal(doc, v, scope));
        }
      }
      return { k: 'object', props, loc };
    }
    default:
      return unknown('the value is not valid JSON', loc);
  }
}
