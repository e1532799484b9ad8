import { countryName } from '../catalog/countries';
import type { Copy, Placement } from '../model';
import { describeStep, resourceLabel } from './describe';
import type { Rule, RuleContext } from './rule';

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

/** `replicated to us-east-1 (United States), operated by …, controlled from the United States (how)`. */
export function describeCopy(c: Copy, ctx: Pick<RuleContext, 'displayPath'>): string {
  const where = c.regionId
    ? `${c.regionId} (${c.country ? countryName(c.country) : 'several countries'})`
    : `an undetermined region (${c.unresolvedReason ?? 'unknown'})`;
  const verb = c.kind === 'replica' || c.kind === 'geo-redundancy' ? `${KIND[c.kind]} in` : `${KIND[c.kind]} to`;
  const control = c.operator && c.controller ? `, operated by ${c.operator} (${countryName(c.controller)})` : '';
  // The first step says how the copy comes about; the whole chain is in the report and the hover.
  const how = c.provenance.length > 0 ? `, from ${describeStep(c.provenance[0], ctx)}` : '';
  return `${c.kind === 'multi-region' ? 'stored in' : verb} ${where}${control}${how}`;
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
    const data = p.dataClass === 'customer-data' ? '' : ' (this resource type holds no customer data)';
    const list = abroad.map((c) => describeCopy(c, ctx)).join('; ');
    const setting = ctx.config.noDataSeverity;
    // "off" for resources that hold no customer data means not reported (it used to fall back to the rule's severity).
    if (p.dataClass !== 'customer-data' && setting === 'off') {
      return undefined;
    }
    return {
      message: `${resourceLabel(p)} has ${abroad.length === 1 ? 'a copy' : `${abroad.length} copies`} of its data in another country${data}: ${list}.`,
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
