import type { AnalysisUnit, UnitResult } from './analyzer';
import { UnitIndex } from './unit-index';
import { dirname } from './workspace/paths';

interface KeptUnit {
  unit: AnalysisUnit;
  result: UnitResult;
  /** Directories the analysis listed: a file created in one of them (`terraform init`'s modules.json) changes the unit. */
  listed: ReadonlySet<string>;
}

/**
 * The results of analysed units that the editor's engine keeps, and when each stops holding: so that
 * re-analysing after an edit skips the units the edit does not touch.
 */
export class UnitResults {
  private readonly kept = new Map<string, KeptUnit>();
  private readonly index = new UnitIndex();

  /**
   * The kept result of unit `key`, if it still holds for `unit`: the same files, and none of them nor
   * anything the analysis read given as unsaved editor text.
   */
  valid(key: string, unit: AnalysisUnit, overlays?: ReadonlyMap<string, string>): UnitResult | undefined {
    const kept = this.kept.get(key);
    if (!kept || !sameList(kept.unit.files, unit.files)) {
      return undefined;
    }
    const overlaid = (paths: string[]) => overlays !== undefined && paths.some((p) => overlays.has(p));
    return overlaid(kept.result.dependencies) || overlaid(unit.files) ? undefined : kept.result;
  }

  keep(key: string, unit: AnalysisUnit, result: UnitResult, listed: ReadonlySet<string>): void {
    this.kept.set(key, { unit, result, listed });
    this.index.set(key, unit, result.dependencies);
  }

  /** The units that list or read `path`, by key, in the order they were first recorded (kept across {@link forget}). */
  unitsOf(path: string): Array<[string, AnalysisUnit]> {
    return this.index.unitsOf(path);
  }

  /**
   * Drops the results that a change of `path` may change: of units that read it, that list a file in its
   * directory (a new `.tf` in a module), or that listed one of `looked`, the directories whose listings
   * the change alters (its own, and those that lacked the directory it now brings into being).
   */
  forget(path: string, looked: readonly string[]): void {
    const dir = dirname(path);
    for (const [key, kept] of this.kept) {
      if (
        kept.result.dependencies.includes(path) ||
        looked.some((d) => kept.listed.has(d)) ||
        kept.unit.files.some((f) => f === path || dirname(f) === dir)
      ) {
        this.kept.delete(key);
      }
    }
  }

  /**
   * Forgets the units for which `stale(key)` holds, results and all: after a scan of a folder, the
   * groupings in it that the scan no longer makes (a module analysed on its own when it was opened,
   * before the scan found the root that calls it), so that an edit does not analyse them again.
   */
  dropWhere(stale: (key: string) => boolean): void {
    for (const key of this.index.keys()) {
      if (stale(key)) {
        this.kept.delete(key);
        this.index.delete(key);
      }
    }
  }

  clear(): void {
    this.kept.clear();
    this.index.clear();
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
