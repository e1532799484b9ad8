import { promises as fsp } from 'node:fs';
import type { DirEntry, EngineFs, FileStat } from '../engine';

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
  async realpath(path: string): Promise<string> {
    return fsp.realpath(path);
  },
};
