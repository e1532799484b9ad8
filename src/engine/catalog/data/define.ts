import type { ControlClass } from '../../model';
import type { Entity, LocationKind, RegionInfo, Source } from '../types';

/** What every location of one data file (or one partition of it) has in common. */
export interface LocationDefaults {
  providerId: string;
  partition: string;
  sources: Source[];
  asOf: string;
  kind?: LocationKind;
  operator?: Entity;
  ultimateParent?: Entity;
  control?: ControlClass;
  notes?: string[];
  /** Add the display name as an alias (Azure: `West Europe` for `westeurope`). */
  nameAsAlias?: boolean;
}

/** One compact row: id, display name, ISO country (or null), city, then optional extra fields. */
export type Row = [id: string, name: string, country: string | null, city?: string, extra?: Partial<RegionInfo>];

/**
 * Expands compact rows into full `RegionInfo` records. The data files stay readable tables while
 * every record still carries its own source, as-of date and partition.
 */
export function locations(d: LocationDefaults, rows: Row[]): RegionInfo[] {
  return rows.map(([id, name, country, city, extra]) => {
    const info: RegionInfo = {
      providerId: d.providerId,
      id,
      name,
      kind: d.kind ?? 'region',
      country,
      partition: d.partition,
      sources: d.sources,
      asOf: d.asOf,
    };
    if (city) {
      info.city = city;
    }
    if (d.operator) {
      info.operator = d.operator;
    }
    if (d.ultimateParent) {
      info.ultimateParent = d.ultimateParent;
    }
    if (d.control) {
      info.control = d.control;
    }
    if (d.notes) {
      info.notes = [...d.notes];
    }
    if (d.nameAsAlias) {
      info.aliases = [name];
    }
    const merged: RegionInfo = { ...info, ...extra };
    const notes = [...(info.notes ?? []), ...(extra?.notes ?? [])];
    if (notes.length > 0) {
      merged.notes = notes;
    }
    return merged;
  });
}

/**
 * Zones of regions: for each region id and suffix list, a zone `${region}${separator}${suffix}`
 * whose country, city, partition, operator and control are the region's.
 */
export function zonesOf(regions: RegionInfo[], spec: Record<string, string[]>, separator = '-'): RegionInfo[] {
  const out: RegionInfo[] = [];
  for (const region of regions) {
    const suffixes = spec[region.id];
    if (!suffixes) {
      continue;
    }
    for (const suffix of suffixes) {
      const zone: RegionInfo = {
        ...region,
        id: `${region.id}${separator}${suffix}`,
        name: `${region.name}, zone ${suffix}`,
        kind: 'zone',
        parentRegion: region.id,
      };
      delete zone.aliases;
      out.push(zone);
    }
  }
  return out;
}
