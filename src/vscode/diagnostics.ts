import * as vscode from 'vscode';
import { defaultAnalyzers, defaultConfig, Engine, ruleDocsUrl, type Finding, type Severity } from '../engine';
import { DIAGNOSTIC_SOURCE } from './constants';
import { vscodeFs } from './vscode-fs';

const DEBOUNCE_MS = 500;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toRange(r: Finding['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/**
 * Publishes findings as diagnostics: debounced per document, computed on unsaved text, and guarded by a
 * generation counter so that a slow, stale analysis never overwrites a newer one.
 */
export class DiagnosticsFeature implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cloud-act-lens');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly engine = new Engine({
    fs: vscodeFs(vscode.Uri.file('/')),
    analyzers: defaultAnalyzers(),
    displayPath: (p) => vscode.workspace.asRelativePath(vscode.Uri.file(p)),
  });

  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidSaveTextDocument((d) => this.engine.invalidate(d.uri.path)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      this.schedule(doc, 0);
    }
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (doc.uri.scheme !== 'file') {
      return;
    }
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.analyze(doc);
      }, delay),
    );
  }

  private async analyze(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    const overlays = new Map<string, string>();
    for (const open of vscode.workspace.textDocuments) {
      if (open.uri.scheme === 'file' && open.isDirty) {
        overlays.set(open.uri.path, open.getText());
      }
    }
    overlays.set(doc.uri.path, doc.getText());
    const result = await this.engine.analyzePaths([doc.uri.path], { config: defaultConfig(), overlays });
    if (this.generation.get(key) !== gen) {
      return;
    }
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const unit of result.units) {
      for (const f of unit.files) {
        byFile.set(f, []);
      }
    }
    for (const f of result.findings) {
      if (f.suppressed) {
        continue;
      }
      const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = { value: f.ruleId, target: vscode.Uri.parse(ruleDocsUrl(f.ruleId)) };
      d.relatedInformation = f.related.map(
        (r) =>
          new vscode.DiagnosticRelatedInformation(
            new vscode.Location(vscode.Uri.file(r.location.file), toRange(r.location.range)),
            r.message,
          ),
      );
      byFile.set(f.file, [...(byFile.get(f.file) ?? []), d]);
    }
    for (const [file, diags] of byFile) {
      this.collection.set(vscode.Uri.file(file), diags);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) {
      clearTimeout(t);
    }
    this.disposables.forEach((d) => d.dispose());
  }
}
