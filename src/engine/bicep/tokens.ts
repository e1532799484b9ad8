/** Token kinds of the Bicep lexer: a const enum, so that the hot loops compare inlined small integers. */
export const enum T {
  EOF = 0,
  NewLine = 1,
  Identifier = 2,
  Number = 3,
  /** `'abc'` or `'''abc'''`: a string without interpolation. */
  String = 4,
  /** `'abc${`: the piece before the first interpolation. */
  StringLeft = 5,
  /** `}abc${`: a piece between two interpolations. */
  StringMiddle = 6,
  /** `}abc'`: the piece after the last interpolation. */
  StringRight = 7,
  LBrace = 8,
  RBrace = 9,
  LBracket = 10,
  RBracket = 11,
  LParen = 12,
  RParen = 13,
  Comma = 14,
  Colon = 15,
  DoubleColon = 16,
  Dot = 17,
  Ellipsis = 18,
  Question = 19,
  DoubleQuestion = 20,
  Assign = 21,
  Equals = 22,
  NotEquals = 23,
  EqualsInsensitive = 24,
  NotEqualsInsensitive = 25,
  Less = 26,
  LessEq = 27,
  Greater = 28,
  GreaterEq = 29,
  Plus = 30,
  Minus = 31,
  Star = 32,
  Slash = 33,
  Percent = 34,
  Bang = 35,
  And = 36,
  Or = 37,
  Pipe = 38,
  Arrow = 39,
  At = 40,
  Semicolon = 41,
  /** A character that starts no token; reported as an error. */
  Invalid = 42,
}

export type TokenKind = T;

export interface Token {
  kind: TokenKind;
  /** Offsets into the text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** Identifier name, decoded string piece, or number text. */
  value: string;
  /** The token is the first on its line at column 0 (used to resume after an error). */
  col0: boolean;
}

/** A `#disable-next-line`, `#disable-diagnostics` or `#restore-diagnostics` line. */
export interface Pragma {
  /** `disable-next-line`, `disable-diagnostics`, `restore-diagnostics`, or whatever follows `#`. */
  name: string;
  /** The diagnostic codes listed after the pragma name. */
  codes: string[];
  start: number;
  end: number;
}

export interface Comment {
  start: number;
  end: number;
  block: boolean;
}

/** Binary operator precedence (higher binds tighter); 0 for tokens that are not binary operators. */
export function binaryPrecedence(kind: TokenKind): number {
  switch (kind) {
    case T.DoubleQuestion:
      return 1;
    case T.Or:
      return 2;
    case T.And:
      return 3;
    case T.Equals:
    case T.NotEquals:
    case T.EqualsInsensitive:
    case T.NotEqualsInsensitive:
      return 4;
    case T.Less:
    case T.LessEq:
    case T.Greater:
    case T.GreaterEq:
      return 5;
    case T.Plus:
    case T.Minus:
      return 6;
    case T.Star:
    case T.Slash:
    case T.Percent:
      return 7;
    default:
      return 0;
  }
}

const OP_TEXT: Partial<Record<TokenKind, string>> = {
  [T.DoubleQuestion]: '??',
  [T.Or]: '||',
  [T.And]: '&&',
  [T.Equals]: '==',
  [T.NotEquals]: '!=',
  [T.EqualsInsensitive]: '=~',
  [T.NotEqualsInsensitive]: '!~',
  [T.Less]: '<',
  [T.LessEq]: '<=',
  [T.Greater]: '>',
  [T.GreaterEq]: '>=',
  [T.Plus]: '+',
  [T.Minus]: '-',
  [T.Star]: '*',
  [T.Slash]: '/',
  [T.Percent]: '%',
};

/** The source text of an operator token. */
export function operatorText(kind: TokenKind): string {
  return OP_TEXT[kind] ?? '?';
}
