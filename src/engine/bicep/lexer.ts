import { type Comment, type Pragma, T, type Token, type TokenKind } from './tokens';

export interface LexError {
  start: number;
  end: number;
  message: string;
}

export interface LexResult {
  tokens: Token[];
  pragmas: Pragma[];
  comments: Comment[];
  errors: LexError[];
}

const C_TAB = 9;
const C_LF = 10;
const C_CR = 13;
const C_SPACE = 32;
const C_QUOTE = 39;
const C_DOLLAR = 36;
const C_LBRACE = 123;
const C_RBRACE = 125;
const C_BACKSLASH = 92;
const C_SLASH = 47;
const C_STAR = 42;
const C_HASH = 35;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

interface LexState {
  text: string;
  tokens: Token[];
  errors: LexError[];
  interp: number[];
}

function token(kind: TokenKind, start: number, end: number, value: string, col0: boolean): Token {
  return { kind, start, end, value, col0 };
}

/** Scans a single-quoted string body from `from` (just after `'` or `}`); returns the token kind and end. */
function scanString(st: LexState, tokStart: number, from: number, continuing: boolean): number {
  const text = st.text;
  const n = text.length;
  const errors = st.errors;
  const interp = st.interp;
  const push = (kind: TokenKind, start: number, end: number, value: string): void => {
    st.tokens.push(token(kind, start, end, value, false));
  };
  let j = from;
  let value = '';
  let chunk = j;
  for (;;) {
    if (j >= n) {
      errors.push({ start: tokStart, end: j, message: 'unterminated string' });
      value += text.slice(chunk, j);
      push(continuing ? T.StringRight : T.String, tokStart, j, value);
      return j;
    }
    const c = text.charCodeAt(j);
    if (c === C_QUOTE) {
      value += text.slice(chunk, j);
      push(continuing ? T.StringRight : T.String, tokStart, j + 1, value);
      return j + 1;
    }
    if (c === C_LF || c === C_CR) {
      errors.push({ start: tokStart, end: j, message: 'unterminated string (a string cannot span lines)' });
      value += text.slice(chunk, j);
      push(continuing ? T.StringRight : T.String, tokStart, j, value);
      return j;
    }
    if (c === C_DOLLAR && text.charCodeAt(j + 1) === C_LBRACE) {
      value += text.slice(chunk, j);
      push(continuing ? T.StringMiddle : T.StringLeft, tokStart, j + 2, value);
      interp.push(0);
      return j + 2;
    }
    if (c === C_BACKSLASH) {
      value += text.slice(chunk, j);
      const e = text.charCodeAt(j + 1);
      j += 2;
      switch (e) {
        case 110:
          value += '\n';
          break;
        case 114:
          value += '\r';
          break;
        case 116:
          value += '\t';
          break;
        case C_BACKSLASH:
          value += '\\';
          break;
        case C_QUOTE:
          value += "'";
          break;
        case C_DOLLAR:
          value += '$';
          break;
        case 117: {
          // \u{1F600}
          const close = text.indexOf('}', j);
          const hex = close > j && close - j <= 7 ? text.slice(j + 1, close) : '';
          const cp = text.charCodeAt(j) === C_LBRACE && /^[0-9a-fA-F]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
          if (Number.isNaN(cp) || cp > 0x10ffff) {
            errors.push({ start: j - 2, end: j, message: 'invalid unicode escape' });
          } else {
            value += String.fromCodePoint(cp);
            j = close + 1;
          }
          break;
        }
        default:
          errors.push({ start: j - 2, end: Math.min(j, n), message: 'invalid escape sequence' });
          if (e === C_LF || e === C_CR || Number.isNaN(e)) {
            j--;
          }
      }
      chunk = j;
      continue;
    }
    j++;
  }
}

/** Punctuation and operators other than braces, longer forms before the one-character form they start with. */
const OPERATORS: [string, TokenKind][] = [
  ['...', T.Ellipsis],
  ['::', T.DoubleColon],
  ['??', T.DoubleQuestion],
  ['==', T.Equals],
  ['=~', T.EqualsInsensitive],
  ['=>', T.Arrow],
  ['!=', T.NotEquals],
  ['!~', T.NotEqualsInsensitive],
  ['<=', T.LessEq],
  ['>=', T.GreaterEq],
  ['&&', T.And],
  ['||', T.Or],
  ['[', T.LBracket],
  [']', T.RBracket],
  ['(', T.LParen],
  [')', T.RParen],
  [',', T.Comma],
  [';', T.Semicolon],
  [':', T.Colon],
  ['.', T.Dot],
  ['?', T.Question],
  ['=', T.Assign],
  ['!', T.Bang],
  ['<', T.Less],
  ['>', T.Greater],
  ['+', T.Plus],
  ['-', T.Minus],
  ['*', T.Star],
  ['/', T.Slash],
  ['%', T.Percent],
  ['&', T.Invalid],
  ['|', T.Pipe],
  ['@', T.At],
];

/** The operators by the code of their first character. */
const OPERATORS_BY_FIRST: [string, TokenKind][][] = [];
for (const op of OPERATORS) {
  (OPERATORS_BY_FIRST[op[0].charCodeAt(0)] ??= []).push(op);
}

