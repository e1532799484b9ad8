// Character classes for the HCL lexer. ASCII is decided with comparisons; only non-ASCII code
// points reach the Unicode property regexes (which test one code point, so they cannot backtrack).

const ID_START = /^\p{ID_Start}$/u;
const ID_CONTINUE = /^\p{ID_Continue}$/u;

/** True for a code point that may start an identifier. */
export function isIdStart(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || cp === 0x5f;
  }
  return ID_START.test(String.fromCodePoint(cp));
}

/** True for a code point that may continue an identifier (HCL adds `-`). */
export function isIdContinue(cp: number): boolean {
  if (cp < 0x80) {
    return (
      (cp >= 0x61 && cp <= 0x7a) ||
      (cp >= 0x41 && cp <= 0x5a) ||
      (cp >= 0x30 && cp <= 0x39) ||
      cp === 0x5f ||
      cp === 0x2d
    );
  }
  return ID_CONTINUE.test(String.fromCodePoint(cp));
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Space, tab or carriage return (a CR before LF belongs to the newline; a lone CR is blank). */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

/** Reads the code point at `i` (combining surrogate pairs). */
export function codePointAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
    }
  }
  return c;
}
