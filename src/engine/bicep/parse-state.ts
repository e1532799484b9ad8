import type { Identifier, ParseError } from './ast';
import { T, type Token, type TokenKind } from './tokens';

/**
 * The one state of a Bicep parse, which the grammar's functions (parser.ts for statements,
 * parse-expr.ts for expressions, parse-type.ts for types) share: the tokens and the position in them,
 * token navigation, the nesting bound, the failure signal and list parsing.
 */

/** Nesting of brackets, parentheses, braces and prefix operators beyond which a parse stops with an error. */
export const MAX_DEPTH = 256;

/** Thrown to abandon the current statement; the statement parser records it and resumes. */
export class ParseFailure {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: string,
  ) {}
}

/** Keywords that may start a top-level statement (used to resume after an error). */
export const STATEMENT_KEYWORDS = new Set([
  'targetScope',
  'metadata',
  'param',
  'var',
  'output',
  'resource',
  'module',
  'type',
  'func',
  'import',
  'extension',
  'provider',
  'using',
  'extends',
  'assert',
  'test',
]);

/**
 * Position in the token list and the navigation every grammar area uses. Recursion is bounded by
 * {@link MAX_DEPTH}: each nested bracket, parenthesis, brace, interpolation or prefix operator counts one
 * level.
 */
export class BicepParserState {
  p = 0;
  depth = 0;
  /** Inside parentheses newlines are insignificant; inside arrays, objects and statements they separate. */
  nlFree = false;
  lastEnd = 0;

  /** Syntax errors of the statements abandoned so far. */
  readonly errors: ParseError[] = [];

  constructor(readonly toks: Token[]) {}

  cur(): Token {
    return this.toks[this.p];
  }

  at(kind: TokenKind): boolean {
    return this.toks[this.p].kind === kind;
  }

  atIdent(name: string): boolean {
    const t = this.toks[this.p];
    return t.kind === T.Identifier && t.value === name;
  }

  next(): Token {
    const t = this.toks[this.p];
    if (t.kind !== T.EOF) {
      this.p++;
      this.lastEnd = t.end;
    }
    return t;
  }

  fail(message: string, tok: Token = this.cur()): never {
    // A plain class, not an Error: thrown at every syntax error, without the cost of capturing a stack.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw new ParseFailure(tok.start, Math.max(tok.end, tok.start), message);
  }

  expect(kind: TokenKind, what: string): Token {
    if (!this.at(kind)) {
      this.fail(`expected ${what}`);
    }
    return this.next();
  }

  expectIdent(what: string): Identifier {
    const t = this.expect(T.Identifier, what);
    return { name: t.value, start: t.start, end: t.end };
  }

  skipNL(): void {
    while (this.toks[this.p].kind === T.NewLine) {
      this.p++;
    }
  }

  /** Index of the first token at or after `p` that is not a newline. */
  afterNL(): number {
    return this.afterNLFrom(this.p);
  }

  /**
   * Moves past newlines when the next real token continues the expression: always inside parentheses,
   * elsewhere only for tokens that cannot start a new item (`?`, `:`, `??`, `&&`, `||`, `.`).
   */
  continueLine(allowColon: boolean): void {
    if (this.toks[this.p].kind !== T.NewLine) {
      return;
    }
    const q = this.afterNL();
    const k = this.toks[q].kind;
    if (
      this.nlFree ||
      k === T.Question ||
      k === T.DoubleQuestion ||
      k === T.And ||
      k === T.Or ||
      k === T.Dot ||
      (allowColon && k === T.Colon)
    ) {
      this.p = q;
    }
  }

  /** A token at column 0 that starts a top-level statement: an unclosed bracket above it is an error there. */
  atStatementStart(): boolean {
    const t = this.toks[this.p];
    if (!t.col0) {
      return false;
    }
    if (t.kind === T.At) {
      return true;
    }
    if (t.kind !== T.Identifier || !STATEMENT_KEYWORDS.has(t.value)) {
      return false;
    }
    const k = this.toks[this.p + 1].kind;
    return k !== T.Colon && k !== T.NewLine && k !== T.EOF;
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    }
  }

  afterNLFrom(q: number): number {
    while (this.toks[q].kind === T.NewLine) {
      q++;
    }
    return q;
  }

  /** Runs `item` for each entry of a newline- or comma-separated list up to `close`. */
  parseList(close: TokenKind, closeText: string, item: () => void): void {
    this.enter();
    const saved = this.nlFree;
    this.nlFree = false;
    this.next();
    for (;;) {
      while (this.at(T.NewLine) || this.at(T.Comma)) {
        this.next();
      }
      if (this.at(close)) {
        break;
      }
      if (this.at(T.EOF) || this.atStatementStart()) {
        this.fail(`expected '${closeText}'`);
      }
      item();
      const k = this.cur().kind;
      if (k !== T.NewLine && k !== T.Comma && k !== close) {
        this.fail(`expected a new line, ',' or '${closeText}'`);
      }
    }
    this.next();
    this.nlFree = saved;
    this.depth--;
  }

  peekKind(offset: number): TokenKind {
    return this.toks[Math.min(this.p + offset, this.toks.length - 1)].kind;
  }
}