/** The operator that starts with `c`, `d`, `e`: `(kind << 2) | length`, or 0 when `c` starts no operator. */
function punctuation(c: number, d: number, e: number): number {
  for (const [text, kind] of OPERATORS_BY_FIRST[c] ?? []) {
    if ((text.length < 2 || text.charCodeAt(1) === d) && (text.length < 3 || text.charCodeAt(2) === e)) {
      return (kind << 2) | text.length;
    }
  }
  return 0;
}

/**
 * Splits Bicep source into tokens in one pass over char codes. Newlines are tokens (they separate
 * statements, object properties and array items); comments and pragmas are trivia kept on the side.
 * Interpolated strings are split into left/middle/right pieces with the expression tokens between them;
 * a stack of brace depths tells a `}` that closes an interpolation from one that closes an object.
 */
export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  const pragmas: Pragma[] = [];
  const comments: Comment[] = [];
  const errors: LexError[] = [];
  const n = text.length;
  // Brace depth inside each open `${ ... }`, innermost last.
  const interp: number[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineStart = i;
  const st: LexState = { text, tokens, errors, interp };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === C_SPACE || c === C_TAB) {
      i++;
      continue;
    }
    if (c === C_LF || c === C_CR) {
      const start = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === C_LF) {
          i++;
          lineStart = i;
        } else if (d === C_CR) {
          i++;
          if (text.charCodeAt(i) !== C_LF) {
            lineStart = i;
          }
        } else if (d === C_SPACE || d === C_TAB) {
          i++;
        } else {
          break;
        }
      }
      // A newline ends any interpolation left open on the line: strings cannot span lines.
      if (interp.length > 0) {
        interp.length = 0;
      }
      tokens.push(token(T.NewLine, start, i, '', false));
      continue;
    }
    if (c === C_SLASH && text.charCodeAt(i + 1) === C_SLASH) {
      const start = i;
      while (i < n && text.charCodeAt(i) !== C_LF && text.charCodeAt(i) !== C_CR) {
        i++;
      }
      comments.push({ start, end: i, block: false });
      continue;
    }
    if (c === C_SLASH && text.charCodeAt(i + 1) === C_STAR) {
      const start = i;
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      if (close < 0) {
        errors.push({ start, end: n, message: 'unterminated block comment' });
      }
      comments.push({ start, end: i, block: true });
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) {
        i++;
      }
      tokens.push(token(T.Identifier, start, i, text.slice(start, i), start === lineStart));
      continue;
    }
    if (isDigit(c)) {
      const start = i;
      while (i < n && isDigit(text.charCodeAt(i))) {
        i++;
      }
      tokens.push(token(T.Number, start, i, text.slice(start, i), start === lineStart));
      continue;
    }
    if (c === C_QUOTE) {
      if (text.charCodeAt(i + 1) === C_QUOTE && text.charCodeAt(i + 2) === C_QUOTE) {
        const start = i;
        const close = text.indexOf("'''", i + 3);
        const end = close < 0 ? n : close + 3;
        if (close < 0) {
          errors.push({ start, end: n, message: 'unterminated multi-line string' });
        }
        // A leading line break after the opening quotes is not part of the value.
        let from = i + 3;
        if (text.charCodeAt(from) === C_CR && text.charCodeAt(from + 1) === C_LF) {
          from += 2;
        } else if (text.charCodeAt(from) === C_LF || text.charCodeAt(from) === C_CR) {
          from += 1;
        }
        tokens.push(
          token(
            T.String,
            start,
            end,
            text.slice(Math.min(from, close < 0 ? n : close), close < 0 ? n : close),
            start === lineStart,
          ),
        );
        i = end;
        continue;
      }
      i = scanString(st, i, i + 1, false);
      continue;
    }
    if (c === C_HASH && (tokens.length === 0 || tokens[tokens.length - 1].kind === T.NewLine)) {
      const start = i;
      while (i < n && text.charCodeAt(i) !== C_LF && text.charCodeAt(i) !== C_CR) {
        i++;
      }
      const words = text.slice(start + 1, i).split(/[ \t]+/);
      pragmas.push({ name: words[0], codes: words.slice(1).filter((w) => w !== ''), start, end: i });
      continue;
    }
    const start = i;
    const d = text.charCodeAt(i + 1);
    let kind: TokenKind = T.Invalid;
    let len = 1;
    switch (c) {
      case C_LBRACE:
        kind = T.LBrace;
        if (interp.length > 0) {
          interp[interp.length - 1]++;
        }
        break;
      case C_RBRACE:
        if (interp.length > 0) {
          if (interp[interp.length - 1] === 0) {
            interp.pop();
            i = scanString(st, i, i + 1, true);
            continue;
          }
          interp[interp.length - 1]--;
        }
        kind = T.RBrace;
        break;
      default: {
        const packed = punctuation(c, d, text.charCodeAt(i + 2));
        if (packed !== 0) {
          // The punctuation table packs a token kind (T) above the two length bits.
          // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
          kind = packed >> 2;
          len = packed & 3;
        } else {
          // Skip a whole surrogate pair so that the error range never splits a character.
          len = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        }
      }
    }
    i += len;
    if (kind === T.Invalid) {
      errors.push({ start, end: i, message: `unexpected character '${text.slice(start, i)}'` });
    }
    tokens.push(token(kind, start, i, '', start === lineStart));
  }
  tokens.push(token(T.EOF, n, n, '', false));
  return { tokens, pragmas, comments, errors };
}
