import type { DirEntry, EngineFs, FileStat } from '../../../src/engine';

/** An in-memory EngineFs for tests: `files` maps absolute paths to contents; `reads` and `listed` record the calls. */
export function memoryFs(
  files: Record<string, string | Uint8Array>,
): EngineFs & { reads: string[]; listed: string[]; write(path: string, text: string): void } {
  const enc = new TextEncoder();
  const data = new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? enc.encode(v) : v]));
  const isDir = (p: string) => [...data.keys()].some((k) => k.startsWith(p.endsWith('/') ? p : `${p}/`));
  const reads: string[] = [];
  const listed: string[] = [];
  return {
    reads,
    listed,
    write(path: string, text: string): void {
      data.set(path, enc.encode(text));
    },
    async readFile(path: string): Promise<Uint8Array> {
      reads.push(path);
      const v = data.get(path);
      if (!v) {
        throw new Error(`ENOENT: ${path}`);
      }
      return v;
    },
    async stat(path: string): Promise<FileStat | undefined> {
      const v = data.get(path);
      if (v) {
        return { type: 'file', size: v.length, mtime: 0 };
      }
      return isDir(path) ? { type: 'directory', size: 0, mtime: 0 } : undefined;
    },
    async readDirectory(path: string): Promise<DirEntry[]> {
      listed.push(path);
      const prefix = path === '/' ? '/' : `${path}/`;
      const names = new Map<string, DirEntry['type']>();
      for (const k of data.keys()) {
        if (k.startsWith(prefix)) {
          const rest = k.slice(prefix.length);
          const slash = rest.indexOf('/');
          names.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
        }
      }
      return [...names].map(([name, type]) => ({ name, type }));
    },
  };
}
