import { getProvider, lookupRegion } from '../catalog';
import type { ExtractedResource, Placement } from '../model';

/** Consults the catalog for a resolved resource: canonical region, country, operator and who controls it. */
export function place(res: ExtractedResource): Placement {
  const provider = getProvider(res.provider);
  const match = res.region.kind === 'known' ? lookupRegion(res.provider, res.region.value) : undefined;
  // One shallow copy: analyzers' results stay untouched in the unit cache.
  const p = { ...res } as Placement;
  p.regionId = match ? match.region.id : res.region.kind === 'known' ? res.region.value : null;
  p.country = match ? match.effective.country : null;
  p.controller = match ? match.ultimateParent.country : (provider?.ultimateParent.country ?? null);
  p.operator = match ? match.operator.name : (provider?.operator.name ?? null);
  p.ultimateParent = match ? match.ultimateParent.name : (provider?.ultimateParent.name ?? null);
  p.control = match ? match.control : (provider?.control ?? null);
  p.regionKnown = match !== undefined;
  p.global = res.global || match?.effective.kind === 'global';
  p.findings = [];
  return p;
}
