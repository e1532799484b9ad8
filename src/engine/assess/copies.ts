import { lookupRegion, regionPair, type ReplicaRole } from '../catalog';
import type { Copy, ExtractedCopy, ExtractedResource, ProvenanceStep, RegionResolution } from '../model';
import { escapeControl, MAX_QUOTED, shortValue } from '../text/quote';

/** Longest reason and provenance step kept for a copy, as for the resource itself. */
const MAX_TEXT = 240;

function unresolved(c: Pick<ExtractedCopy, 'kind' | 'provenance'>, reason: string): Copy {
  return {
    kind: c.kind,
    regionId: null,
    unresolvedReason: shortValue(reason, MAX_TEXT),
    country: null,
    controller: null,
    operator: null,
    ultimateParent: null,
    regionKnown: false,
    multiCountry: false,
    provenance: shown(c.provenance),
  };
}

function shown(steps: ProvenanceStep[]): ProvenanceStep[] {
  return steps.map((s) => ({ ...s, description: escapeControl(shortValue(s.description, MAX_TEXT)) }));
}

/** A copy at a region value written in the code (or from the catalog), looked up like a resource's region. */
function atRegion(c: Pick<ExtractedCopy, 'kind' | 'provenance'>, provider: string, value: string): Copy {
  const match = lookupRegion(provider, value);
  if (!match) {
    return {
      ...unresolved(c, ''),
      regionId: escapeControl(shortValue(value, MAX_QUOTED)),
      unresolvedReason: null,
    };
  }
  const countries = match.effective.countries ?? [];
  return {
    kind: c.kind,
    regionId: match.region.id,
    unresolvedReason: null,
    country: match.effective.country,
    controller: match.ultimateParent.country,
    operator: match.operator.name,
    ultimateParent: match.ultimateParent.name,
    regionKnown: true,
    multiCountry:
      match.effective.country === null && (countries.length !== 1 || match.effective.kind === 'multi-region'),
    provenance: shown(c.provenance),
  };
}

/** The platform's pair of the resource's own region (Azure geo-redundant storage). */
function atPair(c: ExtractedCopy, primary: RegionResolution, primaryId: string | null): Copy {
  if (primary.kind !== 'known' || !primaryId) {
    return unresolved(c, 'the resource’s own region is not known, so neither is the region it is paired with');
  }
  const pair = regionPair(c.provider, primaryId);
  if (!pair) {
    return unresolved(c, `the catalog knows no published pair for ${primaryId}`);
  }
  if (pair.secondary === null) {
    return unresolved(
      c,
      `Microsoft lists ${primaryId} as a region without a pair, so no secondary region is published for a geo-redundant copy`,
    );
  }
  return atRegion(
    {
      kind: c.kind,
      provenance: [...c.provenance, { description: `${pair.secondary} is the published pair of ${primaryId}` }],
    },
    c.provider,
    pair.secondary,
  );
}

/**
 * Places a resource's copies: those the analyzer found, and those its location implies (the member
 * regions of a dual-region). A copy whose region cannot be determined is kept, with the reason.
 */
export function placeCopies(res: ExtractedResource, primaryId: string | null): Copy[] {
  const out: Copy[] = [];
  // The same copy found twice (four replication rules to one destination written as text) is listed
  // once: a repeat says nothing new and would count twice in the copies across borders.
  const seen = new Set<string>();
  for (const c of res.copies ?? []) {
    const key = copyKey(c);
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    if (c.region.kind === 'pair') {
      out.push(atPair(c, res.region, primaryId));
    } else if (c.region.kind === 'known') {
      out.push(atRegion(c, c.provider, c.region.value));
    } else {
      out.push(unresolved(c, c.region.reason));
    }
  }
  const match = res.region.kind === 'known' ? lookupRegion(res.provider, res.region.value) : undefined;
  for (const member of match?.effective.members ?? []) {
    const description = memberDescription(match!.region.id, member, match!.effective.memberRoles?.[member]);
    out.push(atRegion({ kind: 'multi-region', provenance: [{ description }] }, res.provider, member));
  }
  return out;
}

/** What makes two found copies the same: kind, provider, region and the same provenance, step by step. */
function copyKey(c: ExtractedCopy): string {
  const region =
    c.region.kind === 'known' ? c.region.value : c.region.kind === 'unknown' ? `?${c.region.reason}` : 'pair';
  const steps = c.provenance.map((p) =>
    p.location
      ? `${p.description}@${p.location.file}:${p.location.range.start.line}:${p.location.range.start.character}`
      : p.description,
  );
  return [c.kind, c.provider, region, ...steps].join('\u0000');
}

/** How a member region of a multi-region holds the data; a witness says what it is rather than being dropped. */
function memberDescription(location: string, member: string, role: ReplicaRole | undefined): string {
  switch (role) {
    case undefined:
      return `${location} stores the data in ${member}`;
    case 'witness':
      return `${location}: witness replica in ${member} (votes on every write, keeps no full readable copy)`;
    default:
      return `${location}: ${role} replicas in ${member}`;
  }
}
