import * as vscode from 'vscode';

import { COMMANDS } from './constants';
import type { FindingsStore } from './findings-store';
import { buildHoverMarkdown } from './hover-markdown';
import { isCandidate } from './live-analysis';

/** A command URI that opens the full catalog entry and legal note for a region. */
export function explainUri(provider: string, region: string): string {
  return `command:${COMMANDS.explainRegion}?${encodeURIComponent(JSON.stringify([{ provider, region }]))}`;
}

/**
 * Hovers on resource headers, region values and the variables, parameters and provider blocks that feed
 * a region: where the data lives, who controls the operator, the legal note and the alternatives.
 */
export class HoverFeature implements vscode.HoverProvider {
  constructor(private readonly store: FindingsStore) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    if (!isCandidate(doc)) {
      return undefined;
    }
    const { role, placements, range } = this.store.at(doc.uri, pos);
    const p = placements[0];
    if (!p) {
      return undefined;
    }
    const others = new Set(placements.map((x) => x.address)).size - 1;
    const region = p.regionId ?? (p.region.kind === 'known' ? p.region.value : undefined);
    const md = new vscode.MarkdownString(
      buildHoverMarkdown(p, {
        detail: 'short',
        role,
        others,
        all: role === 'resource' ? placements : undefined,
        displayPath: (path) => vscode.workspace.asRelativePath(doc.uri.with({ path }), false),
        moreUri: region && p.regionKnown ? explainUri(p.provider, region) : undefined,
      }),
    );
    md.isTrusted = { enabledCommands: [COMMANDS.explainRegion] };
    return new vscode.Hover(
      md,
      range && new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
    );
  }
}
