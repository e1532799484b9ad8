import { type AnalysisUnit, type LanguageAnalyzer, unitId, unitKeyOf, type UnitResult } from './analyzer';
import { assess } from './assess/assess';
import { place } from './assess/place';
import type { LensConfig } from './config';
import type { EngineFs } from './host';
import type { AnalysisError, ExtractedResource, Finding, Placement, ScanResult } from './model';
import { suppressionsFor } from './suppress/apply';
import { mayHoldDirectives } from './suppress/directives';
import { type ParseCache, unitContext } from './unit-context';
import { UnitResults } from './unit-results';
import { confine } from './workspace/confine';
import { discover } from './workspace/discover';
import { LruCache } from './workspace/lru';
import { basename, dirname, isWithin } from './workspace/paths';
import { SourceFiles } from './workspace/source-files';

/** How many upcoming units' files are read ahead while one unit is analysed. */
const PREFETCH_UNITS = 4;
/** Resources of one unit placed, assessed and handed to a sink at a time. */
const PLACE_BATCH = 5000;

export interface EngineOptions {
  fs: EngineFs;
  /**
   * Folders (or files) inside which the engine reads on behalf of the scanned code: the scanned paths
   * in the CLI, the workspace folder in the editor. Every read is checked where links lead (see
   * `confine`); outside these only module configuration is read.
   */
  readRoots: readonly string[];
  analyzers: LanguageAnalyzer[];
  /** Formats paths in messages; defaults to the base name. */
  displayPath?: (path: string) => string;
  now?: () => Date;
  /**
   * Bytes of source text whose texts and parse trees stay cached (least recently used beyond that).
   * The extension keeps a large cache so that edits re-parse one file; the CLI a small one so that a
   * scan streams through the workspace in bounded memory.
   */
  cacheBytes?: number;
  /**
   * Estimated heap bytes of parse trees kept for reuse (defaults to `cacheBytes`). Trees are charged
   * {@link TREE_BYTES_PER_CHAR} per character of source: a tree takes about that much more memory than
   * its text, and trees that stay alive make every garbage collection copy them again.
   */
  parseCacheBytes?: number;
  /**
   * Whether unit results are kept so that re-analysing after an edit skips unchanged units (default
   * true, for the editor). A one-shot scan turns it off: it would only hold a second copy of every result.
   */
  keepUnitResults?: boolean;
  /**
   * The files do not change while this engine lives (a one-shot scan): real paths of directories are
   * looked up once (see `ConfineOptions.stableTree`). Never for the editor, where folders may change.
   */
  stableTree?: boolean;
  /** Told the size in bytes of each source file as it is read from the file system. */
  onSourceRead?: (bytes: number) => void;
  /**
   * Whether files are read ahead of the grouping and the analysis that need them (default true). Only
   * an asynchronous file system overlaps those reads with parsing; the CLI's reads complete before they
   * return, so there reading ahead only reads files earlier than needed and keeps their texts alive
   * longer (tf42: grouping 0.08 s slower with it).
   */
  readAhead?: boolean;
}

export interface RunOptions {
  config: LensConfig;
  /** Unsaved editor texts by path; they win over the disk. */
  overlays?: ReadonlyMap<string, string>;
  signal?: AbortSignal;
  /** Called as units finish: `done` of `total` units, and the number of files discovered. */
  onProgress?: (progress: { done: number; total: number; files: number }) => void;
  /** Project root, for `accepted` entries that name files. */
  root?: string;
  /**
   * Receives each unit's placements and findings (suppressions applied) as soon as the unit is done.
   * When set, the result's `placements` and `findings` stay empty: a scan of a huge workspace then never
   * holds them all (the CLI spills them to disk).
   */
  sink?: (placements: Placement[], findings: Finding[]) => void;
}

export interface RunResult extends ScanResult {
  /** The units analysed, so that front ends know which files' diagnostics to refresh. */
  units: AnalysisUnit[];
}

/** Files found and the units they form, before analysis. */
export interface ScanPlan {
  files: string[];
  units: AnalysisUnit[];
  errors: AnalysisError[];
  /** Files that more than one unit lists (local modules called by several roots): their trees are worth caching. */
  shared: string[];
}

/** Files listed by more than one of `units`. */
export function sharedFiles(units: readonly AnalysisUnit[]): string[] {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const unit of units) {
    for (const f of unit.files) {
      if (seen.has(f)) {
        shared.add(f);
      } else {
        seen.add(f);
      }
    }
  }
  return [...shared];
}

