import * as vscode from 'vscode';

import {
  type AnalysisError,
  defaultAnalyzers,
  Engine,
  type LensConfig,
  loadProjectConfig,
  PROJECT_FILE,
  type ResidencyPolicy,
  type RunResult,
} from '../engine';
import { readEditorSettings, readSettings } from './settings';
import { vscodeFs } from './vscode-fs';

export interface FolderScan {
  folder: vscode.WorkspaceFolder;
  result: RunResult;
  /** The residency policies in effect for the folder (for the report's compliance summary). */
  policies?: ResidencyPolicy[];
  /** Set when the scan stopped because the folder has more supported files than the size limit. */
  overLimit?: { files: number; limit: number };
}

export interface WorkspaceScan {
  folders: FolderScan[];
  /** When the scan finished. */
  at: Date;
  /** Sequence number taken when the scan started: results newer than this win over it. */
  seq: number;
}

export interface ScanOptions {
  /** Apply the `workspaceAnalysis.*` settings: skip disabled folders and stop at the size limit. */
  auto?: boolean;
  /** Unsaved texts of open documents, by engine path. */
  overlays?: (folder: vscode.WorkspaceFolder) => ReadonlyMap<string, string>;
}

/** Files changed on disk under one folder, batched by the watcher. */
export interface FilesChanged {
  folder: vscode.WorkspaceFolder;
  changed: vscode.Uri[];
  deleted: vscode.Uri[];
}

// YAML too: Terraform's file() often reads YAML configuration (`yamldecode(file(...))`).
const WATCH_GLOB =
  '**/{terragrunt.hcl,*.tf,*.tofu,*.tfvars,*.bicep,*.bicepparam,*.json,*.jsonc,*.yaml,*.yml,.cloud-act-lens.json}';
const WATCH_DEBOUNCE_MS = 300;

/**
 * Owns the engine instances (one per workspace folder, so that virtual file systems and per-folder
 * settings work), the effective configuration per folder (settings with the project file over them),
 * a file watcher that invalidates the engines' caches, and the latest whole-workspace scan, shared by
 * diagnostics, the status bar and the report.
 */
export class WorkspaceAnalysis implements vscode.Disposable {
  private readonly engines = new Map<string, Engine>();
  private readonly configs = new Map<string, Promise<{ config: LensConfig; errors: AnalysisError[] }>>();
  /** Per folder: the baseline and residency policy files its configuration reads besides the project file. */
  private readonly configFiles = new Map<string, ReadonlySet<string>>();
  private readonly emitter = new vscode.EventEmitter<WorkspaceScan>();
  private readonly filesEmitter = new vscode.EventEmitter<FilesChanged>();
  private readonly configEmitter = new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>();
  private readonly scanningEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: Array<{ dispose(): void }> = [
    this.emitter,
    this.filesEmitter,
    this.configEmitter,
    this.scanningEmitter,
  ];
  /** Whole-workspace scans under way. */
  private scans = 0;
  /** Fires when a whole-workspace scan starts or ends. */
  readonly onDidChangeScanning = this.scanningEmitter.event;
  private readonly pending = new Map<string, { changed: Map<string, vscode.Uri>; deleted: Map<string, vscode.Uri> }>();
  private pendingTimer: NodeJS.Timeout | undefined;
  private sequence = 0;
  /** Fires after every whole-workspace scan. */
  readonly onDidScan = this.emitter.event;
  /** Fires (batched) when supported files change on disk; the engines' caches are already invalidated. */
  readonly onDidChangeFiles = this.filesEmitter.event;
  /** Fires when the project file or the settings of a folder change (undefined: all folders). */
  readonly onDidChangeConfig = this.configEmitter.event;
  latest: WorkspaceScan | undefined;

