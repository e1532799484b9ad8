import * as fs from 'node:fs';

import type { DirEntry, EngineFs, FileStat, LimitedRead } from '../engine';

/**
 * The engine's file access on the local disk (engine paths are POSIX absolute paths).
 *
 * The calls are synchronous behind the async interface: a batch scan reads thousands of small files,
 * and each asynchronous read costs four thread-pool round trips (open, fstat, read, close) that
 * dominated scan time; the CLI uses worker threads, not the event loop, for parallelism.
 */
export const nodeFs: EngineFs = {
  async readFile(path: string): Promise<Uint8Array> {
    return fs.readFileSync(path);
  },
  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const st = fs.statSync(path);
      return {
        type: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other',
        size: st.size,
        mtime: st.mtimeMs,
      };
    } catch {
      return undefined;
    }
  },
  async readDirectory(path: string): Promise<DirEntry[]> {
    return fs.readdirSync(path, { withFileTypes: true }).map((e) => ({
      name: e.name,
      type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : e.isSymbolicLink() ? 'symlink' : 'other',
    }));
  },
  async readFileLimited(path: string, maxBytes: number): Promise<LimitedRead> {
    let fd: number;
    try {
      // O_NONBLOCK: opening a FIFO that slipped past discovery must never block the scan.
      fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch (e) {
      if (isMissing(e)) {
        return { kind: 'missing' };
      }
      throw e;
    }
    return readOpened(fd, maxBytes);
  },
  // Where the platform has no O_NOFOLLOW (Windows), every read resolves its path instead.
  readFileNoFollow: fs.constants.O_NOFOLLOW === undefined ? undefined : readFileNoFollow,
  async realpath(path: string): Promise<string> {
    return fs.realpathSync.native(path);
  },
};

async function readFileNoFollow(path: string, maxBytes: number): Promise<LimitedRead | { kind: 'link' }> {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  } catch (e) {
    // Linux and macOS: ELOOP; FreeBSD: EMLINK.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') {
      return { kind: 'link' };
    }
    if (isMissing(e)) {
      return { kind: 'missing' };
    }
    throw e;
  }
  return readOpened(fd, maxBytes);
}

/** No such file, or a component of the path is not a folder (a module path that names nothing). */
function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Reads an open file (and closes it) if it is a regular file of at most `maxBytes`. */
function readOpened(fd: number, maxBytes: number): LimitedRead {
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      return { kind: 'not-a-file' };
    }
    if (st.size > maxBytes) {
      return { kind: 'too-large', size: st.size };
    }
    if (st.size === 0) {
      // Empty, or a file whose size the kernel does not report (/proc): read to the end.
      return { kind: 'ok', bytes: fs.readFileSync(fd) };
    }
    // One read of the known size (readFileSync(fd) would stat again and read once more to find the end).
    const bytes = Buffer.allocUnsafe(st.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = fs.readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) {
        break;
      }
      filled += n;
    }
    return { kind: 'ok', bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled) };
  } finally {
    fs.closeSync(fd);
  }
}
