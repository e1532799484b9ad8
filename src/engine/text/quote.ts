/** How many characters of a value taken from scanned files appear in a message or report. */
export const MAX_QUOTED = 64;
/**
 * How many characters of a module source or template reference the reports keep to group what is not
 * read: real sources are far shorter, so two sources are never merged, and a hostile one stays bounded.
 */
export const MAX_SOURCE = 200;

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code === 0x0a
    ? '\\n'
    : code === 0x0d
      ? '\\r'
      : code === 0x09
        ? '\\t'
        : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` on one line with control characters escaped (`\n`, `\u001b`); unchanged (same string) when it has none. */
export function escapeControl(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, escapeChar) : text;
}

/**
 * A value taken from the scanned code (an unknown literal, a path as written, something a file function
 * read) as it may appear in messages and reports: one line, control characters escaped, at most `max`
 * characters ending in an ellipsis. Reports never echo more of a repository's content than this.
 */
export function shortValue(value: string, max = MAX_QUOTED): string {
  if (value.length <= max && !HAS_CONTROL.test(value)) {
    return value;
  }
  const out = escapeControl(value);
  if (out.length <= max) {
    return out;
  }
  // Never cut a surrogate pair in two.
  const cut = /[\uD800-\uDBFF]/.test(out.charAt(max - 2)) ? max - 2 : max - 1;
  return `${out.slice(0, cut)}…`;
}

/** {@link shortValue} in double quotes. */
export function quoteValue(value: string, max = MAX_QUOTED): string {
  return `"${shortValue(value, max)}"`;
}
