import type { AnalysisUnit } from './analyzer';

/**
 * Which units exist and which paths each lists or read, so that an edit finds the units to analyse
 * again without searching every unit's file list. Kept across invalidations.
 */
export class UnitIndex {
  private readonly units = new Map<string, { unit: AnalysisUnit; dependencies: string[]; order: number }>();
  private readonly byPath = new Map<string, Set<string>>();

  /** Records (or updates) the unit `key`: the files it lists and every path it read. */
  set(key: string, unit: AnalysisUnit, dependencies: string[]): void {
    const previous = this.units.get(key);
    if (previous) {
      for (const p of [...previous.unit.files, ...previous.dependencies]) {
        const keys = this.byPath.get(p);
        keys?.delete(key);
        if (keys?.size === 0) {
          this.byPath.delete(p);
        }
      }
    }
    this.units.set(key, { unit, dependencies, order: previous?.order ?? this.units.size });
    for (const p of [...unit.files, ...dependencies]) {
      let keys = this.byPath.get(p);
      if (!keys) {
        keys = new Set();
        this.byPath.set(p, keys);
      }
      keys.add(key);
    }
  }

  /** The keys of the units recorded. */
  keys(): string[] {
    return [...this.units.keys()];
  }

  /** Forgets the unit `key` (a grouping that a later scan no longer makes). */
  delete(key: string): void {
    const e = this.units.get(key);
    if (!e) {
      return;
    }
    this.units.delete(key);
    for (const p of [...e.unit.files, ...e.dependencies]) {
      const keys = this.byPath.get(p);
      keys?.delete(key);
      if (keys?.size === 0) {
        this.byPath.delete(p);
      }
    }
  }

  /** The units that list or read `path`, by key, in the order they were first recorded. */
  unitsOf(path: string): Array<[string, AnalysisUnit]> {
    const keys = [...(this.byPath.get(path) ?? [])];
    const entries = keys.map((k) => [k, this.units.get(k)!] as const);
    entries.sort((a, b) => a[1].order - b[1].order);
    return entries.map(([k, e]) => [k, e.unit]);
  }

  clear(): void {
    this.units.clear();
    this.byPath.clear();
  }
}
