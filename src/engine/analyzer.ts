import type { LensConfig } from './config';
import type { DirEntry } from './host';
import type { AnalysisError, ExtractedResource, Language } from './model';

/** A set of files analysed together: a Terraform root module (with its local child modules), a Bicep entry file, an ARM template. */
export interface AnalysisUnit {
  language: Language;
  /** Stable key, e.g. the module directory or the entry file path. */
  key: string;
  /** The files this unit reports on (its own source files). */
  files: string[];
}

/** How placements and findings name the unit that produced them: `terraform:/repo/envs/prod`. */
export function unitId(unit: Pick<AnalysisUnit, 'language' | 'key'>): string {
  return `${unit.language}:${unit.key}`;
}

/** The key of a unit id: its root module directory or entry file (`terraform:/repo/envs/prod` → `/repo/envs/prod`). */
export function unitKeyOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

export interface UnitResult {
  resources: ExtractedResource[];
  errors: AnalysisError[];
  /** Every file the analysis read (sources, variable files, child modules, parameter files): a change to any re-runs the unit. */
  dependencies: string[];
}

/** What the engine offers a language analyzer: cached, overlay-aware reads and parses. */
export interface AnalysisContext {
  config: LensConfig;
  /** Text of a file (an open editor's unsaved text first, else disk); undefined when missing or unreadable (the engine records why). */
  readText(path: string): Promise<string | undefined>;
  /** Whether `readText(path)` found no such file (as opposed to a file that exists and cannot be read). */
  isMissing(path: string): boolean;
  /** Directory listing; empty when the directory is missing. */
  listDir(path: string): Promise<DirEntry[]>;
  /** Parses `text` of `path` with `parse`, cached by path, kind and text, so unchanged files are never parsed twice. */
  parse<T>(path: string, kind: string, text: string, parse: (text: string) => T): T;
  /** The workspace or project root, when known: analyzers never look for files above it. */
  root?: string;
  /** Set when the caller cancelled; analyzers should stop early. */
  signal?: AbortSignal;
  /**
   * Present when the caller can take a unit's resources before its analysis ends (a one-shot scan): an
   * analyzer may hand them on here in batches, in order, and leave them out of its result, so that a
   * unit of 200,000 resources never holds them all. Each resource goes either here or into the result.
   */
  emitResources?(batch: ExtractedResource[]): void;
}

export interface LanguageAnalyzer {
  readonly language: Language;
  /** Whether this analyzer reads `path`, judged by its name only (no I/O). */
  claims(path: string): boolean;
  /** Groups the claimed files of a workspace into units of analysis. */
  units(files: string[], ctx: AnalysisContext): Promise<AnalysisUnit[]>;
  analyze(unit: AnalysisUnit, ctx: AnalysisContext): Promise<UnitResult>;
}
