import * as vscode from 'vscode';

import { catalog, type Finding, type Placement } from '../engine';
import { missingAzureLocation } from './azure-location';
import { COMMANDS, DIAGNOSTIC_SOURCE } from './constants';
import { type FindingsStore, toRange } from './findings-store';
import { isCandidate } from './live-analysis';
import type { SuppressArgs } from './suppress';
import { commentStyleFor } from './suppress-edit';

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** The finding (and its resource) behind one of our diagnostics, matched by rule and range. */
function behind(store: FindingsStore, uri: vscode.Uri, d: vscode.Diagnostic): Array<[Finding, Placement | undefined]> {
  const code = codeOf(d);
  const out: Array<[Finding, Placement | undefined]> = [];
  for (const f of store.findings(uri)) {
    if (f.ruleId === code && !f.suppressed && toRange(f.range).isEqual(d.range) && d.message.startsWith(f.message)) {
      const p = store.placements(uri).find((x) => x.findings.includes(f));
      out.push([f, p]);
    }
  }
  return out;
}

/**
 * Quick fixes on our diagnostics: accept a finding for one resource (comment directive, or the project
 * file where the format has no comments), accept a rule for a file, explain the region, open the report.
 */
export class CodeActionsFeature implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: FindingsStore) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (!isCandidate(doc)) {
      return [];
    }
    const actions: vscode.CodeAction[] = [];
    const style = commentStyleFor(doc.uri.path);
    const seenRules = new Set<string>();
    for (const d of context.diagnostics.filter((x) => x.source === DIAGNOSTIC_SOURCE)) {
      for (const [f, p] of behind(this.store, doc.uri, d)) {
        const base: SuppressArgs = { uri: doc.uri.toString(), ruleId: f.ruleId, resource: f.resource };
        if (p && style) {
          actions.push(
            this.action(`Suppress ${f.ruleId} for ${f.resource}…`, d, COMMANDS.suppressFinding, {
              ...base,
              scope: 'next',
              line: p.headerRange.start.line,
            }),
          );
        }
        if (p) {
          actions.push(
            this.action(
              `Accept ${f.ruleId} for ${f.resource} in .cloud-act-lens.json…`,
              d,
              COMMANDS.acceptInProjectFile,
              base,
            ),
          );
        }
        if (style && !seenRules.has(f.ruleId)) {
          seenRules.add(f.ruleId);
          actions.push(
            this.action(`Suppress ${f.ruleId} in this file…`, d, COMMANDS.suppressRuleInFile, {
              ...base,
              scope: 'file',
            }),
          );
        }
        // CAL002 in Azure: the region is the resource group's or the deployment's; a setting gives it.
        const missing = f.ruleId === 'CAL002' ? missingAzureLocation(f.message) : undefined;
        if (missing) {
          actions.push(
            this.action(
              `Set the ${missing === 'resourceGroup' ? 'resource group' : 'deployment'} location for this workspace…`,
              d,
              COMMANDS.setAzureLocation,
              { kind: missing, uri: doc.uri.toString() },
            ),
          );
        }
        // CAL006: replace an unknown region literal with one of the catalog's nearest spellings.
        if (f.ruleId === 'CAL006' && p) {
          actions.push(...this.replacements(doc, d, p));
        }
        if (p?.regionKnown && p.regionId) {
          actions.push(
            this.action(`Explain region ${p.regionId}`, d, COMMANDS.explainRegion, {
              provider: p.provider,
              region: p.regionId,
            }),
          );
        }
      }
    }
    if (actions.length > 0) {
      const report = new vscode.CodeAction('Show the CLOUD Act Lens workspace report', vscode.CodeActionKind.QuickFix);
      report.command = { command: COMMANDS.showReport, title: report.title };
      actions.push(report);
    }
    return actions;
  }

  /** "Replace with "eu-central-1"": edits the region literal where it is written, in this file. */
  private replacements(doc: vscode.TextDocument, d: vscode.Diagnostic, p: Placement): vscode.CodeAction[] {
    const at = p.regionLocation;
    if (!at || at.file !== doc.uri.path || p.region.kind !== 'known') {
      return [];
    }
    const range = toRange(at.range);
    const text = doc.getText(range);
    const quoted = /^(["'])(.*)\1$/s.exec(text);
    const inner = quoted ? quoted[2] : text;
    if (inner !== p.region.value) {
      return []; // not a plain literal (an interpolation, an escape): no blind edit
    }
    const target = quoted ? new vscode.Range(range.start.translate(0, 1), range.end.translate(0, -1)) : range;
    return catalog.suggestRegions(p.provider, p.region.value, 3).map((r, i) => {
      const a = new vscode.CodeAction(`Replace with "${r.id}" (${r.name})`, vscode.CodeActionKind.QuickFix);
      a.diagnostics = [d];
      a.isPreferred = i === 0;
      a.edit = new vscode.WorkspaceEdit();
      a.edit.replace(doc.uri, target, r.id);
      return a;
    });
  }

  private action(title: string, d: vscode.Diagnostic, command: string, arg: object): vscode.CodeAction {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [d];
    a.command = { command, title, arguments: [arg] };
    return a;
  }
}
