/**
 * The header of a group of report rows: the root module or template and how many resources it places.
 * On its own (no imports) so that the webview script, which groups rows as the user sorts and filters,
 * says the same as the HTML export without bundling the report code.
 */
export function groupLabel(root: string, count: number, total = count): string {
  const name = root === '.' ? '(the scanned folder)' : root;
  const n = count === total ? `${total}` : `${count} of ${total}`;
  return `Root ${name}: ${n} ${total === 1 ? 'resource' : 'resources'}`;
}