/**
 * The analysis engine. Holds per-file caches (text, directory listings, parses, unit results) that are
 * invalidated explicitly with {@link Engine.invalidate}, so that re-analysing one edited file in a large
 * workspace reads and parses only that file.
 */
export class Engine {
  private readonly files: SourceFiles;
  private readonly parses: ParseCache = new LruCache();
  private readonly units = new UnitResults();
  private readonly displayPath: (path: string) => string;
  private readonly now: () => Date;

  constructor(private readonly opts: EngineOptions) {
    this.displayPath = opts.displayPath ?? basename;
    this.now = opts.now ?? (() => new Date());
    const budget = opts.cacheBytes ?? 256 * 1024 * 1024;
    this.files = new SourceFiles(
      confine(opts.fs, opts.readRoots, { stableTree: opts.stableTree }),
      budget,
      opts.onSourceRead,
      mayHoldDirectives,
    );
    this.parses.budget = opts.parseCacheBytes ?? budget;
  }

  /** Changes the cache budgets (estimated bytes); entries beyond a lowered budget go as new ones arrive. */
  setCacheBudgets(budgets: { texts?: number; parses?: number }): void {
    if (budgets.texts !== undefined) {
      this.files.budget = budgets.texts;
    }
    if (budgets.parses !== undefined) {
      this.parses.budget = budgets.parses;
    }
  }

  /** Forgets what is cached about `path` (or everything), and every unit result that depended on it. */
  invalidate(path?: string): void {
    if (path === undefined) {
      this.files.clear();
      this.parses.clear();
      this.units.clear();
      return;
    }
    // The listings `path` changes: its directory's, and those that lacked the directory it now brings
    // into being (`.terraform` of a root module, before `terraform init` wrote its `modules.json`).
    const looked = [dirname(path), ...this.files.listingsWithout(path)];
    this.files.forget(path);
    this.parses.deleteWhere((key) => key.startsWith(`${path}\u0000`));
    this.units.forget(path, looked);
  }

  private analyzersFor(config: LensConfig): LanguageAnalyzer[] {
    return this.opts.analyzers.filter((a) => config.languages[a.language]);
  }

  /** Scans directories or files: discovery, analysis of every unit, catalog placement, rules and suppressions. */
  async scan(roots: string[], run: RunOptions): Promise<RunResult> {
    const plan = await this.plan(roots, run);
    // Units under these roots that the scan does not make are groupings of an earlier, narrower look.
    const planned = new Set(plan.units.map(unitId));
    this.units.dropWhere((key) => !planned.has(key) && roots.some((r) => isWithin(r, unitKeyOf(key))));
    const result = await this.runPlan(plan.units, run, plan.files.length, plan.shared);
    result.errors.unshift(...plan.errors);
    return result;
  }

  /**
   * The first half of a scan: discovers files and groups them into units. A caller may split the
   * units between several engines (worker threads) and run each part with {@link Engine.runPlan};
   * `onDiscovered` lets it start those before the (slower) grouping.
   */
  async plan(roots: string[], run: RunOptions, onDiscovered?: (files: string[]) => Promise<void>): Promise<ScanPlan> {
    const analyzers = this.analyzersFor(run.config);
    const errors: AnalysisError[] = [];
    const files: string[] = [];
    // Analyzers list the directories of the files they analyse: discovery's listings are kept for them.
    const listings = this.files.listingRecorder();
    for (const root of roots) {
      const found = await discover(listings.fs, root, {
        include: run.config.include,
        exclude: run.config.exclude,
        wanted: (p) => analyzers.some((a) => a.claims(p)),
        signal: run.signal,
      });
      pushAll(files, found.files);
      pushAll(errors, found.errors);
    }
    listings.keep(files);
    await onDiscovered?.(files);
    const units: AnalysisUnit[] = [];
    for (const analyzer of analyzers) {
      const claimed = files.filter((f) => analyzer.claims(f));
      if (claimed.length === 0) {
        continue;
      }
      const ctx = unitContext(this.files, this.parses, run, new Set());
      // Grouping reads most files in order; reading ahead overlaps that I/O with the parsing.
      const readAhead =
        this.opts.readAhead === false
          ? undefined
          : this.files.readAhead(claimed, run.config.maxFileSize, (f) => run.overlays?.has(f) === true, run.signal);
      try {
        units.push(...(await analyzer.units(claimed, ctx)));
      } catch (e) {
        errors.push({
          file: roots[0] ?? '.',
          message: `internal error while grouping ${analyzer.language} files: ${String(e)}`,
        });
      } finally {
        await readAhead?.stop();
      }
    }
    const kept = withoutDeployedElsewhere(units);
    return { files, units: kept, errors, shared: sharedFiles(kept) };
  }

