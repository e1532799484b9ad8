import { countryName } from '../catalog/countries';
import type { Copy, Placement } from '../model';
import { describeStep, resourceLabel } from './describe';
import type { Rule } from './rule';

/** Whether a copy takes the data to another country than the resource's own, or across several. */
export function crossesBorder(p: Placement, c: Copy): boolean {
  if (!c.regionKnown) {
    return false;
  }
  return c.multiCountry || (c.country !== null && c.country !== p.country);
}

const KIND: Record<Copy['kind'], string> = {
  replication: 'replicated',
  replica: 'a replica',
  'geo-redundancy': 'a geo-redundant copy',
  backup: 'backups copied',
  'multi-region': 'stored',
};

/**
 * `replicated to us-east-1 (United States)`; the operator when it is not the resource's own. How the copy
 * comes about is related information (and in the hover and reports), not part of the one-line message.
 */
function describeCopy(p: Placement, c: Copy): string {
  const where = `${c.regionId} (${c.country ? countryName(c.country) : 'several countries'})`;
  const verb = c.kind === 'replica' || c.kind === 'geo-redundancy' ? `${KIND[c.kind]} in` : `${KIND[c.kind]} to`;
  const other = c.operator && c.operator !== p.operator && c.controller;
  const control = other ? `, operator ${c.operator} (${countryName(c.controller)})` : '';
  return `${c.kind === 'multi-region' ? 'stored in' : verb} ${where}${control}`;
}

/** A copy of the data lands in another country than the resource itself, or spans several countries. */
export const cal008: Rule = {
  id: 'CAL008',
  name: 'copy-in-another-country',
  title: 'A copy of the data lands in another country',
  defaultSeverity: 'warning',
  description:
    'The resource’s data is copied elsewhere — replication, a replica, a geo-redundant pair, a backup copy, a ' +
    'dual- or multi-region location — and a copy lands in another country than the resource itself, or spans ' +
    'several countries. The copy is where the data is, too. Reported as a warning for resources that hold customer ' +
    'data and as information for others.',
  check(p, ctx) {
    const abroad = p.copies.filter((c) => crossesBorder(p, c));
    if (abroad.length === 0) {
      return undefined;
    }
    const data = p.dataClass === 'customer-data' ? '' : '; holds no customer data';
    const list = abroad.map((c) => describeCopy(p, c)).join(', ');
    const setting = ctx.config.noDataSeverity;
    // "off" for resources that hold no customer data means not reported (it used to fall back to the rule's severity).
    if (p.dataClass !== 'customer-data' && setting === 'off') {
      return undefined;
    }
    return {
      message: `${resourceLabel(p)}: ${abroad.length === 1 ? 'a copy' : `${abroad.length} copies`} of its data in another country: ${list}${data}.`,
      severity: p.dataClass === 'customer-data' || setting === 'off' ? undefined : setting,
      // Where each copy comes from: the replication target, the redundancy setting, the replica block.
      related: abroad.flatMap((c) =>
        c.provenance.flatMap((s) =>
          s.location ? [{ message: `Copy (${c.kind}): ${describeStep(s, ctx)}`, location: s.location }] : [],
        ),
      ),
    };
  },
};
