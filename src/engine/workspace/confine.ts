import type { DirEntry, EngineFs, FileStat, LimitedRead } from '../host';
import { quoteValue } from '../text/quote';
import { basename, dirname, isWithin, join } from './paths';

/**
 * Files that may be read outside the scanned roots: configuration of modules that the code calls by a
 * relative source (`source = "../modules/x"`, `module m '../shared/x.bicep'`). Nothing else is read there:
 * no data files, variable files, linked templates, baselines or listings.
 */
const OUTSIDE_READABLE = /\.(?:tf|tofu|tf\.json|tofu\.json|bicep)$/;

/** Why a read was refused: names the path as written, never anything read from it. */
export class OutsideRootError extends Error {
  constructor(readonly path: string) {
    super(`${quoteValue(path)} resolves outside the scanned folder; not read`);
  }
}

/** Options of {@link confine}. */
export interface ConfineOptions {
  /**
   * The files do not change while this file system is used (a one-shot scan): the real path of each
   * directory is then looked up once, and a file is checked by its directory's real path and opened
   * without following a link in its last component (a file that is a link is resolved as before). On
   * real corpora one `realpath` per file read was 2–5% of a scan.
   */
  stableTree?: boolean;
}

/**
 * Confines an engine file system to `roots` (folders or single files): every read made on behalf of the
 * scanned code goes through here, and is allowed only when the path, after following every link, lies
 * inside a root. Outside the roots only module configuration is read (see {@link OUTSIDE_READABLE}): a
 * file of that kind both as written and where its links lead; never data, variables, templates,
 * baselines or directory listings.
 *
 * `realpath` of the underlying file system resolves links; where it has none (virtual file systems
 * without links), paths are checked as written.
 */
export function confine(fs: EngineFs, roots: readonly string[], options: ConfineOptions = {}): EngineFs {
  const real = async (path: string): Promise<string | undefined> => {
    if (!fs.realpath) {
      return path;
    }
    try {
      return await fs.realpath(path);
    } catch {
      return undefined;
    }
  };
  // A stable tree's directories are resolved once (listing a folder and reading its files need the same).
  const realDirs = new Map<string, Promise<string | undefined>>();
  const realDir = (dir: string): Promise<string | undefined> => {
    if (!options.stableTree) {
      return real(dir);
    }
    let hit = realDirs.get(dir);
    if (!hit) {
      hit = real(dir);
      realDirs.set(dir, hit);
    }
    return hit;
  };
  let realRoots: Promise<string[]> | undefined;
  const rootsResolved = () =>
    (realRoots ??= Promise.all(roots.map(async (r) => [r, (await real(r)) ?? r])).then((pairs) => [
      ...new Set(pairs.flat()),
    ]));

  /** Whether `path` lies inside a root after following links (a missing path counts as inside: it reads as missing). */
  const inside = async (path: string): Promise<boolean> => {
    const resolved = await real(path);
    if (resolved === undefined) {
      return true;
    }
    return (await rootsResolved()).some((r) => isWithin(r, resolved)) || outsideReadable(path, resolved);
  };
  // Outside every root: only module configuration, named so before and after following links.
  const outsideReadable = (path: string, resolved: string) =>
    OUTSIDE_READABLE.test(path) && OUTSIDE_READABLE.test(resolved);

  const confined: EngineFs = {
    async readFile(path: string): Promise<Uint8Array> {
      if (!(await inside(path))) {
        throw new OutsideRootError(path);
      }
      return fs.readFile(path);
    },
    async stat(path: string): Promise<FileStat | undefined> {
      return fs.stat(path);
    },
    async readDirectory(path: string): Promise<DirEntry[]> {
      const entries = await fs.readDirectory(path);
      const resolved = await realDir(path);
      if (options.stableTree && resolved !== undefined) {
        // A subfolder listed as a directory (not a link) lies where its parent does, by its name.
        for (const e of entries) {
          if (e.type === 'directory') {
            const child = join(path, e.name);
            if (!realDirs.has(child)) {
              realDirs.set(child, Promise.resolve(join(resolved, e.name)));
            }
          }
        }
      }
      if (resolved === undefined || (await rootsResolved()).some((r) => isWithin(r, resolved))) {
        return entries;
      }
      // A module folder outside the roots shows its module configuration files only: no data file, no
      // subfolder, nothing that a file function or discovery could take further.
      return entries.filter((e) => e.type !== 'directory' && OUTSIDE_READABLE.test(e.name));
    },
  };
  const limited = fs.readFileLimited?.bind(fs);
  if (limited) {
    confined.readFileLimited = async (path: string, maxBytes: number): Promise<LimitedRead> =>
      (await inside(path)) ? limited(path, maxBytes) : { kind: 'outside' };
  }
  const noFollow = fs.readFileNoFollow?.bind(fs);
  if (limited && noFollow && fs.realpath && options.stableTree) {
    confined.readFileLimited = async (path: string, maxBytes: number): Promise<LimitedRead> => {
      const dir = await realDir(dirname(path));
      if (dir !== undefined) {
        const resolved = join(dir, basename(path));
        if ((await rootsResolved()).some((r) => isWithin(r, resolved))) {
          // Inside if the file itself is not a link; a link is resolved in full below.
          const read = await noFollow(path, maxBytes);
          if (read.kind !== 'link') {
            return read;
          }
        }
      }
      return (await inside(path)) ? limited(path, maxBytes) : { kind: 'outside' };
    };
  }
  if (fs.realpath) {
    confined.realpath = fs.realpath.bind(fs);
  }
  return confined;
}
