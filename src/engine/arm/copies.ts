import type { Node } from 'jsonc-parser';
import { type AzureProp, azureCopies, hasCopyRules } from '../azure/copies';
import type { ExtractedCopy, RegionResolution } from '../model';
import { type ArmDocument, prop } from './document';
import type { Scope } from './evaluate';
import { nodeToVal } from './node-value';
import type { Val } from './value';

function toProp(v: Val): AzureProp {
  switch (v.k) {
    case 'str':
      return { k: 'string', v: v.v, at: v.at };
    case 'unk':
      return { k: 'unknown', reason: v.reason, at: v.at };
    case 'arr':
      return { k: 'list', items: v.items.map(toProp), at: v.at };
    case 'obj':
      // ARM property names are case-insensitive.
      return {
        k: 'object',
        get: (n) => (v.props.has(n.toLowerCase()) ? toProp(v.props.get(n.toLowerCase())!) : undefined),
        at: v.at,
      };
    default:
      return { k: 'other', at: v.at };
  }
}

/** The copies an ARM resource's properties ask for, by the rules shared with Bicep. */
export function armCopies(
  type: string,
  doc: ArmDocument,
  res: Node,
  scope: Scope,
  primary: RegionResolution,
): ExtractedCopy[] {
  if (!hasCopyRules(type)) {
    return [];
  }
  return azureCopies(
    type,
    (name) => {
      const node = prop(res, name);
      return node ? toProp(nodeToVal(doc, node, scope)) : undefined;
    },
    primary,
  );
}
