import type { Node } from 'jsonc-parser';
import { locate, type ArmDocument } from './document';
import { evalString, type Scope } from './evaluate';
import { MAX_ITEMS, unk, type Val } from './value';

/**
 * Converts a JSON node to a value, evaluating template expressions in string values with `scope`
 * (parameter files pass no scope: their values are literal). Recursion is bounded by the JSON depth
 * limit enforced before parsing.
 */
export function nodeToVal(doc: ArmDocument, node: Node, scope: Scope | undefined): Val {
  const at = locate(doc, node);
  switch (node.type) {
    case 'string': {
      const s = node.value as string;
      return scope ? evalString(s, scope, at) : { k: 'str', v: s, at };
    }
    case 'number':
      return { k: 'num', v: node.value as number, at };
    case 'boolean':
      return { k: 'bool', v: node.value as boolean, at };
    case 'null':
      return { k: 'null', at };
    case 'array': {
      const children = node.children ?? [];
      if (children.length > MAX_ITEMS) {
        return unk('an array is too large to evaluate', at);
      }
      return { k: 'arr', items: children.map((c) => nodeToVal(doc, c, scope)), at };
    }
    case 'object': {
      const props = new Map<string, Val>();
      const children = node.children ?? [];
      if (children.length > MAX_ITEMS) {
        return unk('an object is too large to evaluate', at);
      }
      for (const p of children) {
        const [k, v] = p.children ?? [];
        if (k && v && typeof k.value === 'string') {
          props.set(k.value.toLowerCase(), nodeToVal(doc, v, scope));
        }
      }
      return { k: 'obj', props, at };
    }
    default:
      return unk('the value is not valid JSON', at);
  }
}
