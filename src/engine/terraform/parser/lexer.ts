import { codePointAt, isBlank, isDigit, isIdContinue, isIdStart } from './chars';

/** Token kinds of HCL native syntax outside template literals. */
export enum Tok {
  EOF,
  Newline,
  Ident,
  Number,
  /** `"`: the parser scans the quoted template itself. */
  OQuote,
  /** `<<EOF` / `<<-EOF` including the newline that ends the introducer. */
  Heredoc,
  LBrace,
  RBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Comma,
  Dot,
  Ellipsis,
  Star,
  Slash,
  Percent,
  Plus,
  Minus,
  Assign,
  Eq,
  NotEq,
  Bang,
  Lt,
  Le,
  Gt,
  Ge,
  And,
  Or,
  Question,
  Colon,
  FatArrow,
  DoubleColon,
  Tilde,
  Invalid,
}

/** Reports a lexical error (unterminated comment) by offsets. */
export type LexErrorSink = (message: string, start: number, end: number) => void;

/**
 * On-demand lexer over char codes. It holds only the current token (`type`, `start`, `end`) so
 * no token objects are allocated; the parser saves and restores `pos` for its rare lookahead.
 */
export class Lexer {
  pos: number;
  type: Tok = Tok.EOF;
  start = 0;
  end = 0;
  /** Marker of the last Heredoc token, and whether it was `<<-`. */
  heredocMarker = '';
  heredocIndented = false;

  constructor(
    readonly text: string,
    pos: number,
    readonly limit: number,
    private readonly onError: LexErrorSink,
  ) {
    this.pos = pos;
  }

  /** Lexes the next token starting at `pos`. */
  next(): void {
    const text = this.text;
    const limit = this.limit;
    const i = this.skipTrivia(this.pos);
    this.start = i;
    if (i >= limit) {
      this.type = Tok.EOF;
      this.end = this.pos = limit;
      return;
    }
    const c = text.charCodeAt(i);
    let type: Tok;
    let n = 1;
    const c1 = i + 1 < limit ? text.charCodeAt(i + 1) : -1;
    switch (c) {
      case 0x0a:
        type = Tok.Newline;
        break;
      case 0x22:
        type = Tok.OQuote;
        break;
      case 0x7b:
        type = Tok.LBrace;
        break;
      case 0x7d:
        type = Tok.RBrace;
        break;
      case 0x5b:
        type = Tok.LBrack;
        break;
      case 0x5d:
        type = Tok.RBrack;
        break;
      case 0x28:
        type = Tok.LParen;
        break;
      case 0x29:
        type = Tok.RParen;
        break;
      case 0x2c:
        type = Tok.Comma;
        break;
      case 0x2e:
        if (c1 === 0x2e && i + 2 < limit && text.charCodeAt(i + 2) === 0x2e) {
          type = Tok.Ellipsis;
          n = 3;
        } else {
          type = Tok.Dot;
        }
        break;
      case 0x2a:
        type = Tok.Star;
        break;
      case 0x2f:
        type = Tok.Slash;
        break;
      case 0x25:
        type = Tok.Percent;
        break;
      case 0x2b:
        type = Tok.Plus;
        break;
      case 0x2d:
        type = Tok.Minus;
        break;
      case 0x3d:
        if (c1 === 0x3d) {
          type = Tok.Eq;
          n = 2;
        } else if (c1 === 0x3e) {
          type = Tok.FatArrow;
          n = 2;
        } else {
          type = Tok.Assign;
        }
        break;
      case 0x21:
        type = c1 === 0x3d ? Tok.NotEq : Tok.Bang;
        n = c1 === 0x3d ? 2 : 1;
        break;
      case 0x3c:
        if (c1 === 0x3c) {
          const h = this.scanHeredocIntro(i);
          if (h > 0) {
            type = Tok.Heredoc;
            n = h - i;
            break;
          }
        }
        type = c1 === 0x3d ? Tok.Le : Tok.Lt;
        n = c1 === 0x3d ? 2 : 1;
        break;
      case 0x3e:
        type = c1 === 0x3d ? Tok.Ge : Tok.Gt;
        n = c1 === 0x3d ? 2 : 1;
        break;
      case 0x26:
        type = c1 === 0x26 ? Tok.And : Tok.Invalid;
        n = c1 === 0x26 ? 2 : 1;
        break;
      case 0x7c:
        type = c1 === 0x7c ? Tok.Or : Tok.Invalid;
        n = c1 === 0x7c ? 2 : 1;
        break;
      case 0x3f:
        type = Tok.Question;
        break;
      case 0x3a:
        type = c1 === 0x3a ? Tok.DoubleColon : Tok.Colon;
        n = c1 === 0x3a ? 2 : 1;
        break;
      case 0x7e:
        type = Tok.Tilde;
        break;
      default:
        if (isDigit(c)) {
          type = Tok.Number;
          n = this.scanNumber(i) - i;
        } else {
          const cp = codePointAt(text, i, limit);
          if (isIdStart(cp)) {
            type = Tok.Ident;
            n = this.scanIdentRest(i + (cp > 0xffff ? 2 : 1)) - i;
          } else {
            type = Tok.Invalid;
            n = cp > 0xffff ? 2 : 1;
          }
        }
    }
    this.type = type;
    this.end = this.pos = i + n;
  }

