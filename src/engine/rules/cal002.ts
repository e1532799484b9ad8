import { governs } from '../residency/policy';
import { resourceLabel } from './describe';
import type { Rule } from './rule';

/** The region cannot be determined statically; say why and where it would come from. */
export const cal002: Rule = {
  id: 'CAL002',
  name: 'region-unresolved',
  title: 'Region cannot be determined statically',
  defaultSeverity: 'info',
  description:
    'The region of this resource depends on a value that is only known at deployment time (an unset variable, ' +
    'an environment variable, resourceGroup().location, a remote module). Set the value in the code, a tfvars or ' +
    'parameter file, or the settings, so that the placement can be checked.',
  check(p, ctx) {
    if (p.global || p.region.kind !== 'unknown') {
      return undefined;
    }
    // Under a residency policy an unresolved placement is not taken as compliant: say that it is unchecked.
    const policy = ctx.config.residency?.policies.some((r) => governs(r, p))
      ? ' It cannot be checked against the residency policy until it is known.'
      : '';
    return { message: `The region of ${resourceLabel(p)} cannot be determined: ${p.region.reason}.${policy}` };
  },
};
