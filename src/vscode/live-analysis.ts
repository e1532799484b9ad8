import * as vscode from 'vscode';

import { analysesDocument, defaultAnalyzers, Engine, type LensConfig, paths } from '../engine';
import type { FindingsStore } from './findings-store';
import { readEditorSettings, readSettings } from './settings';
import { vscodeFs } from './vscode-fs';
import type { FilesChanged, WorkspaceAnalysis, WorkspaceScan } from './workspace-analysis';

const DEBOUNCE_MS = 500;
const SKIPPED_SCHEMES = new Set(['output', 'git', 'untitled', 'vscode-userdata', 'debug', 'vscode-settings']);
/** Whether a document is one the engine analyses (it decides by name and, for JSON, by content). */
export function isCandidate(doc: vscode.TextDocument): boolean {
  return !SKIPPED_SCHEMES.has(doc.uri.scheme) && analysesDocument(doc.uri.path, () => doc.getText());
}

interface Target {
  engine: Engine;
  /** Scheme and authority for engine paths; the folder itself when there is one. */
  base: vscode.Uri;
  folder: vscode.WorkspaceFolder | undefined;
  config: LensConfig;
}

/**
 * Diagnostics as you type: debounced per document, computed on unsaved text in the context of its
 * module (other files from disk or their open editors), cancelled when superseded, bounded by a time
 * budget, and kept in step with the workspace scan and the file watcher.
 */
