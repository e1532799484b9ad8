// Backslash escapes of quoted templates (spec "Template Literals"): `\n`, `\r`, `\t`, `\"`, `\\`, and
// `\uNNNN` / `\UNNNNNNNN` naming a Unicode code point.
import type { ParserState } from './state';

/** What the single-character escapes stand for, by the code of the character after the backslash. */
const SIMPLE: string[] = [];
SIMPLE[0x6e] = '\n';
SIMPLE[0x72] = '\r';
SIMPLE[0x74] = '\t';
SIMPLE[0x22] = '"';
SIMPLE[0x5c] = '\\';

const isHexDigit = (h: number) => (h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66);

/**
 * Reads the escape sequence at `i` (a backslash) into `p.escapeValue` and returns the offset after it:
 * the value goes into the parser state rather than a returned object because strings are scanned
 * character by character and most escapes are one character.
 */
export function scanEscape(p: ParserState, i: number, limit: number): number {
  const text = p.text;
  const c = i + 1 < limit ? text.charCodeAt(i + 1) : -1;
  const simple = c >= 0 ? SIMPLE[c] : undefined;
  if (simple !== undefined) {
    p.escapeValue = simple;
    return i + 2;
  }
  if (c === 0x75 || c === 0x55) {
    const n = c === 0x75 ? 4 : 8;
    const hex = text.slice(i + 2, Math.min(limit, i + 2 + n));
    let ok = hex.length === n;
    for (let k = 0; ok && k < n; k++) {
      ok = isHexDigit(hex.charCodeAt(k));
    }
    const cp = ok ? parseInt(hex, 16) : -1;
    if (ok && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      p.escapeValue = String.fromCodePoint(cp);
      return i + 2 + n;
    }
    p.error(`invalid Unicode escape: expected ${n} hex digits of a valid code point`, i, i + 2);
    p.escapeValue = '';
    return i + 2;
  }
  if (c === -1 || c === 0x0a) {
    p.escapeValue = '\\';
    return i + 1;
  }
  p.error(`invalid escape sequence "\\${String.fromCharCode(c)}"`, i, i + 2);
  p.escapeValue = String.fromCharCode(c);
  return i + 2;
}
