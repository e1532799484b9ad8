import type { AnalysisContext, AnalysisUnit, LanguageAnalyzer, UnitResult } from './analyzer';
import { assess } from './assess/assess';
import { place } from './assess/place';
import type { LensConfig } from './config';
import type { DirEntry, EngineFs } from './host';
import type { AnalysisError, Finding, Placement, ScanResult } from './model';
import { applySuppressions } from './suppress/apply';
import { discover } from './workspace/discover';
import { basename, dirname } from './workspace/paths';

export interface EngineOptions {
  fs: EngineFs;
  analyzers: LanguageAnalyzer[];
  /** Formats paths in messages; defaults to the base name. */
  displayPath?: (path: string) => string;
  now?: () => Date;
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
}

export interface RunResult extends ScanResult {
  /** The units analysed, so that front ends know which files' diagnostics to refresh. */
  units: AnalysisUnit[];
}

interface CachedUnit {
  unit: AnalysisUnit;
  result: UnitResult;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * The analysis engine. Holds per-file caches (text, directory listings, parses, unit results) that are
 * invalidated explicitly with {@link Engine.invalidate}, so that re-analysing one edited file in a large
 * workspace reads and parses only that file.
 */
export class Engine {
  private readonly texts = new Map<string, string | null>();
  private readonly readErrors = new Map<string, string>();
  private readonly dirs = new Map<string, DirEntry[]>();
  private readonly parses = new Map<string, { text: string; value: unknown }>();
  private readonly unitCache = new Map<string, CachedUnit>();
  private readonly displayPath: (path: string) => string;
  private readonly now: () => Date;

  constructor(private readonly opts: EngineOptions) {
    this.displayPath = opts.displayPath ?? basename;
    this.now = opts.now ?? (() => new Date());
  }

  /** Forgets what is cached about `path` (or everything), and every unit result that depended on it. */
  invalidate(path?: string): void {
    if (path === undefined) {
      this.texts.clear();
      this.readErrors.clear();
      this.dirs.clear();
      this.parses.clear();
      this.unitCache.clear();
      return;
    }
    this.texts.delete(path);
    this.readErrors.delete(path);
    this.dirs.delete(dirname(path));
    this.dirs.delete(path);
    for (const key of [...this.parses.keys()]) {
      if (key.startsWith(`${path}\u0000`)) {
        this.parses.delete(key);
      }
    }
    for (const [key, cached] of this.unitCache) {
      if (cached.result.dependencies.includes(path) || cached.unit.files.includes(path) || dirname(path) === key) {
        this.unitCache.delete(key);
      }
    }
  }

  private analyzersFor(config: LensConfig): LanguageAnalyzer[] {
    return this.opts.analyzers.filter((a) => config.languages[a.language]);
  }

  /** Scans directories or files: discovery, analysis of every unit, catalog placement, rules and suppressions. */
  async scan(roots: string[], run: RunOptions): Promise<RunResult> {
    const analyzers = this.analyzersFor(run.config);
    const errors: AnalysisError[] = [];
    const files: string[] = [];
    for (const root of roots) {
      const found = await discover(this.opts.fs, root, {
        include: run.config.include,
        exclude: run.config.exclude,
        wanted: (p) => analyzers.some((a) => a.claims(p)),
        signal: run.signal,
      });
      files.push(...found.files);
      errors.push(...found.errors);
    }
    const units: Array<[LanguageAnalyzer, AnalysisUnit]> = [];
    for (const analyzer of analyzers) {
      const claimed = files.filter((f) => analyzer.claims(f));
      if (claimed.length === 0) {
        continue;
      }
      const ctx = this.context(run, new Set());
      try {
        for (const unit of await analyzer.units(claimed, ctx)) {
          units.push([analyzer, unit]);
        }
      } catch (e) {
        errors.push({
          file: roots[0] ?? '.',
          message: `internal error while grouping ${analyzer.language} files: ${String(e)}`,
        });
      }
    }
    const result = await this.runUnits(units, run, files.length);
    result.errors.unshift(...errors);
    return result;
  }