export class LiveAnalysis implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, { gen: number; abort: AbortController }>();
  private readonly looseEngines = new Map<string, Engine>();
  private readonly scanned = new Set<string>();
  private readonly reported = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private gen = 0;

  constructor(
    private readonly analysis: WorkspaceAnalysis,
    private readonly store: FindingsStore,
    private readonly output: vscode.OutputChannel,
  ) {}

  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) {
          this.schedule(e.document, DEBOUNCE_MS);
        }
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.targetFor(d.uri).then((t) => t.engine.invalidate(d.uri.path))),
      vscode.workspace.onDidCloseTextDocument((d) => void this.onClose(d)),
      this.analysis.onDidScan((scan) => this.applyScan(scan)),
      this.analysis.onDidChangeFiles((e) => void this.onFiles(e)),
      this.analysis.onDidChangeConfig(() => this.refreshAll()),
    );
    this.refreshAll();
  }

  /** Re-runs everything: the workspace scan (where enabled) and every open document. */
  refreshAll(): void {
    // Analyses already under way read the previous configuration: their results are dropped.
    this.store.clearAll(undefined, this.analysis.nextSeq());
    this.scanned.clear();
    this.looseEngines.forEach((e) => e.invalidate());
    this.analysis
      .scanAll(undefined, undefined, { auto: true, overlays: (f) => this.overlays(f.uri) })
      .catch((e: unknown) => this.output.appendLine(`workspace scan failed: ${String(e)}`));
    for (const doc of vscode.workspace.textDocuments) {
      this.schedule(doc, 0);
    }
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (!isCandidate(doc)) {
      return;
    }
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.analyzeDocument(doc);
      }, delay),
    );
  }

  private async targetFor(uri: vscode.Uri): Promise<Target> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) {
      const { config } = await this.analysis.configFor(folder);
      return { engine: this.analysis.engineFor(folder), base: folder.uri, folder, config };
    }
    // Files outside every workspace folder get one engine per directory, which bounds what it lists.
    const base = uri.with({ path: paths.dirname(uri.path), query: '', fragment: '' });
    let engine = this.looseEngines.get(base.toString());
    if (!engine) {
      engine = new Engine({ fs: vscodeFs(base), readRoots: [base.path], analyzers: defaultAnalyzers() });
      this.looseEngines.set(base.toString(), engine);
    }
    return { engine, base, folder: undefined, config: readSettings(uri) };
  }

  /** Unsaved texts of the open documents on the same file system (and folder, when there is one). */
  private overlays(base: vscode.Uri): Map<string, string> {
    const out = new Map<string, string>();
    const prefix = base.path.endsWith('/') ? base.path : `${base.path}/`;
    for (const d of vscode.workspace.textDocuments) {
      if (
        d.isDirty &&
        d.uri.scheme === base.scheme &&
        d.uri.authority === base.authority &&
        d.uri.path.startsWith(prefix)
      ) {
        out.set(d.uri.path, d.getText());
      }
    }
    return out;
  }

  private async analyzeDocument(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed) {
      return;
    }
    // A variable or parameter file is analysed through the unit it feeds (a `.tfvars` file through the
    // module beside it, a `.bicepparam` file through the template its `using` names): the engine groups
    // them, so the adapter keeps no rules of its own about which file feeds which.
    await this.run(doc.uri, [doc.uri.path], doc.uri.toString(), new Map([[doc.uri.path, doc.getText()]]));
  }

  /**
   * Analyses the units containing or depending on `enginePaths` and stores the result, unless a newer
   * analysis for `key` started meanwhile or the time budget ran out.
   */
  private async run(
    uri: vscode.Uri,
    enginePaths: string[],
    key: string,
    extra: Map<string, string> = new Map(),
  ): Promise<void> {
    const t = await this.targetFor(uri);
    const seq = this.analysis.nextSeq();
    const gen = ++this.gen;
    this.running.get(key)?.abort.abort();
    const abort = new AbortController();
    this.running.set(key, { gen, abort });
    const budget = readEditorSettings(uri).timeBudgetMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, budget);
    try {
      const overlays = new Map([...this.overlays(t.base), ...extra]);
      const options = { config: t.config, overlays, signal: abort.signal, root: t.folder?.uri.path };
      const result = await t.engine.analyzePaths(enginePaths, options);
      if (this.running.get(key)?.gen !== gen) {
        return; // superseded: a newer analysis of the same document is under way or done
      }
      if (timedOut) {
        this.reportOnce(
          `slow:${key}`,
          `Analysing ${vscode.workspace.asRelativePath(uri)} took longer than ${budget} ms and was stopped; its diagnostics may be out of date.`,
          true,
        );
        return;
      }
      for (const e of result.errors) {
        this.reportOnce(
          `err:${e.file}:${e.message}`,
          `${e.file}${e.range ? `:${e.range.start.line + 1}` : ''}: ${e.message}`,
        );
      }
      // Every unit of each path asked about was analysed: their parts from other analyses go.
      this.store.update(t.base, result, seq, (u) => this.accepts(t.folder, u), { complete: new Set(enginePaths) });
    } catch (e) {
      this.output.appendLine(`analysis of ${uri.toString(true)} failed: ${String(e)}`);
    } finally {
      clearTimeout(timer);
      if (this.running.get(key)?.gen === gen) {
        this.running.delete(key);
      }
    }
  }

  /** Files not open are shown only where the workspace analysis covers their folder. */
  private accepts(folder: vscode.WorkspaceFolder | undefined, uri: vscode.Uri): boolean {
    if (folder && this.scanned.has(folder.uri.toString())) {
      return true;
    }
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  }

  private applyScan(scan: WorkspaceScan): void {
    for (const fs of scan.folders) {
      const key = fs.folder.uri.toString();
      if (fs.overLimit) {
        this.scanned.delete(key);
        this.reportOnce(
          `limit:${key}`,
          `${fs.folder.name} has ${fs.overLimit.files} supported files, more than cloudActLens.workspaceAnalysis.maxFiles (${fs.overLimit.limit}); only open files are analysed.`,
        );
        continue;
      }
      if (readEditorSettings(fs.folder.uri).workspaceAnalysis) {
        this.scanned.add(key);
      }
      this.store.update(fs.folder.uri, fs.result, scan.seq, (u) => this.accepts(fs.folder, u), {
        wholeFolder: fs.folder.uri,
      });
      // Open documents analysed before the scan knew their units (a module whose callers the search
      // nearby did not find) are analysed again through the scan's units; an analysis still under way
      // for one is superseded.
      for (const doc of vscode.workspace.textDocuments) {
        if (vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.toString() === key) {
          this.schedule(doc, 0);
        }
      }
    }
  }

  private async onClose(doc: vscode.TextDocument): Promise<void> {
    if (!isCandidate(doc)) {
      return;
    }
    clearTimeout(this.timers.get(doc.uri.toString()));
    const t = await this.targetFor(doc.uri);
    // Unsaved edits are gone: forget results computed from them.
    t.engine.invalidate(doc.uri.path);
    const dependents = this.store.dependents(t.base, doc.uri.path).map((u) => u.path);
    if (t.folder && this.scanned.has(t.folder.uri.toString())) {
      await this.run(doc.uri, [doc.uri.path, ...dependents], doc.uri.toString());
      return;
    }
    this.store.clear(doc.uri, this.analysis.nextSeq());
    if (dependents.length > 0) {
      await this.run(doc.uri, dependents, `close:${doc.uri.toString()}`);
    }
  }

  private async onFiles(e: FilesChanged): Promise<void> {
    const base = e.folder.uri;
    const targets = new Set<string>();
    for (const uri of e.deleted) {
      this.store.clear(uri, this.analysis.nextSeq());
      this.store.filesIn(base, paths.dirname(uri.path)).forEach((u) => targets.add(u.path));
      this.store.dependents(base, uri.path).forEach((u) => targets.add(u.path));
    }
    for (const uri of e.changed) {
      targets.add(uri.path);
      this.store.dependents(base, uri.path).forEach((u) => targets.add(u.path));
    }
    e.deleted.forEach((u) => targets.delete(u.path));
    if (targets.size > 0) {
      await this.run(base, [...targets], `watch:${base.toString()}:${[...targets].join('|')}`);
    }
  }

  private reportOnce(key: string, message: string, warn = false): void {
    if (this.reported.has(key)) {
      return;
    }
    this.reported.add(key);
    this.output.appendLine(message);
    if (warn) {
      void vscode.window.showWarningMessage(`CLOUD Act Lens: ${message}`);
    }
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.running.forEach((r) => r.abort.abort());
    this.disposables.forEach((d) => {
      d.dispose();
    });
  }
}
