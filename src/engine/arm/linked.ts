import type { Node } from 'jsonc-parser';

import { prop, stringAt } from './document';

/** Upper bound on nodes visited when looking for links, so that a huge template costs at most one pass. */
const MAX_NODES = 2_000_000;

/**
 * Local files a template links to with `templateLink.relativePath` or `uri(..., 'relative/file.json')`,
 * found without evaluation. Such files are analysed as part of the template that links them, with the
 * parameters it passes, instead of on their own.
 */
export function linkedFiles(file: string, root: Node | undefined): string[] {
  const out: string[] = [];
  const stack: Node[] = root ? [root] : [];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const link = prop(node, 'templateLink');
      const rel = stringAt(link, 'relativePath') ?? literalInUri(stringAt(link, 'uri'));
      if (rel !== undefined) {
        try {
          out.push(decodeURIComponent(new URL(rel, `file://${encodeURI(file)}`).pathname));
        } catch {
          // Not a usable relative path: the deployment is simply not followed.
        }
      }
    }
    for (const child of node.children ?? []) {
      if (child.type === 'object' || child.type === 'array' || child.type === 'property') {
        stack.push(child);
      }
    }
  }
  return out;
}

/** `'nested/x.json'` in `[uri(parameters('_artifactsLocation'), 'nested/x.json')]`. */
function literalInUri(uri: string | undefined): string | undefined {
  if (!uri?.startsWith('[uri(')) {
    return undefined;
  }
  const end = uri.lastIndexOf("'");
  const start = uri.lastIndexOf("'", end - 1);
  return start >= 0 && end > start ? uri.slice(start + 1, end) : undefined;
}