  /** Whether a whole-workspace scan is under way (its counts are not final). */
  get scanning(): boolean {
    return this.scans > 0;
  }

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => this.onFile(u, false)),
      watcher.onDidCreate((u) => this.onFile(u, false)),
      watcher.onDidDelete((u) => this.onFile(u, true)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cloudActLens')) {
          this.configs.clear();
          // Unit results depend on settings such as extra .tfvars files or enabled languages.
          this.engines.forEach((engine) => engine.invalidate());
          this.configEmitter.fire(undefined);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) {
          this.engines.delete(f.uri.toString());
          this.configs.delete(f.uri.toString());
        }
      }),
    );
  }

  /** A new sequence number; analyses compare them so that an older result never replaces a newer one. */
  nextSeq(): number {
    return ++this.sequence;
  }

  engineFor(folder: vscode.WorkspaceFolder): Engine {
    const key = folder.uri.toString();
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new Engine({
        fs: vscodeFs(folder.uri),
        readRoots: [folder.uri.path],
        analyzers: defaultAnalyzers(),
        displayPath: (p) => vscode.workspace.asRelativePath(folder.uri.with({ path: p }), false),
      });
      this.engines.set(key, engine);
    }
    return engine;
  }

  /** Settings for the folder with `.cloud-act-lens.json` merged over them; cached until either changes. */
  configFor(folder: vscode.WorkspaceFolder): Promise<{ config: LensConfig; errors: AnalysisError[] }> {
    const key = folder.uri.toString();
    let hit = this.configs.get(key);
    if (!hit) {
      hit = loadProjectConfig(vscodeFs(folder.uri), folder.uri.path, readSettings(folder.uri))
        .then((loaded) => {
          // Editing the baseline or an imported residency policy reloads the configuration, as editing the file does.
          this.configFiles.set(
            key,
            new Set(
              [loaded.config.baselineFile, ...(loaded.config.residency?.importedFiles ?? [])].filter(
                (f): f is string => f !== undefined,
              ),
            ),
          );
          return loaded;
        })
        .catch((e: unknown) => ({
          config: readSettings(folder.uri),
          errors: [{ file: `${folder.uri.path}/${PROJECT_FILE}`, message: String(e) }],
        }));
      this.configs.set(key, hit);
    }
    return hit;
  }

  /** Forgets the folder's configuration and cached results, then tells listeners to re-run. */
  reloadConfig(folder: vscode.WorkspaceFolder): void {
    this.configs.delete(folder.uri.toString());
    this.engineFor(folder).invalidate();
    this.configEmitter.fire(folder);
  }

  /** Scans every workspace folder; reports progress through `progress` and stops on cancellation. */
  async scanAll(
    token?: vscode.CancellationToken,
    progress?: (message: string, increment?: number) => void,
    options: ScanOptions = {},
  ): Promise<WorkspaceScan> {
    const seq = this.nextSeq();
    const folders: FolderScan[] = [];
    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    this.scans++;
    this.scanningEmitter.fire();
    try {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        if (abort.signal.aborted) {
          break;
        }
        const editor = readEditorSettings(folder.uri);
        if (options.auto && !editor.workspaceAnalysis) {
          continue;
        }
        folders.push(await this.scanFolder(folder, abort.signal, options, editor.workspaceMaxFiles, progress));
      }
    } finally {
      sub?.dispose();
      this.scans--;
      this.scanningEmitter.fire();
    }
    const scan = { folders, at: new Date(), seq };
    if (!abort.signal.aborted) {
      this.latest = scan;
      this.emitter.fire(scan);
    }
    return scan;
  }

  private async scanFolder(
    folder: vscode.WorkspaceFolder,
    outer: AbortSignal,
    options: ScanOptions,
    limit: number,
    progress?: (message: string, increment?: number) => void,
  ): Promise<FolderScan> {
    const engine = this.engineFor(folder);
    const { config, errors } = await this.configFor(folder);
    // A folder over the size limit is abandoned as soon as discovery has counted its files.
    const local = new AbortController();
    const onOuter = () => local.abort();
    outer.addEventListener('abort', onOuter);
    let overLimit: FolderScan['overLimit'];
    try {
      const result = await engine.scan([folder.uri.path], {
        config,
        root: folder.uri.path,
        signal: local.signal,
        overlays: options.overlays?.(folder),
        onProgress: ({ done, total, files }) => {
          if (options.auto && files > limit && !overLimit) {
            overLimit = { files, limit };
            local.abort();
          }
          progress?.(`${folder.name}: ${done}/${total} units, ${files} files`);
        },
      });
      result.errors.unshift(...errors);
      if (overLimit) {
        return { folder, result: { ...result, placements: [], findings: [], units: [] }, overLimit };
      }
      return { folder, result, policies: config.residency?.policies };
    } finally {
      outer.removeEventListener('abort', onOuter);
    }
  }

  private onFile(uri: vscode.Uri, deleted: boolean): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      return;
    }
    this.engineFor(folder).invalidate(uri.path);
    if (uri.path.endsWith(`/${PROJECT_FILE}`) || this.configFiles.get(folder.uri.toString())?.has(uri.path)) {
      this.reloadConfig(folder);
      return;
    }
    const key = folder.uri.toString();
    const batch = this.pending.get(key) ?? { changed: new Map(), deleted: new Map() };
    (deleted ? batch.deleted : batch.changed).set(uri.toString(), uri);
    (deleted ? batch.changed : batch.deleted).delete(uri.toString());
    this.pending.set(key, batch);
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => this.flush(), WATCH_DEBOUNCE_MS);
  }

  private flush(): void {
    const batches = [...this.pending];
    this.pending.clear();
    for (const [key, batch] of batches) {
      const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === key);
      if (folder) {
        this.filesEmitter.fire({ folder, changed: [...batch.changed.values()], deleted: [...batch.deleted.values()] });
      }
    }
  }

  dispose(): void {
    clearTimeout(this.pendingTimer);
    this.disposables.forEach((d) => {
      d.dispose();
    });
  }
}
