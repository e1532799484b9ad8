import { type Node, type ParseError, type ParseOptions, parseTree } from 'jsonc-parser';

import { parseStrictJson } from './json-tree';

/** Deeper nesting than this is refused in ARM templates and plans: real ones stay far below it. */
export const MAX_JSON_DEPTH = 256;

/**
 * The maximum bracket nesting of a JSON(C) text, ignoring strings and comments, in one linear pass. The
 * recursive parser is only run when this is within {@link MAX_JSON_DEPTH}, so hostile input (100,000
 * nested brackets) cannot overflow the stack. Returns the offset where the limit was first exceeded.
 */
export function findExcessiveNesting(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) {
          i++;
        } else if (d === 34 || d === 10) {
          break;
        }
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) {
        i++;
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) {
        return i;
      }
    } else if (c === 125 || c === 93) {
      depth = depth > 0 ? depth - 1 : 0;
    }
  }
  return undefined;
}

/**
 * A JSON(C) text as a jsonc-parser tree, never recursing deeper than `limit`: strict JSON (every compiled
 * template, every plan) by the fast reader, which refuses deeper nesting itself; any other text is checked
 * for hostile nesting first (`tooDeepAt`: the offset where it exceeds the limit), then read by
 * jsonc-parser with `options`, its errors added to `errors`.
 */
export function readJsonTree(
  text: string,
  limit: number,
  options: ParseOptions,
  errors: ParseError[],
): { root: Node | undefined; tooDeepAt?: undefined } | { root?: undefined; tooDeepAt: number } {
  const strict = parseStrictJson(text, limit);
  if (strict) {
    return { root: strict };
  }
  const deep = findExcessiveNesting(text, limit);
  return deep === undefined ? { root: parseTree(text, errors, options) } : { tooDeepAt: deep };
}
