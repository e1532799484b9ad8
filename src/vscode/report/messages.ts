/**
 * The typed message protocol between the report webview (src/webview/report.ts) and the extension.
 * The webview sends `ready` once its script runs; only then does the extension post renders.
 */
export type WebviewToExtension =
  { type: 'ready' } | { type: 'open'; row: number } | { type: 'rescan' } | { type: 'export' };

export type ExtensionToWebview = { type: 'render'; body: string; generation: number };

/** Validates a message from the webview; anything else is ignored. */
export function parseWebviewMessage(raw: unknown): WebviewToExtension | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'rescan':
    case 'export':
      return { type: m.type };
    case 'open':
      return typeof m.row === 'number' && Number.isInteger(m.row) && m.row >= 0
        ? { type: 'open', row: m.row }
        : undefined;
    default:
      return undefined;
  }
}
