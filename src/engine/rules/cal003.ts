import { describeControl, resourceLabel } from './describe';
import type { Rule } from './rule';

/** A global service with no regional pinning. */
export const cal003: Rule = {
  id: 'CAL003',
  name: 'global-service',
  title: 'Global service without regional pinning',
  defaultSeverity: 'info',
  description:
    'The resource is a global service (CDN, DNS, global front door, identity) that is not pinned to a region; ' +
    'its data may be processed wherever the operator runs the service.',
  check(p) {
    if (!p.global && p.regionId?.toLowerCase() !== 'global') {
      return undefined;
    }
    return { message: `${resourceLabel(p)}: global service; operator ${describeControl(p)}.` };
  },
};
