import { describeControl, describeRegion, resourceLabel } from './describe';
import type { Rule } from './rule';

/** Data stored in the United States (off by default). */
export const cal005: Rule = {
  id: 'CAL005',
  name: 'us-region',
  title: 'Data stored in the United States',
  defaultSeverity: 'off',
  description: 'The resource is placed in a region in the United States. Off by default; for users outside the U.S.',
  check(p) {
    if (p.global || !p.regionKnown || p.country !== 'US') {
      return undefined;
    }
    return { message: `${resourceLabel(p)}: ${describeRegion(p)}; operator ${describeControl(p)}.` };
  },
};
