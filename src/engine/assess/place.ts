import { getProvider, lookupRegion } from '../catalog';
import type { ExtractedResource, Placement, ProvenanceStep, RegionResolution } from '../model';
import { escapeControl, MAX_QUOTED, shortValue } from '../text/quote';
import { placeCopies } from './copies';

/** Longest unresolved reason and provenance step kept: they quote paths and expressions as written. */
const MAX_REASON = 240;

/**
 * What the scanned code wrote, as every report and the editor will show it: unknown literals short and on
 * one line (a region that comes from a file, or a 5,000-character literal, is never echoed whole).
 */
function shownRegion(r: RegionResolution): RegionResolution {
  if (r.kind === 'known') {
    const value = shortValue(r.value, MAX_QUOTED);
    return value === r.value ? r : { kind: 'known', value };
  }
  const reason = shortValue(r.reason, MAX_REASON);
  return reason === r.reason ? r : { kind: 'unknown', reason };
}

function shownSteps(steps: ProvenanceStep[]): ProvenanceStep[] {
  return steps.every((s) => shortValue(s.description, MAX_REASON) === s.description)
    ? steps
    : steps.map((s) => ({ ...s, description: shortValue(s.description, MAX_REASON) }));
}

/** Consults the catalog for a resolved resource: canonical region, country, operator and who controls it. */
export function place(res: ExtractedResource): Placement {
  const provider = getProvider(res.provider);
  const match = res.region.kind === 'known' ? lookupRegion(res.provider, res.region.value) : undefined;
  const region = match ? res.region : shownRegion(res.region);
  // A fresh object of one fixed shape (no spread): placements are made once per resource on a hot
  // path, and the analyzers' results stay untouched in the unit cache.
  return {
    language: res.language,
    file: res.file,
    range: res.range,
    headerRange: res.headerRange,
    type: res.type,
    name: escapeControl(res.name),
    address: escapeControl(res.address),
    module: res.module,
    provider: res.provider,
    region,
    regionLocation: res.regionLocation,
    provenance: shownSteps(res.provenance),
    dataClass: res.dataClass,
    global: res.global || match?.effective.kind === 'global',
    instanceKey: res.instanceKey,
    regionId: match ? match.region.id : region.kind === 'known' ? region.value : null,
    country: match ? match.effective.country : null,
    controller: match ? match.ultimateParent.country : (provider?.ultimateParent.country ?? null),
    operator: match ? match.operator.name : (provider?.operator.name ?? null),
    ultimateParent: match ? match.ultimateParent.name : (provider?.ultimateParent.name ?? null),
    control: match ? match.control : (provider?.control ?? null),
    regionKnown: match !== undefined,
    copies: placeCopies(res, match ? match.region.id : null),
    findings: [],
  };
}