  /**
   * The second half of a scan: analyses planned units (all of a plan, or a share of it). `shared` is the
   * plan's {@link ScanPlan.shared} when `units` are a share of a plan (a chunk for one thread); by
   * default, the files these units have in common.
   */
  async runPlan(
    units: AnalysisUnit[],
    run: RunOptions,
    fileCount: number,
    shared: readonly string[] = sharedFiles(units),
  ): Promise<RunResult> {
    const analyzers = this.analyzersFor(run.config);
    const pairs: Array<[LanguageAnalyzer, AnalysisUnit]> = [];
    for (const unit of units) {
      const analyzer = analyzers.find((a) => a.language === unit.language);
      if (analyzer) {
        pairs.push([analyzer, unit]);
      }
    }
    return this.runUnits(pairs, run, fileCount, this.opts.keepUnitResults === false ? new Set(shared) : undefined);
  }

  /**
   * Analyses the units that contain or depend on `paths` (for the editor), using `overlays` for unsaved
   * text. Units already seen by a scan are found through their recorded dependencies.
   */
  async analyzePaths(paths: string[], run: RunOptions): Promise<RunResult> {
    const analyzers = this.analyzersFor(run.config);
    const chosen = new Map<string, [LanguageAnalyzer, AnalysisUnit]>();
    for (const path of paths) {
      let known = false;
      for (const [key, unit] of this.units.unitsOf(path)) {
        const analyzer = analyzers.find((a) => a.language === unit.language);
        if (analyzer) {
          chosen.set(key, [analyzer, unit]);
          known = true;
        }
      }
      // A file that a known unit already covers (a module, a parameter file) is analysed through that
      // unit only: grouping its directory afresh would treat it as an entry of its own. Several analyzers
      // may claim a name (a `.json` file may be an ARM template or a Terraform plan): each groups it.
      for (const analyzer of known ? [] : analyzers.filter((a) => a.claims(path))) {
        const ctx = unitContext(this.files, this.parses, run, new Set());
        const siblings = (await ctx.listDir(dirname(path)))
          .filter((e) => e.type === 'file' || e.type === 'symlink')
          .map((e) => `${dirname(path)}/${e.name}`)
          .filter((p) => analyzer.claims(p));
        if (!siblings.includes(path)) {
          siblings.push(path);
        }
        try {
          for (const unit of await analyzer.units(siblings, ctx)) {
            if (unit.files.includes(path)) {
              chosen.set(unitId(unit), [analyzer, unit]);
            }
          }
        } catch (e) {
          return {
            placements: [],
            findings: [],
            errors: [{ file: path, message: `internal error: ${String(e)}` }],
            files: 0,
            units: [],
          };
        }
      }
    }
    return this.runUnits([...chosen.values()], run, paths.length);
  }

