import type { EngineFs } from '../host';
import type { AnalysisError } from '../model';
import { compileGlobs } from './glob';
import { join } from './paths';

export interface DiscoverOptions {
  include: string[];
  exclude: string[];
  /** Decides by name whether any analyzer wants a file. */
  wanted(path: string): boolean;
  maxDepth?: number;
  signal?: AbortSignal;
}

export interface Discovered {
  files: string[];
  errors: AnalysisError[];
}

/** Directories never descended into unless a path inside them is given explicitly. */
const PRUNED = new Set(['node_modules', '.git', '.terraform', '.terragrunt-cache', '.hg', '.svn']);

/**
 * Lists the files below `root` that an analyzer wants. Symbolic links to directories are followed once
 * (loops are detected through `realpath`); FIFOs, sockets and devices are never opened; unreadable
 * directories become errors and the walk goes on.
 */
export async function discover(fs: EngineFs, rootAsGiven: string, opts: DiscoverOptions): Promise<Discovered> {
  // In normal form (no `.`, `..` or trailing `/`), so that patterns apply to paths relative to it, and an
  // entry's path and relative path are its folder's plus its name (a listed name holds no `/` and is
  // never `.` or `..`): no `join` or `relative` per entry.
  const root = join(rootAsGiven, '');
  const include = opts.include.length > 0 ? compileGlobs(opts.include) : undefined;
  const exclude = compileGlobs(opts.exclude);
  const maxDepth = opts.maxDepth ?? 64;
  const files: string[] = [];
  const errors: AnalysisError[] = [];
  const seen = new Set<string>();

  const rootStat = await fs.stat(root);
  if (!rootStat) {
    errors.push({ file: root, message: 'path does not exist or cannot be read' });
    return { files, errors };
  }
  if (rootStat.type === 'file') {
    files.push(root);
    return { files, errors };
  }
  if (rootStat.type !== 'directory') {
    errors.push({ file: root, message: 'not a regular file or directory; skipped' });
    return { files, errors };
  }

  // Real paths detect symbolic-link loops. Only the root and linked directories need a `realpath` call:
  // a plain subdirectory's real path is its parent's plus its name.
  const realOf = async (dir: string) => (fs.realpath ? await fs.realpath(dir).catch(() => dir) : dir);
  const childOf = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);
  const relOf = (rel: string, name: string) => (rel === '' ? name : `${rel}/${name}`);
  const stack: Array<{ dir: string; rel: string; depth: number; real: string }> = [
    { dir: root, rel: '', depth: 0, real: await realOf(root) },
  ];
  while (stack.length > 0) {
    if (opts.signal?.aborted) {
      break;
    }
    const { dir, rel: dirRel, depth, real } = stack.pop()!;
    if (seen.has(real)) {
      continue;
    }
    seen.add(real);
    let entries;
    try {
      entries = await fs.readDirectory(dir);
    } catch (e) {
      errors.push({ file: dir, message: `cannot list directory: ${(e as Error).message ?? String(e)}` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const path = childOf(dir, entry.name);
      let type = entry.type;
      if (type === 'symlink') {
        const st = await fs.stat(path);
        if (!st) {
          // Dangling or looping link (ELOOP): one notice if an analyzer wanted it, never a second one below.
          if (opts.wanted(path)) {
            errors.push({ file: path, message: 'broken symbolic link; skipped' });
          }
          continue;
        }
        type = st.type;
      }
      if (type === 'directory') {
        const rel = relOf(dirRel, entry.name);
        if (PRUNED.has(entry.name) || exclude.matches(rel) || exclude.matches(`${rel}/_`)) {
          continue;
        }
        if (depth + 1 > maxDepth) {
          errors.push({ file: path, message: `directory nesting deeper than ${maxDepth} levels; not scanned` });
          continue;
        }
        const linked = entry.type === 'symlink';
        stack.push({ dir: path, rel, depth: depth + 1, real: linked ? await realOf(path) : join(real, entry.name) });
      } else if (type === 'file') {
        if (opts.wanted(path)) {
          const rel = relOf(dirRel, entry.name);
          if (!exclude.matches(rel) && (!include || include.matches(rel))) {
            files.push(path);
          }
        }
      } else if (opts.wanted(path)) {
        errors.push({ file: path, message: 'not a regular file (FIFO, socket or device); skipped without opening' });
      }
    }
  }
  files.sort();
  return { files, errors };
}
