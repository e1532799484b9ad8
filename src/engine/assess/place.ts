import { getProvider, lookupRegion } from '../catalog';
import type { ExtractedResource, Placement } from '../model';

/** Consults the catalog for a resolved resource: canonical region, country, operator and who controls it. */
export function place(res: ExtractedResource): Placement {
  const provider = getProvider(res.provider);
  const match = res.region.kind === 'known' ? lookupRegion(res.provider, res.region.value) : undefined;
  // A fresh object of one fixed shape (no spread): placements are made once per resource on a hot
  // path, and the analyzers' results stay untouched in the unit cache.
  return {
    language: res.language,
    file: res.file,
    range: res.range,
    headerRange: res.headerRange,
    type: res.type,
    name: res.name,
    address: res.address,
    module: res.module,
    provider: res.provider,
    region: res.region,
    regionLocation: res.regionLocation,
    provenance: res.provenance,
    dataClass: res.dataClass,
    global: res.global || match?.effective.kind === 'global',
    instanceKey: res.instanceKey,
    regionId: match ? match.region.id : res.region.kind === 'known' ? res.region.value : null,
    country: match ? match.effective.country : null,
    controller: match ? match.ultimateParent.country : (provider?.ultimateParent.country ?? null),
    operator: match ? match.operator.name : (provider?.operator.name ?? null),
    ultimateParent: match ? match.ultimateParent.name : (provider?.ultimateParent.name ?? null),
    control: match ? match.control : (provider?.control ?? null),
    regionKnown: match !== undefined,
    findings: [],
  };
}
