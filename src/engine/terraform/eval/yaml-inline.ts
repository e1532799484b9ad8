/**
 * What YAML writes within one line, for the reader of plain block YAML (yaml-block.ts): plain scalars
 * under the YAML 1.2 core schema, quoted scalars and flow collections (`[a, "b"]`, `{ k: [1] }`). Each
 * gives the library's data and scalar positions or throws {@link NOT_SIMPLE}, and the library reads the
 * text instead.
 */

/** Where a scalar is written (its start and end offsets), or the members of a collection. */
export type BlockNode = { start: number; end: number } | { items: BlockNode[] } | { members: Map<string, BlockNode> };

/** Characters that end a plain key in a flow mapping. */
const FLOW_STOP = ':,[]{} ';

/** Nesting left to the library (deeper than any value `yamldecode` converts). */
export const MAX_BLOCK_DEPTH = 64;

/** Thrown when the text leaves the shape this reader knows; the caller then uses the library. */
export const NOT_SIMPLE = new Error('not plain block YAML');

/**
 * Plain keys this reader accepts (a key of other characters is left to the library). A key may start
 * with a digit (`0-org-setup`) and hold `$` and `:` (`$email_addresses:admins`, as factories write
 * references); one that the core schema reads as something other than a string is left to the library.
 */
export const KEY = /^[A-Za-z0-9_$][A-Za-z0-9_./$:-]*$/;
// The YAML 1.2 core schema's tags for plain scalars.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
/** `.inf`, `.nan` and the like: left to the library. */
const SPECIAL_FLOAT = /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/;

/** The value of a plain scalar under the core schema. */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only these can start a null, a boolean or a number.
  if (!(c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46)) {
    if (!(c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39))) {
      return s;
    }
  }
  if (NULL.test(s)) {
    return null;
  }
  if (BOOL.test(s)) {
    return s.charCodeAt(0) === 0x74 || s.charCodeAt(0) === 0x54;
  }
  if (INT.test(s)) {
    return parseInt(s, 10);
  }
  if (OCT.test(s)) {
    return parseInt(s.slice(2), 8);
  }
  if (HEX.test(s)) {
    return parseInt(s.slice(2), 16);
  }
  if (FLOAT.test(s) || FLOAT_EXP.test(s)) {
    return parseFloat(s);
  }
  if (SPECIAL_FLOAT.test(s)) {
    throw NOT_SIMPLE;
  }
  return s;
}

export function isSpace(c: number): boolean {
  return c === 0x20;
}

/**
 * A quoted scalar on one line starting at `at` (`'...'`, or `"..."` without escapes): its text and the
 * offset after its closing quote.
 */
export function quoted(t: string, at: number, end: number): { text: string; close: number } {
  return t.charCodeAt(at) === 0x27 ? singleQuoted(t, at, end) : doubleQuoted(t, at, end);
}

/**
 * A flow collection on one line (`[a, "b"]`, `{ k: { r: [1] } }`) starting at `at`: its data, its
 * scalars' positions and the offset after its closing bracket. Plain and quoted scalars and nested
 * collections; an empty entry, a trailing comma, an implicit key in a sequence, a comment or a line
 * break inside are left to the library.
 */
export function flowCollection(
  t: string,
  at: number,
  end: number,
  depth: number,
): { data: unknown; node: BlockNode; close: number } {
  if (depth >= MAX_BLOCK_DEPTH) {
    throw NOT_SIMPLE;
  }
  const isSeq = t.charCodeAt(at) === 0x5b;
  const closing = isSeq ? 0x5d : 0x7d;
  const list: unknown[] = [];
  const items: BlockNode[] = [];
  const map: Record<string, unknown> = {};
  const members = new Map<string, BlockNode>();
  let j = skipSpaces(t, at + 1, end);
  if (t.charCodeAt(j) === closing) {
    return isSeq ? { data: list, node: { items }, close: j + 1 } : { data: map, node: { members }, close: j + 1 };
  }
  for (;;) {
    if (isSeq) {
      const v = flowValue(t, j, end, depth);
      list.push(v.data);
      items.push(v.node);
      j = v.close;
    } else {
      const k = flowKey(t, j, end);
      if (k.key === '__proto__' || members.has(k.key)) {
        throw NOT_SIMPLE;
      }
      const v = flowValue(t, skipSpaces(t, k.after, end), end, depth);
      map[k.key] = v.data;
      members.set(k.key, v.node);
      j = v.close;
    }
    j = skipSpaces(t, j, end);
    const c = t.charCodeAt(j);
    if (c === closing) {
      return isSeq ? { data: list, node: { items }, close: j + 1 } : { data: map, node: { members }, close: j + 1 };
    }
    if (c !== 0x2c) {
      throw NOT_SIMPLE;
    }
    j = skipSpaces(t, j + 1, end);
    const next = t.charCodeAt(j);
    if (j >= end || next === closing || next === 0x2c) {
      throw NOT_SIMPLE;
    }
  }
}

