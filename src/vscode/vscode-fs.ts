import * as vscode from 'vscode';

import type { DirEntry, EngineFs, FileStat } from '../engine';
import { localRealpath } from './real-path';

/** Whether `path` is a strict ancestor of `root` (`/` and `/tmp` for `/tmp/ws`). */
function isAncestor(path: string, root: string): boolean {
  const p = path.endsWith('/') ? path : `${path}/`;
  return root.length > p.length && root.startsWith(p);
}

/**
 * The engine's file access through `workspace.fs`, so that virtual file systems work too. Engine paths
 * are the `path` part of URIs; `base` supplies the scheme and authority. Directories above `base` are
 * listed as empty: the editor looks for modules and their callers inside the workspace folder only,
 * never among the siblings of its ancestors (which may be a whole disk). Files outside it that the
 * configuration names (`source = "../modules/x"`) are still read.
 */
export function vscodeFs(base: vscode.Uri): EngineFs {
  const toUri = (path: string) => base.with({ path });
  const root = base.path;
  // Links exist on the local disk; the engine follows them with this to keep every read inside the
  // workspace folder (see `confine`). Virtual file systems have none, and are checked as written.
  const resolve = base.scheme === 'file' ? localRealpath : undefined;
  const local = resolve
    ? { realpath: async (path: string) => vscode.Uri.file(await resolve(vscode.Uri.file(path).fsPath)).path }
    : {};
  return {
    ...local,
    async readFile(path: string): Promise<Uint8Array> {
      return vscode.workspace.fs.readFile(toUri(path));
    },
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const st = await vscode.workspace.fs.stat(toUri(path));
        const type =
          st.type & vscode.FileType.Directory ? 'directory' : st.type & vscode.FileType.File ? 'file' : 'other';
        return { type, size: st.size, mtime: st.mtime };
      } catch {
        return undefined;
      }
    },
    async readDirectory(path: string): Promise<DirEntry[]> {
      if (isAncestor(path, root)) {
        return [];
      }
      const entries = await vscode.workspace.fs.readDirectory(toUri(path));
      return entries.map(([name, type]) => ({
        name,
        type:
          type & vscode.FileType.SymbolicLink
            ? 'symlink'
            : type & vscode.FileType.Directory
              ? 'directory'
              : type & vscode.FileType.File
                ? 'file'
                : 'other',
      }));
    },
  };
}
