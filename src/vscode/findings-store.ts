import * as vscode from 'vscode';

import { type AnalysisError, type Finding, type Placement, type RunResult, type SourceRange, unitId } from '../engine';

/** What one analysis unit said about one file, and the sequence number of that analysis. */
interface UnitPart {
  seq: number;
  findings: Finding[];
  placements: Placement[];
}

interface Entry {
  uri: vscode.Uri;
  /** Sequence number of the last clearing of the file: older results are not taken. */
  seq: number;
  /**
   * Per analysis unit: a module file that several root modules call gets findings from each, and a
   * live analysis of one of them replaces only its part, so counts never depend on the open editor.
   */
  units: Map<string, UnitPart>;
  /** All units' findings and placements, flattened. */
  findings: Finding[];
  placements: Placement[];
  /** What could not be read or understood in this file (a syntax error, a policy file's problem). */
  errors: AnalysisError[];
}

export function toRange(r: SourceRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function contains(r: SourceRange, pos: vscode.Position): boolean {
  return toRange(r).contains(pos);
}

/**
 * The latest findings and placements per file, from live analyses of open documents and from
 * whole-workspace scans alike. Every update carries the sequence number taken when its analysis
 * started; an entry is only replaced by a result at least as new, so stale results are never shown.
 */
export class FindingsStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri[]>();
  /** Fires with the files whose findings changed. */
  readonly onDidChange = this.emitter.event;
  /**
   * Results of analyses started before the last `clearAll` (sequence numbers up to this) are stale: a
   * scan started under the previous configuration that finishes after the clear must not bring its
   * findings back (seen once: a residency message of a policy already replaced twice).
   */
  private floor = 0;

  /**
   * Takes the result of analysing some units: every file of those units gets the result's findings
   * (possibly none). `base` maps engine paths back to URIs (scheme and authority of the folder).
   * `wholeFolder`: the result is a scan of that folder. `complete`: files whose every unit this result
   * analysed (the engine analyses all the units of a path it is asked about), so that their parts from
   * other, older analyses go: a module opened before the workspace scan found its callers was analysed
   * on its own, and that part stayed beside the callers'.
   */
  update(
    base: vscode.Uri,
    result: RunResult,
    seq: number,
    accept: (uri: vscode.Uri) => boolean = () => true,
    { wholeFolder, complete }: { wholeFolder?: vscode.Uri; complete?: ReadonlySet<string> } = {},
  ): void {
    if (seq <= this.floor) {
      return;
    }
    const files = new Set<string>();
    for (const unit of result.units) {
      unit.files.forEach((f) => files.add(f));
    }
    result.findings.forEach((f) => files.add(f.file));
    // Errors show on the file they concern, only inside the folder: a refused file outside it is named
    // in the Output channel, never given diagnostics of its own.
    const inside = (file: string) => file.startsWith(`${base.path.replace(/\/$/, '')}/`);
    const errorsByFile = new Map<string, AnalysisError[]>();
    for (const e of result.errors) {
      if (inside(e.file)) {
        files.add(e.file);
        errorsByFile.set(e.file, [...(errorsByFile.get(e.file) ?? []), e]);
      }
    }
    // A scan of the whole folder also clears the errors of files it no longer reports (a fixed
    // policy file, a project file whose problem is gone).
    if (wholeFolder) {
      const prefix = `${wholeFolder.toString().replace(/\/$/, '')}/`;
      for (const e of this.entries.values()) {
        if (e.errors.length > 0 && e.uri.toString().startsWith(prefix) && !files.has(e.uri.path)) {
          files.add(e.uri.path);
        }
      }
    }
    // Group once: a workspace scan has thousands of files and findings.
    const parts = new Map<string, Map<string, UnitPart>>();
    const partOf = (file: string, unit: string | undefined): UnitPart => {
      let byUnit = parts.get(file);
      if (!byUnit) {
        byUnit = new Map();
        parts.set(file, byUnit);
      }
      const key = unit ?? '';
      let part = byUnit.get(key);
      if (!part) {
        part = { seq, findings: [], placements: [] };
        byUnit.set(key, part);
      }
      return part;
    };
    result.findings.forEach((f) => partOf(f.file, f.unit).findings.push(f));
    result.placements.forEach((p) => partOf(p.file, p.unit).placements.push(p));
    const analysed = new Set(result.units.map(unitId));
    const readNow = new Set(result.units.flatMap((u) => u.files));
    analysed.add('');
    const changed: vscode.Uri[] = [];
    for (const file of files) {
      const uri = base.with({ path: file });
      const key = uri.toString();
      const old = this.entries.get(key);
      if ((old && old.seq > seq) || !accept(uri)) {
        continue;
      }
      // Per unit, the newer analysis wins: a live analysis of an open module file made before the
      // workspace scan knew all its callers keeps its part, and the scan adds the other callers' parts.
      // The units analysed now replace what they said before (unless that is newer); a folder scan
      // also drops the parts of units that no longer exist.
      const units = new Map<string, UnitPart>();
      for (const [unit, part] of old?.units ?? []) {
        const replaced = analysed.has(unit) || wholeFolder !== undefined || complete?.has(file) === true;
        if (!replaced || part.seq > seq) {
          units.set(unit, part);
        }
      }
      for (const [unit, part] of parts.get(file) ?? []) {
        const current = units.get(unit);
        if (!current || current.seq <= seq) {
          units.set(unit, part);
        }
      }
      const all = [...units.values()];
      this.entries.set(key, {
        uri,
        seq: old?.seq ?? 0,
        units,
        findings: all.flatMap((x) => x.findings),
        placements: all.flatMap((x) => x.placements),
        // A live analysis of some units keeps the errors a folder scan found in files it did not read.
        errors: errorsByFile.get(file) ?? (wholeFolder || !old || readNow.has(file) ? [] : old.errors),
      });
      changed.push(uri);
    }
    if (changed.length > 0) {
      this.emitter.fire(changed);
    }
  }

  /** Forgets a file (closed without workspace analysis, or deleted). */
  clear(uri: vscode.Uri, seq: number): void {
    const old = this.entries.get(uri.toString());
    if (old) {
      this.entries.delete(uri.toString());
      this.emitter.fire([uri]);
    }
    // Remember the clearing so that an analysis started before it cannot bring the file back.
    this.entries.set(uri.toString(), { uri, seq, units: new Map(), findings: [], placements: [], errors: [] });
  }

  /** Forgets every file below `folder` (or everything). */
  clearAll(folder?: vscode.Uri, staleUpTo?: number): void {
    if (staleUpTo !== undefined && !folder) {
      this.floor = Math.max(this.floor, staleUpTo);
    }
    const prefix = folder ? `${folder.toString().replace(/\/$/, '')}/` : '';
    const gone = [...this.entries.values()].filter((e) => e.uri.toString().startsWith(prefix)).map((e) => e.uri);
    gone.forEach((u) => this.entries.delete(u.toString()));
    if (gone.length > 0) {
      this.emitter.fire(gone);
    }
  }

  errors(uri: vscode.Uri): AnalysisError[] {
    return this.entries.get(uri.toString())?.errors ?? [];
  }

  findings(uri: vscode.Uri): Finding[] {
    return this.entries.get(uri.toString())?.findings ?? [];
  }

  placements(uri: vscode.Uri): Placement[] {
    return this.entries.get(uri.toString())?.placements ?? [];
  }

  /** Every placement in the store whose file shares `uri`'s scheme and authority. */
  *allPlacements(uri?: vscode.Uri): Iterable<Placement> {
    for (const e of this.entries.values()) {
      if (!uri || (e.uri.scheme === uri.scheme && e.uri.authority === uri.authority)) {
        yield* e.placements;
      }
    }
  }

  /**
   * The values in `uri` that feed other resources' regions (a `.tfvars` value, a variable default, a
   * provider block, a `.bicepparam` parameter), each with the placements it feeds. A resource's own
   * region value is not one: its lens and hover are the resource's.
   */
  feeds(uri: vscode.Uri): Array<{ range: SourceRange; placements: Placement[] }> {
    const path = uri.path;
    const byStart = new Map<string, { range: SourceRange; placements: Placement[] }>();
    for (const p of this.allPlacements(uri)) {
      for (const s of p.provenance) {
        const loc = s.location;
        if (loc?.file !== path || (p.file === path && toRange(p.range).contains(toRange(loc.range)))) {
          continue;
        }
        const key = `${loc.range.start.line}:${loc.range.start.character}`;
        const entry = byStart.get(key) ?? { range: loc.range, placements: [] };
        if (!entry.placements.some((x) => x.address === p.address && x.file === p.file)) {
          entry.placements.push(p);
        }
        byStart.set(key, entry);
      }
    }
    return [...byStart.values()];
  }

  /** Files (as URIs) whose placements take their region from `path`, other than `path` itself. */
  dependents(base: vscode.Uri, path: string): vscode.Uri[] {
    const out = new Map<string, vscode.Uri>();
    for (const e of this.entries.values()) {
      if (e.uri.scheme !== base.scheme || e.uri.authority !== base.authority || e.uri.path === path) {
        continue;
      }
      const uses = e.placements.some(
        (p) => p.regionLocation?.file === path || p.provenance.some((s) => s.location?.file === path),
      );
      if (uses) {
        out.set(e.uri.toString(), e.uri);
      }
    }
    return [...out.values()];
  }

  /** Known files in the directory `dir` (an engine path) under `base`'s scheme and authority. */
  filesIn(base: vscode.Uri, dir: string): vscode.Uri[] {
    return [...this.entries.values()]
      .filter((e) => e.uri.scheme === base.scheme && e.uri.authority === base.authority)
      .filter((e) => e.uri.path.slice(0, e.uri.path.lastIndexOf('/')) === dir && e.placements.length > 0)
      .map((e) => e.uri);
  }

  /**
   * What the cursor at `pos` in `uri` is on: a resource header, the region value, or a location in the
   * provenance chain (a variable default, a provider block, a parameter), nearest role first.
   */
  at(
    uri: vscode.Uri,
    pos: vscode.Position,
  ): { role: 'resource' | 'region' | 'source'; placements: Placement[]; range?: SourceRange } {
    const path = uri.path;
    const own = this.placements(uri).filter((p) => contains(p.headerRange, pos));
    if (own.length > 0) {
      return { role: 'resource', placements: own, range: own[0].headerRange };
    }
    const region: Placement[] = [];
    const source: Placement[] = [];
    let sourceRange: SourceRange | undefined;
    for (const p of this.allPlacements(uri)) {
      if (p.regionLocation?.file === path && contains(p.regionLocation.range, pos)) {
        region.push(p);
        continue;
      }
      const step = p.provenance.find((s) => s.location?.file === path && contains(s.location.range, pos));
      if (step) {
        source.push(p);
        sourceRange ??= step.location?.range;
      }
    }
    return region.length > 0
      ? { role: 'region', placements: region, range: region[0].regionLocation?.range }
      : { role: 'source', placements: source, range: sourceRange };
  }

  /** Open (not accepted) findings of `ruleId` in the whole store. */
  /** Open findings of a rule, split by whether their resource holds customer data. */
  countByData(ruleId: string): { customerData: number; other: number } {
    let customerData = 0;
    let other = 0;
    for (const e of this.entries.values()) {
      for (const p of e.placements) {
        for (const f of p.findings) {
          if (f.ruleId === ruleId && !f.suppressed) {
            if (p.dataClass === 'customer-data') {
              customerData++;
            } else {
              other++;
            }
          }
        }
      }
    }
    return { customerData, other };
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