/** A key in a flow mapping, plain or quoted, followed by `: `; the offset after the colon. */
function flowKey(t: string, at: number, end: number): { key: string; after: number } {
  const c = t.charCodeAt(at);
  let key: string;
  let colon: number;
  if (c === 0x27 || c === 0x22) {
    const q = quoted(t, at, end);
    key = q.text;
    colon = q.close;
  } else {
    colon = at;
    while (colon < end && !FLOW_STOP.includes(t[colon])) {
      colon++;
    }
    key = t.slice(at, colon);
    if (!KEY.test(key) || resolvePlain(key) !== key) {
      throw NOT_SIMPLE;
    }
  }
  if (t.charCodeAt(colon) !== 0x3a || !isSpace(t.charCodeAt(colon + 1))) {
    throw NOT_SIMPLE;
  }
  return { key, after: colon + 1 };
}

/** An entry of a flow collection: a nested collection, a quoted scalar or a plain one. */
function flowValue(
  t: string,
  at: number,
  end: number,
  depth: number,
): { data: unknown; node: BlockNode; close: number } {
  const c = t.charCodeAt(at);
  if (c === 0x5b || c === 0x7b) {
    return flowCollection(t, at, end, depth + 1);
  }
  if (c === 0x27 || c === 0x22) {
    const q = quoted(t, at, end);
    return { data: q.text, node: { start: at, end: q.close }, close: q.close };
  }
  let stop = at;
  while (stop < end && !',[]{}'.includes(t[stop])) {
    stop++;
  }
  let last = stop;
  while (last > at && isSpace(t.charCodeAt(last - 1))) {
    last--;
  }
  const s = t.slice(at, last);
  // Empty, an indicator, a comment, or a `key: value` pair written as a sequence entry.
  if (
    s === '' ||
    '#&*!|>%@`?:-'.includes(s[0]) ||
    s.includes(' #') ||
    s.includes(': ') ||
    s.endsWith(':') ||
    s.includes('"') ||
    s.includes("'")
  ) {
    throw NOT_SIMPLE;
  }
  return { data: resolvePlain(s), node: { start: at, end: last }, close: stop };
}

/** A single-quoted scalar on one line: its text and the offset after its closing quote. */
function singleQuoted(t: string, at: number, end: number): { text: string; close: number } {
  let out = '';
  let from = at + 1;
  for (let j = at + 1; j < end; j++) {
    if (t.charCodeAt(j) === 0x27) {
      if (t.charCodeAt(j + 1) === 0x27 && j + 1 < end) {
        out += t.slice(from, j + 1);
        from = j + 2;
        j++;
        continue;
      }
      out += t.slice(from, j);
      return { text: out, close: j + 1 };
    }
  }
  throw NOT_SIMPLE;
}

/** A double-quoted scalar on one line without escapes: its text and the offset after its closing quote. */
function doubleQuoted(t: string, at: number, end: number): { text: string; close: number } {
  const close = t.indexOf('"', at + 1);
  if (close < 0 || close >= end) {
    throw NOT_SIMPLE;
  }
  const s = t.slice(at + 1, close);
  if (s.includes('\\')) {
    throw NOT_SIMPLE;
  }
  return { text: s, close: close + 1 };
}

/** Only spaces, or spaces and a comment, may follow a quoted scalar on its line. */
export function onlyComment(t: string, from: number, end: number): void {
  const j = skipSpaces(t, from, end);
  if (j < end && !(t.charCodeAt(j) === 0x23 && j > from)) {
    throw NOT_SIMPLE;
  }
}

export function skipSpaces(t: string, from: number, end: number): number {
  let j = from;
  while (j < end && isSpace(t.charCodeAt(j))) {
    j++;
  }
  return j;
}
