import * as vscode from 'vscode';

import { type AnalysisError, type Finding, type Placement, ruleDocsUrl, type Severity } from '../engine';
import { DIAGNOSTIC_SOURCE } from './constants';
import { type FindingsStore, toRange } from './findings-store';
import { regionTally } from './region-facts';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * One finding as a diagnostic: source, rule id linked to its README section, range from the finding,
 * related information where the region value came from. `base` supplies the scheme and authority that
 * engine paths (URI paths) lack.
 */
export function toDiagnostic(f: Finding, base: vscode.Uri): vscode.Diagnostic {
  // One short line (what, where, who controls it), as in the Problems view; the statute, the case and
  // the provenance are in the hover (once) and the related information, not repeated in every message.
  const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: vscode.Uri.parse(ruleDocsUrl(f.ruleId)) };
  if (f.related.length > 0) {
    d.relatedInformation = f.related.map(
      (r) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(base.with({ path: r.location.file }), toRange(r.location.range)),
          r.message,
        ),
    );
  }
  return d;
}

/**
 * What could not be read or understood in a file, as an error at its range (or the first line): a
 * syntax error that hides the resources after it, a policy file the residency rule cannot use. Coded
 * `error`, not a rule id, so that counts of findings never include it.
 */
export function errorDiagnostic(e: AnalysisError): vscode.Diagnostic {
  const range = e.range ? toRange(e.range) : new vscode.Range(0, 0, 0, 0);
  const d = new vscode.Diagnostic(
    range,
    e.message,
    e.notRead ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = e.notRead ? 'not-read' : 'error';
  return d;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * One finding per rule and declaration: a module's resource instantiated by many root modules (or a
 * loop) has one finding per instance, all on the same declaration. They become one diagnostic, the
 * most severe first, with the others summarised (the hover and the report list every instance).
 */
export function oncePerDeclaration(
  findings: readonly Finding[],
  placements: readonly Placement[],
): Array<{ finding: Finding; others: Array<{ finding: Finding; region: string | null }> }> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const r = f.range;
    const key = `${f.ruleId}:${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const placementOf = new Map(placements.flatMap((p) => p.findings.map((f) => [f, p] as const)));
  const regionOf = (f: Finding) => placementOf.get(f)?.regionId ?? null;
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    return { finding: sorted[0], others: sorted.slice(1).map((f) => ({ finding: f, region: regionOf(f) })) };
  });
}

/** Adds "and 12 more instances of this declaration (eu-west-1 ×10, us-east-1 ×2)" to a diagnostic. */
function withInstances(
  d: vscode.Diagnostic,
  others: Array<{ finding: Finding; region: string | null }>,
): vscode.Diagnostic {
  if (others.length === 0) {
    return d;
  }
  const regions = regionTally(others.map((o) => o.region));
  d.message += ` (and ${others.length} more ${others.length === 1 ? 'instance' : 'instances'} of this declaration: ${regions}; the hover and the report list them)`;
  return d;
}

/** Publishes the store's open (not accepted) findings as diagnostics whenever they change. */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cloud-act-lens');
  private readonly sub: vscode.Disposable;

  constructor(private readonly store: FindingsStore) {
    this.sub = store.onDidChange((uris) => uris.forEach((u) => this.publish(u)));
  }

  private publish(uri: vscode.Uri): void {
    const diags = [
      ...this.store.errors(uri).map(errorDiagnostic),
      ...oncePerDeclaration(
        this.store.findings(uri).filter((f) => !f.suppressed),
        this.store.placements(uri),
      ).map(({ finding, others }) => withInstances(toDiagnostic(finding, uri), others)),
    ];
    if (diags.length === 0) {
      this.collection.delete(uri);
    } else {
      this.collection.set(uri, diags);
    }
  }

  dispose(): void {
    this.sub.dispose();
    this.collection.dispose();
  }
}
