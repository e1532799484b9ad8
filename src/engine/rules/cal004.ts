import { describeControl, describeRegion, resourceLabel } from './describe';
import type { Rule } from './rule';

/** A region operated by a non-U.S. company under licence of U.S. technology. */
export const cal004: Rule = {
  id: 'CAL004',
  name: 'licensed-operator',
  title: 'Region operated by a non-U.S. company under licence of U.S. technology',
  defaultSeverity: 'info',
  description:
    'The region is operated by a company that is not controlled by a U.S. entity but runs technology licensed from ' +
    'a U.S. provider (AWS China by Sinnet and NWCD, Azure operated by 21Vianet, S3NS, Delos Cloud, Bleu).',
  check(p) {
    if (p.global || !p.regionKnown || p.control !== 'licensed-us-technology') {
      return undefined;
    }
    return { message: `${resourceLabel(p)}: ${describeRegion(p)}; operator ${describeControl(p)}.` };
  },
};
