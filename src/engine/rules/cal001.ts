import { describeControl, describeRegion, resourceLabel } from './describe';
import type { Rule } from './rule';

/** Customer data in a region outside the U.S. whose operator is ultimately controlled by a U.S. entity. */
export const cal001: Rule = {
  id: 'CAL001',
  name: 'non-us-region-us-controlled',
  title: 'Non-U.S. region operated under U.S. control',
  defaultSeverity: 'warning',
  description:
    'The resource is placed in a region outside the United States, but the entity operating that region is ultimately ' +
    "controlled by a U.S. company. 18 U.S.C. § 2713 (CLOUD Act) applies such a provider's Stored Communications Act " +
    'obligations (to preserve, back up or disclose data, under legal process such as a warrant) to data in its ' +
    '"possession, custody, or control", regardless of where it is stored. Reported as a warning for resources that hold ' +
    'customer data and as information for others.',
  check(p, ctx) {
    if (p.global || !p.regionKnown || p.control !== 'us' || p.controller !== 'US' || p.country === 'US') {
      return undefined;
    }
    // One short line: what, where, who controls it. Where the region comes from is related information
    // (and in the hover and reports), not repeated in every message.
    const where = describeRegion(p);
    const data = p.dataClass === 'customer-data' ? '' : '; holds no customer data';
    const setting = ctx.config.noDataSeverity;
    // "off" for resources that hold no customer data means not reported (it used to fall back to the rule's severity).
    if (p.dataClass !== 'customer-data' && setting === 'off') {
      return undefined;
    }
    return {
      message: `${resourceLabel(p)}: ${where}; operator ${describeControl(p)}${data}.`,
      severity: p.dataClass === 'customer-data' || setting === 'off' ? undefined : setting,
    };
  },
};
