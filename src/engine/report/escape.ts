/**
 * Escaping for every output format. Names, paths and messages come from the user's files and may
 * hold markup, quotes, newlines or terminal control sequences; nothing is interpolated unescaped.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c]);
}

/** Replaces C0/C1 control characters (newlines, escape sequences) with spaces. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/**
 * Escapes text for inline Markdown (CommonMark + GitHub) that never starts a line: every character that
 * can open emphasis, code, a link, raw HTML, an entity, math or a table cell boundary gets a backslash;
 * line breaks become spaces. Parentheses need none once brackets are escaped.
 */
export function escapeMarkdown(s: string): string {
  return stripControl(s).replace(/[\\`*_[\]<>|~&$]/g, (c) => `\\${c}`);
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection guidance). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.
 * A field that a spreadsheet would evaluate as a formula is prefixed with a single quote.
 */
export function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (typeof value === 'string' && s.length > 0 && FORMULA_START.has(s[0])) {
    s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
