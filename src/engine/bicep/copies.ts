import { type AzureProp, azureCopies, hasCopyRules } from '../azure/copies';
import type { ExtractedCopy, RegionResolution } from '../model';
import type { ObjectProperty } from './ast';
import { evaluate } from './evaluate';
import type { Scope } from './scope';
import type { Value } from './values';

function toProp(v: Value): AzureProp {
  switch (v.k) {
    case 'string':
      return { k: 'string', v: v.v, at: v.loc };
    case 'unknown':
      return { k: 'unknown', reason: v.reason, at: v.loc };
    case 'array':
      return { k: 'list', items: v.items.map(toProp), at: v.loc };
    case 'object':
      return { k: 'object', get: (n) => (v.props.has(n) ? toProp(v.props.get(n)!) : undefined), at: v.loc };
    default:
      return { k: 'other', at: v.loc };
  }
}

/** The copies a Bicep resource's properties ask for, by the rules shared with ARM JSON. */
export function bicepCopies(
  type: string,
  props: readonly ObjectProperty[],
  scope: Scope,
  primary: RegionResolution,
): ExtractedCopy[] {
  if (!hasCopyRules(type)) {
    return [];
  }
  return azureCopies(
    type,
    (name) => {
      const p = props.find((x) => x.key === name);
      return p ? toProp(evaluate(p.value, scope)) : undefined;
    },
    primary,
  );
}
