// How report rows are grouped by the root module or template that produced them. On its own (no
// imports) so that the webview script, which groups rows as the user sorts and filters, groups and
// labels them as the HTML export does without bundling the report code.

/** Items by root, roots in name order, items in their order within each. */
export function groupByRoot<T>(items: readonly T[], rootOf: (item: T) => string): Array<{ root: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const root = rootOf(item);
    const list = groups.get(root);
    if (list) {
      list.push(item);
    } else {
      groups.set(root, [item]);
    }
  }
  return [...groups.keys()].sort().map((root) => ({ root, items: groups.get(root) ?? [] }));
}

/** The header of a group of report rows: the root module or template and how many resources it places. */
export function groupLabel(root: string, count: number, total = count): string {
  const name = root === '.' ? '(the scanned folder)' : root;
  const n = count === total ? `${total}` : `${count} of ${total}`;
  return `Root ${name}: ${n} ${total === 1 ? 'resource' : 'resources'}`;
}
