/** File access injected into the engine, so that it runs in the extension host, the CLI and tests alike. */

export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface DirEntry {
  name: string;
  /** `symlink` entries are resolved by the engine with `stat`; `other` (FIFOs, sockets, devices) is never opened. */
  type: EntryType;
}

export interface FileStat {
  /** After following links. */
  type: 'file' | 'directory' | 'other';
  size: number;
  mtime: number;
}

export interface EngineFs {
  readFile(path: string): Promise<Uint8Array>;
  /** Follows links; undefined when the path does not exist or cannot be accessed. */
  stat(path: string): Promise<FileStat | undefined>;
  readDirectory(path: string): Promise<DirEntry[]>;
  /**
   * Reads a regular file only if it is at most `maxBytes` long, with one open (no separate stat).
   * Optional: the engine falls back to `stat` + `readFile`.
   */
  readFileLimited?(path: string, maxBytes: number): Promise<LimitedRead>;
  /**
   * `readFileLimited` that does not follow a link in the last component of `path` (`O_NOFOLLOW`): such a
   * path reads as `link`, and nothing is read. Optional: lets a confined one-shot scan check a file by
   * its directory's real path instead of resolving every file's path.
   */
  readFileNoFollow?(path: string, maxBytes: number): Promise<LimitedRead | { kind: 'link' }>;
  /** Canonical path, used to detect symlink loops; optional on file systems without links. */
  realpath?(path: string): Promise<string>;
}

/**
 * `outside`: refused because the path resolves outside the scanned roots (see `confine`); `missing`: no
 * such file (or a component of its path is not a folder).
 */
export type LimitedRead =
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-a-file' }
  | { kind: 'outside' }
  | { kind: 'missing' };
