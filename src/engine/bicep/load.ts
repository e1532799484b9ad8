import type { AnalysisContext } from '../analyzer';
import type { ArmDocument } from '../arm/document';
import { loadArm } from '../arm/files';
import type { AnalysisError } from '../model';
import { LineMap } from '../text/line-map';
import { dirname, join } from '../workspace/paths';
import { parseBicep } from './parser';
import type { ParsedDoc } from './scope';

/** Local module files and parameter-file chains deeper than this are not followed. */
export const MAX_FILES = 500;

/** Reads and parses a Bicep or parameters file through the engine's caches; undefined when unreadable. */
export async function loadDoc(path: string, ctx: AnalysisContext): Promise<ParsedDoc | undefined> {
  const text = await ctx.readText(path);
  if (text === undefined) {
    return undefined;
  }
  return ctx.parse(path, 'bicep', text, (t) => ({ path, file: parseBicep(t), lines: new LineMap(t) }));
}

/** A module or `using` path of a registry (`br:`, `br/public:`) or template spec (`ts:`): never downloaded. */
export const REMOTE_MODULE = /^(br|ts)[:/]/;

/** A module that names an ARM JSON template (`module m './nested.json'`) instead of a Bicep file. */
export function isArmModulePath(path: string): boolean {
  return /\.jsonc?$/i.test(path);
}

/**
 * The absolute path of a local module (`./mod.bicep`, or an ARM template `./nested.json`), or undefined
 * for registry (`br:`) and template-spec (`ts:`) modules.
 */
export function localModulePath(fromFile: string, modulePath: string): string | undefined {
  if (REMOTE_MODULE.test(modulePath) || !(modulePath.toLowerCase().endsWith('.bicep') || isArmModulePath(modulePath))) {
    return undefined;
  }
  return join(dirname(fromFile), modulePath);
}

/** The template a `.bicepparam` file applies to (`using './main.bicep'`), if any. */
export function usingPath(doc: ParsedDoc): string | undefined {
  for (const s of doc.file.statements) {
    if (s.kind === 'using' && s.path !== undefined) {
      // `using 'br/public:...'` names a registry template, which is not fetched.
      return REMOTE_MODULE.test(s.path) ? undefined : join(dirname(doc.path), s.path);
    }
  }
  return undefined;
}

/** Local modules referenced by a file, with the absolute paths. */
export function localModules(doc: ParsedDoc): string[] {
  const out: string[] = [];
  for (const s of doc.file.statements) {
    if (s.kind === 'module') {
      const p = localModulePath(doc.path, s.path);
      if (p) {
        out.push(p);
      }
    }
  }
  return out;
}

/** Files a document pulls in: its local modules and, for a parameters file, the one it `extends`. */
export function references(doc: ParsedDoc): string[] {
  const next = localModules(doc);
  for (const s of doc.file.statements) {
    if (s.kind === 'extends' && s.path !== undefined) {
      next.push(join(dirname(doc.path), s.path));
    }
  }
  return next;
}

/**
 * The files reachable from `roots` through {@link references}, roots first, breadth first; `refsOf`
 * gives a file's references, or undefined when it cannot be read (it is then left out).
 */
export async function reachable(
  roots: string[],
  refsOf: (path: string) => Promise<string[] | undefined>,
  signal?: AbortSignal,
): Promise<string[]> {
  const out: string[] = [];
  const queue = [...roots];
  const seen = new Set<string>(queue);
  while (queue.length > 0 && out.length < MAX_FILES) {
    if (signal?.aborted) {
      break;
    }
    const path = queue.shift()!;
    const refs = await refsOf(path);
    if (refs === undefined) {
      continue;
    }
    out.push(path);
    for (const p of refs) {
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  return out;
}

/**
 * Every document reachable from `roots` through local modules and `extends`, parsed; parse errors
 * collected, and each reference to a file that cannot be read reported where it is written (`unread`:
 * those files).
 */
export async function loadAll(
  roots: string[],
  ctx: AnalysisContext,
): Promise<{
  docs: Map<string, ParsedDoc>;
  armDocs: Map<string, ArmDocument>;
  errors: AnalysisError[];
  unread: Set<string>;
}> {
  const docs = new Map<string, ParsedDoc>();
  const armDocs = new Map<string, ArmDocument>();
  const errors: AnalysisError[] = [];
  const unread = new Set<string>();
  // JSON module files that are not ARM templates (a parameters file, any other JSON).
  const notTemplates = new Set<string>();
  await reachable(
    roots,
    async (path) => {
      if (isArmModulePath(path)) {
        // An ARM template deployed as a module: read as ARM, analysed with the parameters the module passes.
        const arm = await loadArm(ctx, path);
        if (!arm) {
          unread.add(path);
          return undefined;
        }
        if (arm.kind !== 'template' || !arm.root) {
          notTemplates.add(path);
          return undefined;
        }
        armDocs.set(path, arm);
        errors.push(...arm.errors);
        return [];
      }
      const doc = await loadDoc(path, ctx);
      if (!doc) {
        unread.add(path);
        return undefined;
      }
      docs.set(path, doc);
      for (const e of doc.file.errors) {
        errors.push({ file: path, range: doc.lines.range(e.start, e.end), message: e.message });
      }
      return references(doc);
    },
    ctx.signal,
  );
  for (const doc of docs.values()) {
    for (const s of doc.file.statements) {
      if ((s.kind !== 'module' && s.kind !== 'extends') || s.path === undefined) {
        continue;
      }
      const target = s.kind === 'module' ? localModulePath(doc.path, s.path) : join(dirname(doc.path), s.path);
      if (target !== undefined && notTemplates.has(target)) {
        errors.push({
          file: doc.path,
          range: doc.lines.range(s.pathStart, s.pathEnd),
          message: `module file is neither a Bicep file nor an ARM template: ${s.path}`,
        });
        continue;
      }
      if (target === undefined || !unread.has(target)) {
        continue;
      }
      const what = s.kind === 'module' ? 'module file' : 'extended parameters file';
      // A file that exists but cannot be read has its own error (binary, too large, outside the folder).
      errors.push({
        file: doc.path,
        range: doc.lines.range(s.pathStart, s.pathEnd),
        message: `${what} ${ctx.isMissing(target) ? 'not found' : 'cannot be read'}: ${s.path}`,
      });
    }
  }
  return { docs, armDocs, errors, unread };
}
