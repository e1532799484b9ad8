import { internSlice } from '../../text/intern';
import { LineMap } from '../../text/line-map';
import type { NodeBase, ParseError, SourceRange } from './ast';
import { isBlank } from './chars';
import { Lexer, Tok } from './lexer';
import { HclNode } from './nodes';

/** Deepest nesting of blocks, brackets and templates before the parser gives up on a construct. */
export const MAX_DEPTH = 200;
/** More errors than this are not recorded (the parse still finishes). */
const MAX_ERRORS = 1000;

/** Outcome of skipping tokens after an error. */
export const enum Recovery {
  /** The wanted closing token was found and consumed. */
  Closed,
  /** Stopped before something the caller should look at (a line that starts an item, a closer, EOF). */
  Stopped,
}

/** Options shared by the native and JSON parsers. */
export interface ParserOptions {
  /** Offset where parsing starts (default 0). */
  start?: number;
  /** Offset where parsing stops, exclusive (default: end of text). */
  end?: number;
  /** Reuse a line map of the whole text. */
  lines?: LineMap;
  /**
   * Attributes whose expression parsed without an error keep only its offsets and parse it again when
   * it is first read (see {@link HclNode}); the default builds every expression at once.
   */
  lazyExpressions?: boolean;
}

/**
 * The one state of a native-syntax parse, which the grammar's functions (body.ts, expressions.ts,
 * collections.ts, templates.ts) share: token access, error reporting, node locations and recovery.
 * The current token is lexed lazily, so a construct that changes how newlines are treated (or a
 * template that switches to character scanning) takes effect before the next token is read.
 */
export class ParserState {
  readonly text: string;
  readonly lx: Lexer;
  readonly lines: LineMap;
  readonly errors: ParseError[] = [];
  readonly lazyExpressions: boolean;
  /**
   * Errors found so far, including those not recorded (repeats, past the limit) and constructs given up
   * for their depth: a part of the text whose parse did not change it had no error at all.
   */
  troubles = 0;
  /** Newlines are skipped inside (), [], ${} and for-expressions, significant elsewhere. */
  ignoreNewlines = false;
  depth = 0;
  /** End offset of the last consumed token. */
  prevEnd: number;
  private tokLexed = false;
  private lastErrorStart = -1;
  private reportedTooDeep = false;
  private reportedAtEnd = false;
  /** Furthest offset reached by recovery; rewinds never go back before it, so nothing is skipped twice. */
  horizon = 0;
  /** A `}` missing at the end of input is reported once (body.ts). */
  reportedEofBrace = false;
  /** A template left open at the end of input is reported once (templates.ts). */
  reportedUnterminatedAtEnd = false;
  /** The value of the escape sequence that scanEscape (escapes.ts) last read. */
  escapeValue = '';

  constructor(text: string, options: ParserOptions = {}) {
    this.text = text;
    const start = options.start ?? 0;
    this.lines = options.lines ?? new LineMap(text);
    this.lazyExpressions = options.lazyExpressions === true;
    this.lx = new Lexer(text, start, options.end ?? text.length, (m, s, e) => this.error(m, s, e));
    this.prevEnd = start;
  }

  /** Kind of the current token (lexing it if needed). */
  peek(): Tok {
    const lx = this.lx;
    if (!this.tokLexed) {
      lx.next();
      this.tokLexed = true;
    }
    if (this.ignoreNewlines) {
      while (lx.type === Tok.Newline) {
        lx.next();
      }
    }
    return lx.type;
  }

  /** Consumes the current token. */
  consume(): void {
    this.peek();
    this.prevEnd = this.lx.end;
    this.tokLexed = false;
  }

  /** Text of the current token (a name: one shared copy, see `intern`). */
  tokenText(): string {
    this.peek();
    return internSlice(this.text, this.lx.start, this.lx.end);
  }

  /** Kind of the token after the current one, without consuming anything. */
  peekSecond(): Tok {
    this.peek();
    const lx = this.lx;
    const saved = [lx.pos, lx.type, lx.start, lx.end] as const;
    lx.next();
    while (this.ignoreNewlines && lx.type === Tok.Newline) {
      lx.next();
    }
    const second = lx.type;
    [lx.pos, lx.type, lx.start, lx.end] = saved;
    return second;
  }

