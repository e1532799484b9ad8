import type { RegionInfo } from './types';

/** Edit distance between two short strings (region ids), with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) {
    return max + 1;
  }
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      best = Math.min(best, cur[j]);
    }
    if (best > max) {
      return max + 1;
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The locations whose normalised spelling is closest to `key` (at most `maxDistance` edits), nearest
 * first and regions before zones. For "did you mean" hints on unknown region ids (CAL006, explain).
 */
export function closest(
  byName: Map<string, RegionInfo>,
  key: string,
  maxDistance: number,
  limit: number,
): RegionInfo[] {
  const scored: Array<[number, RegionInfo]> = [];
  const seen = new Set<RegionInfo>();
  for (const [name, region] of byName) {
    const d = editDistance(key, name, maxDistance);
    if (d <= maxDistance && !seen.has(region)) {
      seen.add(region);
      scored.push([d + (region.kind === 'zone' ? 0.5 : 0), region]);
    }
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].id.localeCompare(b[1].id));
  return scored.slice(0, limit).map(([, r]) => r);
}
