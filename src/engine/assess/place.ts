import { getProvider, lookupRegion } from '../catalog';
import type { ExtractedResource, Placement } from '../model';

/** Consults the catalog for a resolved resource: canonical region, country, operator and who controls it. */
export function place(res: ExtractedResource): Placement {
  const provider = getProvider(res.provider);
  const base: Placement = {
    ...res,
    regionId: null,
    country: null,
    controller: provider?.ultimateParent.country ?? null,
    operator: provider?.operator.name ?? null,
    ultimateParent: provider?.ultimateParent.name ?? null,
    control: provider?.control ?? null,
    regionKnown: false,
    findings: [],
  };
  if (res.region.kind !== 'known') {
    return base;
  }
  const match = lookupRegion(res.provider, res.region.value);
  if (!match) {
    return { ...base, regionId: res.region.value };
  }
  const effective = match.effective;
  return {
    ...base,
    regionId: match.region.id,
    country: effective.country,
    controller: match.ultimateParent.country,
    operator: match.operator.name,
    ultimateParent: match.ultimateParent.name,
    control: match.control,
    regionKnown: true,
    global: res.global || effective.kind === 'global',
  };
}
