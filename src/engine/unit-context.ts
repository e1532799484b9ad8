import type { AnalysisContext } from './analyzer';
import type { RunOptions } from './engine';
import type { LruCache } from './workspace/lru';
import type { SourceFiles } from './workspace/source-files';

/**
 * Heap bytes per character of source that a parse tree of a kind takes, measured as retained heap after
 * a full GC: 8.8 for real Terraform (the default here; 12.8 before lists were fitted to their length),
 * 6.6 for real Bicep (8.5 before).
 */
export const TREE_BYTES_PER_CHAR = 9;
const TREE_BYTES_PER_CHAR_OF: Record<string, number> = { bicep: 7 };

/** Syntax trees kept across units (files several units use), by path and kind, weighed by their estimated heap. */
export type ParseCache = LruCache<{ text: string; value: unknown }>;

/**
 * What one grouping or one unit's analysis works with: the engine's reads (overlays first) and listings,
 * recorded in `reads` and `listed` as the unit's dependencies, and its parses. Trees of `transient` files
 * (used by this unit only) live as long as this context; the others go to the shared `parses` cache.
 */
export function unitContext(
  files: SourceFiles,
  parses: ParseCache,
  run: RunOptions,
  reads: Set<string>,
  transient?: ReadonlySet<string>,
  listed?: Set<string>,
): AnalysisContext {
  // Trees of `transient` files, for this context (one unit's analysis) only.
  const local = new Map<string, { text: string; value: unknown }>();
  return {
    config: run.config,
    root: run.root,
    signal: run.signal,
    readText: async (path) => {
      reads.add(path);
      const overlay = run.overlays?.get(path);
      return overlay ?? (await files.readText(path, run.config.maxFileSize));
    },
    isMissing: (path) => run.overlays?.has(path) !== true && files.isMissing(path),
    listDir: (path) => {
      listed?.add(path);
      return files.listDir(path);
    },
    parse: <T>(path: string, kind: string, text: string, parse: (text: string) => T): T => {
      const key = `${path}\u0000${kind}`;
      const single = transient?.has(path) === true;
      const hit = (single ? local.get(key) : undefined) ?? parses.get(key);
      if (hit && hit.text === text) {
        if (single) {
          // Parsed while grouping: no other unit needs it after this one.
          local.set(key, hit);
          parses.delete(key);
        }
        return hit.value as T;
      }
      const value = parse(text);
      if (single) {
        local.set(key, { text, value });
      } else {
        parses.set(key, { text, value }, text.length * (TREE_BYTES_PER_CHAR_OF[kind] ?? TREE_BYTES_PER_CHAR));
      }
      return value;
    },
  };
}