  /** Forgets the current token and continues scanning at `offset` (used by templates and rewinds). */
  resetTo(offset: number): void {
    this.lx.pos = offset;
    this.tokLexed = false;
  }

  /** True if a newline lies between the last consumed token and the current one. */
  newlineBeforeCurrent(): boolean {
    this.peek();
    const text = this.text;
    for (let i = this.prevEnd, end = this.lx.start; i < end; i++) {
      if (text.charCodeAt(i) === 0x0a) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if the current token starts a line reading `name =`, `name {` or `name "label"`: inside
   * brackets that is a missing closer, not a continuation, so recovery stops there.
   */
  atItemLineStart(): boolean {
    if (this.peek() !== Tok.Ident || !this.newlineBeforeCurrent()) {
      return false;
    }
    const second = this.peekSecond();
    return second === Tok.Assign || second === Tok.LBrace || second === Tok.OQuote;
  }

  /** Records an error; a second error at the same start offset is dropped to avoid cascades. */
  error(message: string, start: number, end: number): void {
    this.troubles++;
    if (start === this.lastErrorStart || this.errors.length >= MAX_ERRORS) {
      return;
    }
    if (start >= this.lx.limit) {
      // Unclosed constructs all end at the end of input; one error there is enough.
      if (this.reportedAtEnd) {
        return;
      }
      this.reportedAtEnd = true;
    }
    this.lastErrorStart = start;
    this.errors.push({ message, range: this.lines.range(start, Math.max(start, end)) });
  }

  /** Reports an error at the current token. */
  errorAtToken(message: string): void {
    this.peek();
    this.error(message, this.lx.start, this.lx.end);
  }

  /** Describes the current token for messages. */
  describeToken(): string {
    const t = this.peek();
    if (t === Tok.EOF) {
      return 'end of file';
    }
    if (t === Tok.Newline) {
      return 'newline';
    }
    const s = this.text.slice(this.lx.start, Math.min(this.lx.end, this.lx.start + 20));
    return `"${s.trimEnd()}"`;
  }

  /** Consumes the current token if it is `t`; otherwise reports `expected <what>` and returns false. */
  expect(t: Tok, what: string): boolean {
    if (this.peek() === t) {
      this.consume();
      return true;
    }
    this.errorAtToken(`expected ${what}, found ${this.describeToken()}`);
    return false;
  }

  /** Increments the nesting depth; false (with one error) when it exceeds MAX_DEPTH. */
  enter(start: number): boolean {
    if (++this.depth > MAX_DEPTH) {
      this.troubles++;
      if (!this.reportedTooDeep) {
        this.reportedTooDeep = true;
        this.error(`nesting too deep (more than ${MAX_DEPTH} levels)`, start, start + 1);
      }
      return false;
    }
    return true;
  }

  leave(): void {
    this.depth--;
  }

  /**
   * A node of kind `kind` from `start` to `end`; the caller assigns its other fields. Nodes are
   * {@link HclNode}s: their `range` is computed when read, so a tree holds no position objects.
   */
  // The caller names the node type it builds and fills in its fields.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  node<T extends NodeBase>(kind: string, start: number, end: number): T {
    // After an error the last consumed token may lie before a node's start.
    return new HclNode(kind, this.lines, start, end < start ? start : end) as unknown as T;
  }

  /** Sets a node's range from `start` to the last consumed token. */
  finish<T extends NodeBase>(node: T, start: number): T {
    node.offset = start;
    this.endAt(node, this.prevEnd);
    return node;
  }

  /** Moves a node's end (its range follows); never before its start. */
  endAt(node: NodeBase, end: number): void {
    node.endOffset = end < node.offset ? node.offset : end;
  }

  range(start: number, end: number): SourceRange {
    return this.lines.range(start, end);
  }

  /**
   * Skips tokens after an error, keeping bracket balance. With `closer` null it stops after the
   * next newline (or before a `}` that closes the enclosing block); otherwise it consumes the
   * matching `closer`, but stops earlier before a line that starts a new attribute or block so a
   * missing bracket never swallows the rest of the file (unless `stopAtItems` is false: used for
   * input nested too deeply, which is skipped as a whole).
   */
  recover(closer: Tok | null, stopAtItems = true): Recovery {
    const lx = this.lx;
    if (!this.tokLexed) {
      lx.next();
      this.tokLexed = true;
    }
    if (closer !== null && stopAtItems && this.atItemLineStart()) {
      return Recovery.Stopped;
    }
    let depth = 0;
    for (;;) {
      switch (lx.type) {
        case Tok.EOF:
          return Recovery.Stopped;
        case Tok.LBrace:
        case Tok.LBrack:
        case Tok.LParen:
          depth++;
          break;
        case Tok.RBrace:
        case Tok.RBrack:
        case Tok.RParen:
          if (depth > 0) {
            depth--;
            break;
          }
          if (lx.type === closer) {
            this.consume();
            return Recovery.Closed;
          }
          if (closer !== null || lx.type === Tok.RBrace) {
            return Recovery.Stopped;
          }
          // A stray `)` or `]` on a body line: skip it with the rest of the line.
          break;
        case Tok.Newline:
          if (depth === 0) {
            if (closer === null) {
              this.consume();
              return Recovery.Closed;
            }
            if (stopAtItems && this.nextLineStartsItem()) {
              this.consume();
              return Recovery.Stopped;
            }
          }
          break;
        case Tok.OQuote:
          lx.pos = this.skipQuotedRaw(lx.end);
          break;
        case Tok.Heredoc:
          lx.pos = this.findHeredocEnd(lx.end, lx.heredocMarker).end;
          break;
      }
      lx.next();
      if (lx.start > this.horizon) {
        this.horizon = lx.start;
      }
    }
  }

  /** True if the line after the current newline starts with `name =`, `name {` or `name "label"`. */
  private nextLineStartsItem(): boolean {
    const lx = this.lx;
    const saved = [lx.pos, lx.type, lx.start, lx.end] as const;
    do {
      lx.next();
    } while (lx.type === Tok.Newline);
    let result = false;
    if (lx.type === Tok.Ident) {
      lx.next();
      const t = lx.type as Tok;
      result = t === Tok.Assign || t === Tok.LBrace || t === Tok.OQuote;
    }
    [lx.pos, lx.type, lx.start, lx.end] = saved;
    return result;
  }

  /** Offset just after a quoted string whose content starts at `i` (or at its line end). */
  skipQuotedRaw(i: number): number {
    const text = this.text;
    const limit = this.lx.limit;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) {
        i += 2;
      } else if (c === 0x22) {
        return i + 1;
      } else if (c === 0x0a) {
        return i;
      } else if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === 0x7b) {
        let braces = 1;
        i += 2;
        while (i < limit && braces > 0) {
          const d = text.charCodeAt(i);
          if (d === 0x7b) {
            braces++;
          } else if (d === 0x7d) {
            braces--;
          } else if (d === 0x22) {
            // A nested string: skip to its closing quote (or the line end).
            let j = i + 1;
            while (j < limit && text.charCodeAt(j) !== 0x22 && text.charCodeAt(j) !== 0x0a) {
              j += text.charCodeAt(j) === 0x5c ? 2 : 1;
            }
            i = j < limit && text.charCodeAt(j) === 0x22 ? j : i;
          }
          i++;
        }
      } else {
        i++;
      }
    }
    return limit;
  }

  /**
   * Finds the closing marker line of a heredoc whose content starts at `i`. Returns the start of
   * that line and the offset just after the marker, or the text end (found false).
   */
  findHeredocEnd(i: number, marker: string): { lineStart: number; end: number; found: boolean } {
    const text = this.text;
    const limit = this.lx.limit;
    while (i < limit) {
      const m = this.markerLineEnd(i, marker);
      if (m >= 0) {
        return { lineStart: i, end: m, found: true };
      }
      const nl = text.indexOf('\n', i);
      if (nl === -1 || nl >= limit) {
        break;
      }
      i = nl + 1;
    }
    return { lineStart: limit, end: limit, found: false };
  }

  /** If the line starting at `i` is only `marker` (blanks around it), the offset after the marker, else -1. */
  markerLineEnd(i: number, marker: string): number {
    const text = this.text;
    const limit = this.lx.limit;
    while (i < limit && isBlank(text.charCodeAt(i))) {
      i++;
    }
    if (!text.startsWith(marker, i)) {
      return -1;
    }
    const end = i + marker.length;
    let j = end;
    while (j < limit && isBlank(text.charCodeAt(j))) {
      j++;
    }
    return j >= limit || text.charCodeAt(j) === 0x0a ? end : -1;
  }
}
