import type { ProvenanceStep } from '../../model';
import { compileGlobs } from '../../workspace/glob';
import { join, relative } from '../../workspace/paths';
import { asString, bool, failure, firstUnknown, list, str, unknown, type Val } from './values';

/**
 * Terraform's file functions (`file`, `fileexists`, `fileset`) over files read between evaluation
 * passes: evaluation is synchronous, reads are not. A first pass records the files and directories it
 * asks for and gets unknowns for them; the analyzer reads them (see `loadWanted`) and evaluates again.
 * Only files inside the workspace are read, never more than the limits below.
 */
export class FileCache {
  /** Text by absolute path; null when missing, unreadable or over the limits (then `refused` says why). */
  readonly texts = new Map<string, string | null>();
  /** Files below a directory (relative paths, recursive), by absolute path; null when over the limit. */
  readonly listings = new Map<string, string[] | null>();
  readonly refused = new Map<string, string>();
  /** Files that do not exist (as opposed to files that exist and cannot be read). */
  readonly missing = new Set<string>();
  readonly wantedFiles = new Set<string>();
  readonly wantedDirs = new Set<string>();

  constructor(
    /** Nothing outside this directory is read. */
    readonly boundary: string,
  ) {}

  get pending(): boolean {
    return this.wantedFiles.size > 0 || this.wantedDirs.size > 0;
  }
}

/** What file functions evaluated in a module instance see: Terraform's working directory and the cache. */
export interface FileAccess {
  /** The root module's directory: relative paths in file functions start there, as in Terraform. */
  rootDir: string;
  cache: FileCache;
}

/** Files the file functions read per unit of analysis, and entries of one `fileset` directory tree. */
export const MAX_FILES_READ = 256;
export const MAX_LISTED = 10_000;

const FILE_FUNCTIONS = new Set(['file', 'fileexists', 'fileset']);

export function isFileFunction(name: string): boolean {
  return FILE_FUNCTIONS.has(name);
}

function inside(boundary: string, path: string): boolean {
  return path === boundary || path.startsWith(boundary === '/' ? '/' : `${boundary}/`);
}

/** The absolute path of a file function's argument, or the unknown to return instead. */
function resolve(files: FileAccess, name: string, p: string): string | Val {
  if (p.startsWith('~')) {
    return unknown(`${name}("${p}") names a file in a home directory, which is not read`);
  }
  const abs = join(files.rootDir, p.replace(/\\/g, '/'));
  return inside(files.cache.boundary, abs)
    ? abs
    : unknown(`${name}("${p}") names a file outside the workspace, which is not read`);
}

function fileStep(name: string, p: string, abs: string): ProvenanceStep {
  const zero = { line: 0, character: 0 };
  return { description: `${name}("${p}")`, location: { file: abs, range: { start: zero, end: zero } } };
}

/** `file`, `fileexists` or `fileset` (see {@link isFileFunction}) with evaluated arguments. */
export function callFileFunction(name: string, args: Val[], files: FileAccess): Val {
  const u = firstUnknown(args);
  if (u) {
    return u;
  }
  const p = args[0] && asString(args[0]);
  if (p === undefined) {
    return failure(`${name}() expects a path`);
  }
  const abs = resolve(files, name, p);
  if (typeof abs !== 'string') {
    return abs;
  }
  const cache = files.cache;
  if (name === 'fileset') {
    return fileset(cache, abs, p, args[1]);
  }
  if (!cache.texts.has(abs)) {
    cache.wantedFiles.add(abs);
    return unknown(`${name}("${p}") has not been read yet`);
  }
  const text = cache.texts.get(abs);
  if (name === 'fileexists') {
    return text === null && cache.refused.has(abs) ? unknown(cache.refused.get(abs)!) : bool(text !== null);
  }
  if (text === null || text === undefined) {
    if (cache.refused.has(abs)) {
      return unknown(cache.refused.get(abs)!);
    }
    // An error in Terraform too, so that `try(file(...), default)` takes its default.
    return failure(cache.missing.has(abs) ? `file("${p}"): no such file` : `file("${p}") cannot be read`);
  }
  return str(text, { steps: [fileStep(name, p, abs)], source: abs });
}

function fileset(cache: FileCache, abs: string, p: string, patternArg: Val | undefined): Val {
  const pattern = patternArg && asString(patternArg);
  if (pattern === undefined) {
    return failure('fileset() expects a path and a pattern');
  }
  if (/[[\]\\]/.test(pattern)) {
    // Character classes and escapes are not supported by our matcher: unknown rather than wrong.
    return unknown(`fileset() with the pattern "${pattern}" is not evaluated statically`);
  }
  if (!cache.listings.has(abs)) {
    cache.wantedDirs.add(abs);
    return unknown(`fileset("${p}") has not been listed yet`);
  }
  const entries = cache.listings.get(abs);
  if (!entries) {
    return unknown(cache.refused.get(abs) ?? `fileset("${p}") was not listed`);
  }
  const glob = compileGlobs([pattern]);
  const matched = entries.filter((e) => glob.matches(e)).sort();
  return list(
    matched.map((m) => str(m)),
    { steps: [{ description: `fileset("${p}", "${pattern}")` }] },
  );
}

/** What the analyzer needs to fill the cache: reads and listings through the engine. */
export interface FileLoader {
  readText(path: string): Promise<string | undefined>;
  listDir(path: string): Promise<Array<{ name: string; type: string }>>;
}

/** Reads the files and lists the directories the last pass asked for, within the limits. */
export async function loadWanted(cache: FileCache, loader: FileLoader): Promise<void> {
  let read = [...cache.texts.values()].filter((t) => t !== null).length;
  for (const abs of cache.wantedFiles) {
    if (read >= MAX_FILES_READ) {
      cache.texts.set(abs, null);
      cache.refused.set(abs, `file functions read more than ${MAX_FILES_READ} files here; the rest are not read`);
      continue;
    }
    // Existence first, through the directory listing: a missing file is not an error of the scan.
    const slash = abs.lastIndexOf('/');
    const entries = await loader.listDir(abs.slice(0, Math.max(1, slash)));
    const entry = entries.find((e) => e.name === abs.slice(slash + 1));
    const text = entry && entry.type !== 'directory' ? ((await loader.readText(abs)) ?? null) : null;
    if (!entry || entry.type === 'directory') {
      cache.missing.add(abs);
    }
    cache.texts.set(abs, text);
    read += text === null ? 0 : 1;
  }
  cache.wantedFiles.clear();
  for (const abs of cache.wantedDirs) {
    const out: string[] = [];
    const walk = async (dir: string, depth: number): Promise<boolean> => {
      for (const e of await loader.listDir(dir)) {
        const full = `${dir}/${e.name}`;
        if (e.type === 'directory') {
          if (depth < 16 && !(await walk(full, depth + 1))) {
            return false;
          }
        } else {
          if (out.length >= MAX_LISTED) {
            return false;
          }
          out.push(relative(abs, full));
        }
      }
      return true;
    };
    // A directory that does not exist lists nothing, and fileset() of it is empty, as in Terraform.
    if (await walk(abs, 0)) {
      cache.listings.set(abs, out);
    } else {
      cache.listings.set(abs, null);
      cache.refused.set(abs, `fileset() found more than ${MAX_LISTED} files below ${abs}; not evaluated`);
    }
  }
  cache.wantedDirs.clear();
}