  /** Skips blanks and comments (not newlines: `#`/`//` comments stop before theirs). */
  skipTrivia(i: number): number {
    const text = this.text;
    const limit = this.limit;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0xfeff) {
        i++;
      } else if (c === 0x23 || (c === 0x2f && i + 1 < limit && text.charCodeAt(i + 1) === 0x2f)) {
        const nl = text.indexOf('\n', i);
        i = nl === -1 || nl > limit ? limit : nl;
      } else if (c === 0x2f && i + 1 < limit && text.charCodeAt(i + 1) === 0x2a) {
        const close = text.indexOf('*/', i + 2);
        if (close === -1 || close + 2 > limit) {
          this.onError('unterminated comment: expected "*/"', i, i + 2);
          return limit;
        }
        i = close + 2;
      } else {
        break;
      }
    }
    return i;
  }

  /** End of an identifier whose first code point ends at `i`. */
  scanIdentRest(i: number): number {
    const text = this.text;
    const limit = this.limit;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x5f || c === 0x2d) {
        i++;
      } else if (c < 0x80) {
        break;
      } else {
        const cp = codePointAt(text, i, limit);
        if (!isIdContinue(cp)) {
          break;
        }
        i += cp > 0xffff ? 2 : 1;
      }
    }
    return i;
  }

  /** End of a number literal starting at `i`: digits, optional fraction, optional exponent. */
  scanNumber(i: number): number {
    const text = this.text;
    const limit = this.limit;
    while (i < limit && isDigit(text.charCodeAt(i))) {
      i++;
    }
    if (i + 1 < limit && text.charCodeAt(i) === 0x2e && isDigit(text.charCodeAt(i + 1))) {
      i += 2;
      while (i < limit && isDigit(text.charCodeAt(i))) {
        i++;
      }
    }
    const e = text.charCodeAt(i);
    if (i < limit && (e === 0x65 || e === 0x45)) {
      let j = i + 1;
      const s = text.charCodeAt(j);
      if (j < limit && (s === 0x2b || s === 0x2d)) {
        j++;
      }
      if (j < limit && isDigit(text.charCodeAt(j))) {
        while (j < limit && isDigit(text.charCodeAt(j))) {
          j++;
        }
        i = j;
      }
    }
    return i;
  }

  /** End of the integer digits starting at `i` (legacy `.0` index steps). */
  scanDigits(i: number): number {
    while (i < this.limit && isDigit(this.text.charCodeAt(i))) {
      i++;
    }
    return i;
  }

  /** If `<<[-]IDENT` followed by a newline starts at `i`, returns the offset after that newline, else -1. */
  private scanHeredocIntro(i: number): number {
    const text = this.text;
    const limit = this.limit;
    let j = i + 2;
    const indented = j < limit && text.charCodeAt(j) === 0x2d;
    if (indented) {
      j++;
    }
    if (j >= limit || !isIdStart(codePointAt(text, j, limit))) {
      return -1;
    }
    const markerStart = j;
    j = this.scanIdentRest(j + 1);
    const markerEnd = j;
    while (j < limit && isBlank(text.charCodeAt(j))) {
      j++;
    }
    if (j < limit && text.charCodeAt(j) !== 0x0a) {
      return -1;
    }
    this.heredocMarker = text.slice(markerStart, markerEnd);
    this.heredocIndented = indented;
    return j < limit ? j + 1 : j;
  }
}