  /**
   * Analyses the units that contain or depend on `paths` (for the editor), using `overlays` for unsaved
   * text. Units already seen by a scan are found through their recorded dependencies.
   */
  async analyzePaths(paths: string[], run: RunOptions): Promise<RunResult> {
    const analyzers = this.analyzersFor(run.config);
    const chosen = new Map<string, [LanguageAnalyzer, AnalysisUnit]>();
    for (const path of paths) {
      for (const cached of this.unitCache.values()) {
        if (cached.unit.files.includes(path) || cached.result.dependencies.includes(path)) {
          const analyzer = analyzers.find((a) => a.language === cached.unit.language);
          if (analyzer) {
            chosen.set(`${cached.unit.language}:${cached.unit.key}`, [analyzer, cached.unit]);
          }
        }
      }
      const analyzer = analyzers.find((a) => a.claims(path));
      if (!analyzer) {
        continue;
      }
      const ctx = this.context(run, new Set());
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
            chosen.set(`${unit.language}:${unit.key}`, [analyzer, unit]);
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
    return this.runUnits([...chosen.values()], run, paths.length);
  }

  private async runUnits(
    units: Array<[LanguageAnalyzer, AnalysisUnit]>,
    run: RunOptions,
    fileCount: number,
  ): Promise<RunResult> {
    const placements: Placement[] = [];
    const errors: AnalysisError[] = [];
    const unitFiles = new Set<string>();
    let done = 0;
    for (const [analyzer, unit] of units) {
      if (run.signal?.aborted) {
        break;
      }
      const result = await this.analyzeUnit(analyzer, unit, run);
      unit.files.forEach((f) => unitFiles.add(f));
      for (const res of result.resources) {
        placements.push(place(res));
      }
      errors.push(...result.errors);
      run.onProgress?.({ done: ++done, total: units.length, files: fileCount });
    }
    const kept = run.config.compiledArm === 'prefer-bicep' ? dropCompiledArm(placements) : placements;
    const ruleCtx = { config: run.config, displayPath: this.displayPath };
    const findings: Finding[] = [];
    const texts = new Map<string, string>();
    for (const p of kept) {
      p.findings = assess(p, run.config, ruleCtx);
    }
    for (const file of unitFiles) {
      const text = run.overlays?.get(file) ?? this.texts.get(file);
      if (typeof text === 'string') {
        texts.set(file, text);
      }
    }
    const directiveFindings = applySuppressions(kept, texts, run.config, this.now(), run.root);
    for (const p of kept) {
      findings.push(...p.findings);
    }
    findings.push(...directiveFindings);
    return {
      placements: kept,
      findings,
      errors: dedupeErrors(errors),
      files: fileCount,
      units: units.map(([, u]) => u),
    };
  }

  private async analyzeUnit(analyzer: LanguageAnalyzer, unit: AnalysisUnit, run: RunOptions): Promise<UnitResult> {
    const key = `${unit.language}:${unit.key}`;
    const cached = this.unitCache.get(key);
    const overlaid = (deps: string[]) => run.overlays !== undefined && deps.some((d) => run.overlays!.has(d));
    if (cached && !overlaid(cached.result.dependencies) && !overlaid(unit.files)) {
      return cached.result;
    }
    const reads = new Set<string>(unit.files);
    const ctx = this.context(run, reads);
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
    for (const path of reads) {
      const err = this.readErrors.get(path);
      if (err) {
        result.errors.push({ file: path, message: err });
      }
    }
    result = { ...result, dependencies: [...new Set([...result.dependencies, ...reads])] };
    this.unitCache.set(key, { unit, result });
    return result;
  }

  private context(run: RunOptions, reads: Set<string>): AnalysisContext {
    return {
      config: run.config,
      signal: run.signal,
      readText: async (path) => {
        reads.add(path);
        const overlay = run.overlays?.get(path);
        return overlay ?? (await this.readText(path, run.config.maxFileSize));
      },
      listDir: (path) => this.listDir(path),
      parse: <T>(path: string, kind: string, text: string, parse: (text: string) => T): T => {
        const key = `${path}\u0000${kind}`;
        const hit = this.parses.get(key);
        if (hit && hit.text === text) {
          return hit.value as T;
        }
        const value = parse(text);
        this.parses.set(key, { text, value });
        return value;
      },
    };
  }

  private async listDir(path: string): Promise<DirEntry[]> {
    const hit = this.dirs.get(path);
    if (hit) {
      return hit;
    }
    let entries: DirEntry[] = [];
    try {
      entries = await this.opts.fs.readDirectory(path);
    } catch {
      entries = [];
    }
    this.dirs.set(path, entries);
    return entries;
  }

  private async readText(path: string, maxSize: number): Promise<string | undefined> {
    if (this.texts.has(path)) {
      return this.texts.get(path) ?? undefined;
    }
    let text: string | null = null;
    try {
      const st = await this.opts.fs.stat(path);
      if (!st) {
        this.readErrors.set(path, 'file does not exist or cannot be accessed');
      } else if (st.type !== 'file') {
        this.readErrors.set(path, 'not a regular file; skipped without opening');
      } else if (st.size > maxSize) {
        this.readErrors.set(
          path,
          `file is ${(st.size / 1048576).toFixed(1)} MB, over the size limit of ${(maxSize / 1048576).toFixed(0)} MB; skipped`,
        );
      } else {
        const bytes = await this.opts.fs.readFile(path);
        if (bytes.includes(0)) {
          this.readErrors.set(path, 'binary file (contains NUL bytes); skipped');
        } else {
          text = decoder.decode(bytes);
          if (text.includes('\uFFFD') && !bytes.includes(0xef)) {
            this.readErrors.set(path, 'file is not valid UTF-8; invalid bytes were replaced');
          }
        }
      }
    } catch (e) {
      this.readErrors.set(path, `cannot read file: ${(e as Error).message ?? String(e)}`);
    }
    this.texts.set(path, text);
    return text ?? undefined;
  }
}

/** A compiled `x.json` beside `x.bicep` describes the same resources: keep the Bicep source's. */
function dropCompiledArm(placements: Placement[]): Placement[] {
  const bicepFiles = new Set(
    placements.filter((p) => p.language === 'bicep').map((p) => p.file.replace(/\.bicep$/, '')),
  );
  return placements.filter((p) => p.language !== 'arm' || !bicepFiles.has(p.file.replace(/\.json$/, '')));
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
