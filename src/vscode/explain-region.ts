import * as vscode from 'vscode';

import { catalog } from '../engine';
import { COMMANDS } from './constants';
import type { FindingsStore } from './findings-store';
import { explainRegionMarkdown } from './region-facts';

export interface ExplainArgs {
  provider: string;
  region: string;
}

/** The region under the cursor of the active editor, if it is one we placed. */
function fromEditor(store: FindingsStore): ExplainArgs | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return undefined;
  }
  const p = store.at(editor.document.uri, editor.selection.active).placements[0];
  return p?.regionId && p.regionKnown ? { provider: p.provider, region: p.regionId } : undefined;
}

/** Lets the user pick a provider, then a region, from the catalog. */
async function pick(): Promise<ExplainArgs | undefined> {
  const provider = await vscode.window.showQuickPick(
    catalog.listProviders().map((p) => ({ label: p.displayName, description: p.id, id: p.id })),
    { title: 'Explain region: provider', matchOnDescription: true },
  );
  if (!provider) {
    return undefined;
  }
  const region = await vscode.window.showQuickPick(
    catalog.listRegions(provider.id).map((r) => ({ label: r.id, description: r.name, detail: r.city })),
    { title: `Explain region: ${provider.label} region`, matchOnDescription: true },
  );
  return region && { provider: provider.id, region: region.label };
}

/** Read-only documents `cloud-act-lens:/explain/<provider>/<region>.md`: never dirty, so closing never asks to save. */
const SCHEME = 'cloud-act-lens';

class ExplainContent implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string | undefined {
    const m = /^\/explain\/([^/]+)\/(.+)\.md$/.exec(uri.path);
    return m ? explainRegionMarkdown(decodeURIComponent(m[1]), decodeURIComponent(m[2])) : undefined;
  }
}

/**
 * `cloudActLens.explainRegion`: the catalog facts for a region (country, city, partition, operator,
 * ultimate controller, sources), the legal note and the alternatives, in a markdown preview.
 * Returns the document so that callers (and tests) can read it.
 */
export function registerExplainRegion(store: FindingsStore): vscode.Disposable[] {
  const provider = vscode.workspace.registerTextDocumentContentProvider(SCHEME, new ExplainContent());
  const command = vscode.commands.registerCommand(
    COMMANDS.explainRegion,
    async (args?: ExplainArgs): Promise<vscode.TextDocument | undefined> => {
      const target = args?.provider && args.region ? args : (fromEditor(store) ?? (await pick()));
      if (!target) {
        return undefined;
      }
      if (!explainRegionMarkdown(target.provider, target.region)) {
        void vscode.window.showWarningMessage(
          `CLOUD Act Lens: the catalog does not know ${target.provider} region "${target.region}".`,
        );
        return undefined;
      }
      const uri = vscode.Uri.from({
        scheme: SCHEME,
        path: `/explain/${encodeURIComponent(target.provider)}/${encodeURIComponent(target.region)}.md`,
      });
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      // The rendered preview is nicer to read; the markdown source stays open where it is unavailable.
      void Promise.resolve(vscode.commands.executeCommand('markdown.showPreview', doc.uri)).catch(() => undefined);
      return doc;
    },
  );
  return [provider, command];
}
