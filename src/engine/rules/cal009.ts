import { lookupRegion } from '../catalog';
import { countryName } from '../catalog/countries';
import { COUNTRY_GROUPS, expandCountries } from '../catalog/groups';
import type { LensConfig } from '../config';
import type { Copy, Placement } from '../model';
import { resourceLabel } from './describe';
import type { Rule } from './rule';

/** A place as the policy sees it: where (country codes, or unknown) and who controls the operator. */
interface Where {
  label: string;
  countries: string[] | undefined;
  controller: string | null;
}

/** The countries a known location spans: its country, a multi-region's countries or group, else unknown. */
function countriesOf(provider: string, regionId: string, country: string | null): string[] | undefined {
  if (country) {
    return [country];
  }
  const info = lookupRegion(provider, regionId)?.effective;
  if (info?.countries?.length) {
    return info.countries;
  }
  const group = info?.jurisdiction ? COUNTRY_GROUPS.get(info.jurisdiction) : undefined;
  return group ? [...group.members] : undefined;
}

function list(codes: readonly string[]): string {
  return codes.join(', ');
}

/** Why `w` is outside the policy, or undefined when it is inside. Unknown places are not judged here. */
function violation(w: Where, policy: NonNullable<LensConfig['residency']>): string | undefined {
  const reasons: string[] = [];
  if (policy.countries && w.countries) {
    const allowed = expandCountries(policy.countries).countries;
    const outside = w.countries.filter((c) => !allowed.has(c));
    if (outside.length > 0) {
      reasons.push(
        `${w.label} is in ${outside.map((c) => `${countryName(c)} (${c})`).join(', ')}, and the policy allows ${list(policy.countries)}`,
      );
    }
  }
  if (policy.controllers && w.controller) {
    if (!expandCountries(policy.controllers).countries.has(w.controller)) {
      reasons.push(
        `${w.label} has an operator ultimately controlled from ${countryName(w.controller)} (${w.controller}), and the policy allows controllers in ${list(policy.controllers)}`,
      );
    }
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

function copyWhere(p: Placement, c: Copy): Where | undefined {
  if (!c.regionId || !c.regionKnown) {
    return undefined;
  }
  return {
    label: `its ${c.kind} copy in ${c.regionId}`,
    countries: countriesOf(p.provider, c.regionId, c.country),
    controller: c.controller,
  };
}

/** A placement or a copy of its data outside the organisation's residency policy (`residency`). */
export const cal009: Rule = {
  id: 'CAL009',
  name: 'outside-residency-policy',
  title: "Outside the organisation's residency policy",
  defaultSeverity: 'error',
  description:
    'The organisation declared where its data may be placed and who may control the operator (`residency` in the ' +
    'project file). A placement, or a copy of its data, lies outside those countries, or its operator is ' +
    'ultimately controlled from a country the policy does not allow. Without a policy the rule reports nothing.',
  check(p, ctx) {
    const policy = ctx.config.residency;
    if (!policy || p.global) {
      return undefined;
    }
    const places: Where[] = [];
    if (p.regionId && p.regionKnown) {
      places.push({
        label: `the region ${p.regionId}`,
        countries: countriesOf(p.provider, p.regionId, p.country),
        controller: p.controller,
      });
    }
    for (const c of p.copies) {
      const w = copyWhere(p, c);
      if (w) {
        places.push(w);
      }
    }
    const reasons = places.map((w) => violation(w, policy)).filter((r): r is string => r !== undefined);
    if (reasons.length === 0) {
      return undefined;
    }
    return {
      message: `${resourceLabel(p)} is outside the residency policy (${policy.source}): ${reasons.join('; ')}.`,
    };
  },
};
