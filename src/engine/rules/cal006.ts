import { suggestRegions } from '../catalog';
import { quoteValue } from '../text/quote';
import { resourceLabel } from './describe';
import type { Rule } from './rule';

/** A region identifier the catalog does not know. */
export const cal006: Rule = {
  id: 'CAL006',
  name: 'unknown-region',
  title: 'Region identifier unknown to the catalog',
  defaultSeverity: 'warning',
  description:
    'The region value is not a region, zone or location of this provider in the catalog: a typo, a region of another ' +
    'provider, or a region newer than the catalog.',
  check(p) {
    if (p.global || p.region.kind !== 'known' || p.regionKnown) {
      return undefined;
    }
    // The nearest known spellings (a typo, or another provider's id): the quick fix offers each.
    const near = suggestRegions(p.provider, p.region.value, 3).map((r) => r.id);
    const hint = near.length > 0 ? ` Did you mean ${near.map((id) => `"${id}"`).join(' or ')}?` : ' Check for a typo.';
    return {
      message: `${quoteValue(p.region.value)} is not a known region of ${p.provider} (used by ${resourceLabel(p)}).${hint}`,
    };
  },
};
