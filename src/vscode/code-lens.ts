import * as vscode from 'vscode';

import { COMMANDS, CONFIG_SECTION } from './constants';
import { type FindingsStore, toRange } from './findings-store';
import { codeLensTitle, feedsTitle } from './hover-markdown';
import { readEditorSettings } from './settings';

/** A lens above each resource: country, region and whether the operator is U.S.-controlled (off by default). */
export class CodeLensFeature implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subs: vscode.Disposable[];

  constructor(private readonly store: FindingsStore) {
    this.subs = [
      store.onDidChange(() => this.emitter.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${CONFIG_SECTION}.codeLens`)) {
          this.emitter.fire();
        }
      }),
    ];
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!readEditorSettings(doc.uri).codeLens) {
      return [];
    }
    const seen = new Set<string>();
    const lenses: vscode.CodeLens[] = [];
    for (const p of this.store.placements(doc.uri)) {
      const title = codeLensTitle(p);
      const key = `${p.headerRange.start.line}:${title}`;
      if (seen.has(key)) {
        continue; // one lens per distinct region on a resource (count/for_each instances repeat it)
      }
      seen.add(key);
      const args = p.regionKnown && p.regionId ? [{ provider: p.provider, region: p.regionId }] : undefined;
      lenses.push(
        new vscode.CodeLens(toRange(p.headerRange), {
          title,
          command: args ? COMMANDS.explainRegion : '',
          arguments: args,
          tooltip: 'CLOUD Act Lens: explain this region',
        }),
      );
    }
    // Values that feed other resources' regions: what depends on them, where it lands.
    for (const { range, placements } of this.store.feeds(doc.uri)) {
      lenses.push(
        new vscode.CodeLens(toRange(range), {
          title: feedsTitle(placements),
          command: '',
          tooltip: placements.map((p) => p.address).join(', '),
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.subs.forEach((s) => {
      s.dispose();
    });
    this.emitter.dispose();
  }
}

/** `cloudActLens.toggleCodeLens`: flips the setting where it is currently decided. */
export function registerToggleCodeLens(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.toggleCodeLens, async () => {
    const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const now = cfg.get<boolean>('codeLens.enabled') ?? false;
    // A personal view preference: written to the user settings, never into the repository's
    // .vscode/settings.json, unless the workspace already sets it (then that value is the one to flip).
    const inspected = cfg.inspect<boolean>('codeLens.enabled');
    const target =
      inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    await cfg.update('codeLens.enabled', !now, target);
  });
}
