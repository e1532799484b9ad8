import { constants as fsConstants, promises as fsp } from 'node:fs';
import type { DirEntry, EngineFs, FileStat, LimitedRead } from '../engine';

/** The engine's file access on the local disk (engine paths are POSIX absolute paths). */
export const nodeFs: EngineFs = {
  async readFile(path: string): Promise<Uint8Array> {
    return fsp.readFile(path);
  },
  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const st = await fsp.stat(path);
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
    const entries = await fsp.readdir(path, { withFileTypes: true });
    return entries.map((e) => ({
      name: e.name,
      type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : e.isSymbolicLink() ? 'symlink' : 'other',
    }));
  },
  async readFileLimited(path: string, maxBytes: number): Promise<LimitedRead> {
    // O_NONBLOCK: opening a FIFO that slipped past discovery must never block the scan.
    const handle = await fsp.open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    try {
      const st = await handle.stat();
      if (!st.isFile()) {
        return { kind: 'not-a-file' };
      }
      if (st.size > maxBytes) {
        return { kind: 'too-large', size: st.size };
      }
      return { kind: 'ok', bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  },
  async realpath(path: string): Promise<string> {
    return fsp.realpath(path);
  },
};