  /**
   * `shared` (one-shot scans only): the files that several units use. The syntax trees of a unit's other
   * files are kept only while that unit is analysed, not in the parse cache: a tree that dies young costs
   * the garbage collector almost nothing, one that is cached is copied twice and then marked until
   * evicted (measured: keeping every tree made a cold parse of the real corpora 45–80% slower).
   */
  private async runUnits(
    units: Array<[LanguageAnalyzer, AnalysisUnit]>,
    run: RunOptions,
    fileCount: number,
    shared?: ReadonlySet<string>,
  ): Promise<RunResult> {
    const placements: Placement[] = [];
    const findings: Finding[] = [];
    const errors: AnalysisError[] = [];
    const ruleCtx = { config: run.config, displayPath: this.displayPath };
    const now = this.now();
    let done = 0;
    for (let i = 0; i < units.length; i++) {
      if (run.signal?.aborted) {
        break;
      }
      // Read the next units' files while this one is analysed, so that I/O overlaps with parsing.
      if (this.opts.readAhead !== false) {
        this.files.prefetch(
          units.slice(i + 1, i + 1 + PREFETCH_UNITS).flatMap(([, u]) => u.files),
          run.config.maxFileSize,
          (f) => run.overlays?.has(f) === true,
        );
      }
      const [analyzer, unit] = units[i];
      const transient = shared && new Set(unit.files.filter((f) => !shared.has(f)));
      // The texts that may hold suppression directives: a module file shared by many roots is searched for
      // the marker once, when read, not once per unit (tf42: 48 MB of unit texts for 18 MB of files).
      const texts = new Map<string, string>();
      for (const file of unit.files) {
        const overlay = run.overlays?.get(file);
        const text = overlay ?? (await this.files.readText(file, run.config.maxFileSize));
        if (typeof text === 'string' && (overlay !== undefined || this.files.probeResult(file) !== false)) {
          texts.set(file, text);
        }
      }
      const suppressions = suppressionsFor(texts, run.config, now, run.root);
      // Which unit said it: a module file that several roots call gets findings from each of them.
      const unitKey = unitId(unit);
      let first = true;
      // Placed, assessed and handed on a batch at a time: with a sink, a unit of 200,000 resources (one
      // huge file) never holds all of its placements and findings at once.
      const handOn = (resources: readonly ExtractedResource[]) => {
        const batchPlacements = resources.map(place);
        for (const p of batchPlacements) {
          p.findings = assess(p, run.config, ruleCtx);
          p.unit = unitKey;
        }
        suppressions.mark(batchPlacements);
        const batchFindings = first ? suppressions.extra : [];
        first = false;
        for (const p of batchPlacements) {
          pushAll(batchFindings, p.findings);
        }
        for (const f of batchFindings) {
          f.unit = unitKey;
        }
        if (run.sink) {
          run.sink(batchPlacements, batchFindings);
        } else {
          pushAll(findings, batchFindings);
          pushAll(placements, batchPlacements);
        }
      };
      // A one-shot scan with a sink takes resources while the unit is still being analysed, so that its
      // extracted resources need not all exist at once either.
      const emit = run.sink && shared ? handOn : undefined;
      const result = await this.analyzeUnit(analyzer, unit, run, transient, emit);
      pushAll(errors, result.errors);
      const batch = run.sink ? PLACE_BATCH : Math.max(1, result.resources.length);
      for (let at = 0; at < result.resources.length; at += batch) {
        handOn(result.resources.slice(at, at + batch));
      }
      if (first) {
        // A unit without resources still hands on its suppression findings.
        handOn([]);
      }
      run.onProgress?.({ done: ++done, total: units.length, files: fileCount });
    }
    return { placements, findings, errors: dedupeErrors(errors), files: fileCount, units: units.map(([, u]) => u) };
  }

  private async analyzeUnit(
    analyzer: LanguageAnalyzer,
    unit: AnalysisUnit,
    run: RunOptions,
    transient?: ReadonlySet<string>,
    emit?: (batch: ExtractedResource[]) => void,
  ): Promise<UnitResult> {
    const key = unitId(unit);
    const kept = this.units.valid(key, unit, run.overlays);
    if (kept) {
      return kept;
    }
    const reads = new Set<string>(unit.files);
    const listed = new Set<string>();
    const ctx = unitContext(this.files, this.parses, run, reads, transient, listed);
    // Resources handed on early are not in the result, so such a result is never cached (one-shot scans only).
    ctx.emitResources = emit;
    let result: UnitResult;
    try {
      result = await analyzer.analyze(unit, ctx);
    } catch (e) {
      result = {
        resources: [],
        errors: [{ file: unit.files[0] ?? unit.key, message: `internal error while analysing: ${String(e)}` }],
        dependencies: [],
      };
    }
    const own = new Set(unit.files);
    for (const path of reads) {
      const err = this.files.readError(path);
      // A file that a unit's files refer to (a module, a linked template) and that does not exist is
      // reported by the analyzer where the reference is written, not as an error of a file that is not there.
      if (err && (own.has(path) || !this.files.isMissing(path))) {
        result.errors.push({ file: path, message: err });
      }
    }
    result = {
      resources: result.resources,
      errors: result.errors,
      dependencies: [...new Set([...result.dependencies, ...reads])],
    };
    if (this.opts.keepUnitResults !== false) {
      this.units.keep(key, unit, result, listed);
    }
    return result;
  }
}

/** `push(...items)` passes every item as an argument and overflows the stack for large arrays. */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) {
    target.push(item);
  }
}

/**
 * Units without those whose entry file a unit of another language deploys (an ARM template that a Bicep
 * module names): that unit analyses it with the parameters it passes, so on its own it would be counted
 * twice, with its parameters unknown.
 */
function withoutDeployedElsewhere(units: AnalysisUnit[]): AnalysisUnit[] {
  const deployedBy = new Map<string, string>();
  for (const u of units) {
    for (const f of u.files) {
      if (f !== u.key && !deployedBy.has(f)) {
        deployedBy.set(f, u.language);
      }
    }
  }
  return units.filter((u) => {
    const by = deployedBy.get(u.key);
    return by === undefined || by === u.language;
  });
}

function dedupeErrors(errors: AnalysisError[]): AnalysisError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.file}\u0000${e.range?.start.line ?? -1}\u0000${e.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
