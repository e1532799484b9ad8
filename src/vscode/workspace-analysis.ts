import * as vscode from 'vscode';
import { defaultAnalyzers, Engine, loadProjectConfig, type RunResult } from '../engine';
import { readSettings } from './settings';
import { vscodeFs } from './vscode-fs';

export interface FolderScan {
  folder: vscode.WorkspaceFolder;
  result: RunResult;
}

export interface WorkspaceScan {
  folders: FolderScan[];
  /** When the scan finished. */
  at: Date;
}

/**
 * Owns the engine instances (one per workspace folder, so that virtual file systems and per-folder
 * settings work) and the latest whole-workspace scan, shared by diagnostics, the status bar and the report.
 * SEED: the editor work extends this (file watcher, size limit, incremental updates).
 */
export class WorkspaceAnalysis implements vscode.Disposable {
  private readonly engines = new Map<string, Engine>();
  private readonly emitter = new vscode.EventEmitter<WorkspaceScan>();
  /** Fires after every whole-workspace scan. */
  readonly onDidScan = this.emitter.event;
  latest: WorkspaceScan | undefined;

  engineFor(folder: vscode.WorkspaceFolder): Engine {
    const key = folder.uri.toString();
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new Engine({
        fs: vscodeFs(folder.uri),
        analyzers: defaultAnalyzers(),
        displayPath: (p) => vscode.workspace.asRelativePath(folder.uri.with({ path: p }), false),
      });
      this.engines.set(key, engine);
    }
    return engine;
  }

  /** Scans every workspace folder; reports progress through `progress` and stops on cancellation. */
  async scanAll(
    token?: vscode.CancellationToken,
    progress?: (message: string, increment?: number) => void,
  ): Promise<WorkspaceScan> {
    const folders: FolderScan[] = [];
    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    try {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const engine = this.engineFor(folder);
        const { config, errors } = await loadProjectConfig(
          vscodeFs(folder.uri),
          folder.uri.path,
          readSettings(folder.uri),
        );
        const result = await engine.scan([folder.uri.path], {
          config,
          root: folder.uri.path,
          signal: abort.signal,
          onProgress: ({ done, total, files }) => progress?.(`${folder.name}: ${done}/${total} units, ${files} files`),
        });
        result.errors.unshift(...errors);
        folders.push({ folder, result });
      }
    } finally {
      sub?.dispose();
    }
    const scan = { folders, at: new Date() };
    if (!abort.signal.aborted) {
      this.latest = scan;
      this.emitter.fire(scan);
    }
    return scan;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
