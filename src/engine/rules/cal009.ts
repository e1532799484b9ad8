import type { RelatedInfo } from '../model';
import { judge, policyLabel, type ResidencyPolicy } from '../residency/policy';
import { resourceLabel } from './describe';
import type { Rule } from './rule';

/** `the residency policy (.cloud-act-lens.json)`, `GCP organisation policy gcp.resourceLocations (org.yaml:3)`. */
function which(policy: ResidencyPolicy): string {
  return policy.kind === 'project' ? `the residency policy (${policy.file})` : policyLabel(policy);
}

/** The line of the policy file where the broken rule is written, when the loader knows the file. */
function policyLocation(policy: ResidencyPolicy): RelatedInfo[] {
  if (!policy.path) {
    return [];
  }
  const line = Math.max(0, (policy.line ?? 1) - 1);
  return [
    {
      message: `Policy: ${policy.name}`,
      location: { file: policy.path, range: { start: { line, character: 0 }, end: { line, character: 0 } } },
    },
  ];
}

/**
 * A placement or a copy of its data outside the organisation's residency policies: the `residency`
 * rule of the project file (countries, controllers) and every imported cloud policy that governs the
 * placement's provider. Every policy must be satisfied.
 */
export const cal009: Rule = {
  id: 'CAL009',
  name: 'outside-residency-policy',
  title: "Outside the organisation's residency policy",
  defaultSeverity: 'error',
  description:
    'The organisation declared where its data may be placed and who may control the operator (`residency` in the ' +
    'project file: countries, controllers, and the GCP, Azure and AWS location policies it imports). A placement, ' +
    'or a copy of its data, lies outside those countries, its operator is ultimately controlled from a country ' +
    'the policy does not allow, or an imported policy does not allow its location. Without a policy the rule ' +
    'reports nothing.',
  check(p, ctx) {
    const policies = ctx.config.residency?.policies ?? [];
    const clauses: string[] = [];
    const related: RelatedInfo[] = [];
    for (const policy of policies) {
      const v = judge(policy, p);
      if (v.outcome === 'outside') {
        clauses.push(`${which(policy)}: ${v.reasons.join('; ')}`);
        related.push(...policyLocation(policy));
      }
    }
    if (clauses.length === 0) {
      return undefined;
    }
    return {
      message: `${resourceLabel(p)} is outside ${clauses.join('; and outside ')}.`,
      ...(related.length ? { alsoRelated: related } : {}),
    };
  },
};
