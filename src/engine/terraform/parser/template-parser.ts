import type {
  Expression,
  HeredocInfo,
  LiteralExpression,
  TemplateExpression,
  TemplateFor,
  TemplateIf,
  TemplateInterpolation,
  TemplatePart,
  TemplateText,
} from './ast';
import { Tok } from './lexer';
import { ParserBase } from './parser-base';
import {
  applyHeredocIndent,
  finishParts,
  type LineStart,
  trimEndWhitespace,
  trimStartWhitespace,
} from './template-text';

/** How a template sequence ended. */
type Stop = 'end' | 'else' | 'endif' | 'endfor';

/** Scanning state of one template (quoted, heredoc or bare). */
interface TemplateScan {
  pos: number;
  /** Quoted: ends at `"`, processes backslash escapes, may not contain a newline. */
  quoted: boolean;
  /** Heredoc closing marker ('' if not a heredoc). */
  marker: string;
  openStart: number;
  /** The part just emitted, if it is text (target of a `~` that strips to the left). */
  lastText: TemplateText | null;
  /** A `~}` asks to trim the leading whitespace of the next text. */
  stripNext: boolean;
  /** The next part starts a line (heredoc indentation bookkeeping). */
  atLineStart: boolean;
  lineStarts: LineStart[];
  terminated: boolean;
}

/**
 * Template parsing: quoted strings, heredocs and bare templates (HCL JSON string values), with
 * interpolations `${}`, directives `%{if}`/`%{for}`, escapes and strip markers.
 */
export abstract class TemplateParser extends ParserBase {
  abstract parseExpression(): Expression;
  private reportedUnterminatedAtEnd = false;

  /** Parses a quoted template whose `"` (at `openStart`) was just consumed. */
  protected parseQuoted(openStart: number): LiteralExpression | TemplateExpression {
    // Most strings are plain text on one line: a literal straight away, with no template scan.
    const text = this.text;
    const from = this.lx.pos;
    const limit = this.lx.limit;
    for (let i = from; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        const lit = this.node<LiteralExpression>('literal', openStart, i + 1);
        lit.value = text.slice(from, i);
        lit.quoted = true;
        this.resetTo(i + 1);
        this.prevEnd = i + 1;
        return lit;
      }
      if (c === 0x5c || c === 0x24 || c === 0x25 || c === 0x0a) {
        break;
      }
    }
    const scan = this.newScan(this.lx.pos, true, '', openStart);
    const parts = this.scanRoot(scan);
    this.resetTo(scan.pos);
    this.prevEnd = scan.pos;
    return this.templateNode(parts, openStart, scan.pos, true, undefined);
  }

  /** Parses a heredoc; the current token is its introducer. */
  protected parseHeredoc(): LiteralExpression | TemplateExpression {
    const lx = this.lx;
    this.peek();
    const start = lx.start;
    const introEnd = lx.end;
    const info: HeredocInfo = { marker: lx.heredocMarker, indented: lx.heredocIndented };
    const scan = this.newScan(introEnd, false, info.marker, start);
    scan.atLineStart = true;
    const parts = this.scanRoot(scan);
    if (!scan.terminated) {
      this.error(`unterminated heredoc: no line containing only "${info.marker}" follows`, start, introEnd);
    }
    if (info.indented) {
      applyHeredocIndent(scan.lineStarts);
    }
    this.resetTo(scan.pos);
    this.prevEnd = scan.pos;
    return this.templateNode(parts, start, scan.pos, false, info);
  }

  /** Parses the whole input range as a bare template (no escapes, no delimiters). */
  parseBareTemplate(): LiteralExpression | TemplateExpression {
    const start = this.lx.pos;
    const scan = this.newScan(start, false, '', start);
    const parts = this.scanRoot(scan);
    return this.templateNode(parts, start, scan.pos, false, undefined);
  }

  private newScan(pos: number, quoted: boolean, marker: string, openStart: number): TemplateScan {
    return {
      pos,
      quoted,
      marker,
      openStart,
      lastText: null,
      stripNext: false,
      atLineStart: false,
      lineStarts: [],
      terminated: false,
    };
  }

  private templateNode(
    rawParts: TemplatePart[],
    start: number,
    end: number,
    quoted: boolean,
    heredoc: HeredocInfo | undefined,
  ): LiteralExpression | TemplateExpression {
    const parts = finishParts(rawParts);
    if (parts.every((p) => p.kind === 'text')) {
      const value = parts.map((p) => p.value).join('');
      const lit = this.node<LiteralExpression>('literal', start, end);
      lit.value = value;
      if (quoted) {
        lit.quoted = true;
      }
      if (heredoc) {
        lit.heredoc = heredoc;
      }
      return lit;
    }
    const t = this.node<TemplateExpression>('template', start, end);
    t.parts = parts;
    if (heredoc) {
      t.heredoc = heredoc;
    }
    return t;
  }

  private scanRoot(scan: TemplateScan): TemplatePart[] {
    const parts: TemplatePart[] = [];
    for (;;) {
      const stop = this.scanParts(scan, parts);
      if (stop === 'end') {
        return parts;
      }
      this.error(`unexpected "${stop}" directive outside of a matching "if" or "for"`, scan.pos - 1, scan.pos);
    }
  }

  /** Scans parts into `parts` until the template ends or an else/endif/endfor directive. */
  private scanParts(scan: TemplateScan, parts: TemplatePart[]): Stop {
    const text = this.text;
    const limit = this.lx.limit;
    const quoted = scan.quoted;
    const heredoc = scan.marker !== '';
    let i = scan.pos;
    for (;;) {
      if (heredoc && scan.atLineStart) {
        const m = this.markerLineEnd(i, scan.marker);
        if (m >= 0) {
          scan.pos = m;
          scan.terminated = true;
          return 'end';
        }
      }
      const textStart = i;
      let buf = '';
      let chunk = i;
      let stop: 'eof' | 'quote' | 'newline' | 'line' | 'interp' | 'directive' = 'eof';
      while (i < limit) {
        const c = text.charCodeAt(i);
        if (c === 0x22 && quoted) {
          stop = 'quote';
          break;
        }
        if (c === 0x0a) {
          if (quoted) {
            stop = 'newline';
            break;
          }
          if (heredoc) {
            i++;
            stop = 'line';
            break;
          }
        } else if (c === 0x5c && quoted) {
          buf += text.slice(chunk, i);
          i = this.scanEscape(i, limit);
          buf += this.escapeValue;
          chunk = i;
          continue;
        } else if ((c === 0x24 || c === 0x25) && i + 1 < limit) {
          const d = text.charCodeAt(i + 1);
          if (d === 0x7b) {
            stop = c === 0x24 ? 'interp' : 'directive';
            break;
          }
          if (d === c && i + 2 < limit && text.charCodeAt(i + 2) === 0x7b) {
            // `$${` and `%%{` are literal `${` and `%{`.
            buf += text.slice(chunk, i + 1);
            i += 2;
            chunk = i;
            continue;
          }
        }
        i++;
      }
      buf += text.slice(chunk, i);
      if (i > textStart) {
        this.emitText(scan, parts, buf, textStart, i);
      }
      switch (stop) {
        case 'line':
          scan.atLineStart = true;
          continue;
        case 'quote':
          scan.pos = i + 1;
          scan.terminated = true;
          return 'end';
        case 'newline':
        case 'eof':
          if (quoted && (stop === 'newline' || !this.reportedUnterminatedAtEnd)) {
            this.reportedUnterminatedAtEnd ||= stop === 'eof';
            this.error('unterminated string: expected a closing "', scan.openStart, i);
          }
          scan.pos = i;
          return 'end';
        case 'interp':
          parts.push(this.scanInterpolation(scan, i));
          break;
        case 'directive': {
          const r = this.scanDirective(scan, i, parts);
          if (r !== null) {
            return r;
          }
          break;
        }
      }
      i = scan.pos;
    }
  }

  private emitText(scan: TemplateScan, parts: TemplatePart[], value: string, start: number, end: number): void {
    const part = this.node<TemplateText>('text', start, end);
    part.value = value;
    if (scan.stripNext) {
      trimStartWhitespace(part);
      scan.stripNext = false;
    }
    if (scan.atLineStart && scan.marker !== '') {
      scan.lineStarts.push({ part, minOnly: false });
    }
    parts.push(part);
    scan.lastText = part;
    scan.atLineStart = false;
  }

  /** Notes a non-text part for strip markers and heredoc indentation. */
  private beforeNonText(scan: TemplateScan, stripLeft: boolean): void {
    if (stripLeft && scan.lastText) {
      trimEndWhitespace(scan.lastText);
    }
    if (scan.atLineStart && scan.marker !== '') {
      scan.lineStarts.push({ part: null, minOnly: true });
    }
    scan.atLineStart = false;
    scan.lastText = null;
    scan.stripNext = false;
  }

  private scanInterpolation(scan: TemplateScan, start: number): TemplatePart {
    let i = start + 2;
    const stripLeft = this.text.charCodeAt(i) === 0x7e && i < this.lx.limit;
    if (stripLeft) {
      i++;
    }
    this.beforeNonText(scan, stripLeft);
    this.resetTo(i);
    const saved = this.ignoreNewlines;
    this.ignoreNewlines = true;
    const expr = this.parseExpression();
    const stripRight = this.closeSequence('interpolation', i);
    this.ignoreNewlines = saved;
    scan.pos = this.lx.pos;
    scan.stripNext = stripRight;
    const node = this.node<TemplateInterpolation>('interpolation', start, scan.pos);
    node.expr = expr;
    node.stripLeft = stripLeft;
    node.stripRight = stripRight;
    return node;
  }

  /** Consumes an optional `~` and the `}` ending `${...}` or `%{...}`; returns whether `~` was present. */
  private closeSequence(what: string, minPos: number): boolean {
    let strip = false;
    if (this.peek() === Tok.Tilde) {
      this.consume();
      strip = true;
    }
    if (this.peek() === Tok.RBrace) {
      this.consume();
    } else {
      this.errorAtToken(`expected "}" to close the ${what}, found ${this.describeToken()}`);
      // Continue the template right after what parsed; the rest of the line is read as text.
      this.resetTo(Math.max(this.prevEnd, minPos, this.horizon));
    }
    return strip;
  }

  /**
   * Handles `%{ ... }` at `start`. `if`/`for` push their part; `else`/`endif`/`endfor` return
   * their name for the enclosing directive; the template's end returns 'end'; otherwise null.
   */
  private scanDirective(scan: TemplateScan, start: number, parts: TemplatePart[]): Stop | null {
    let i = start + 2;
    const stripLeft = this.text.charCodeAt(i) === 0x7e && i < this.lx.limit;
    if (stripLeft) {
      i++;
    }
    this.beforeNonText(scan, stripLeft);
    this.resetTo(i);
    const saved = this.ignoreNewlines;
    this.ignoreNewlines = true;
    const minPos = i;
    const keyword = this.peek() === Tok.Ident ? this.tokenText() : '';
    let result: Stop | null = null;
    if (keyword === 'if' || keyword === 'for') {
      this.consume();
      result =
        keyword === 'if'
          ? this.scanIf(scan, start, stripLeft, parts, minPos)
          : this.scanFor(scan, start, stripLeft, parts, minPos);
    } else if (keyword === 'else' || keyword === 'endif' || keyword === 'endfor') {
      this.consume();
      scan.stripNext = this.closeSequence('directive', minPos);
      scan.pos = this.lx.pos;
      result = keyword;
    } else {
      this.errorAtToken(`expected "if", "for", "else", "endif" or "endfor" after "%{"`);
      scan.stripNext = this.closeSequence('directive', minPos);
      scan.pos = this.lx.pos;
    }
    this.ignoreNewlines = saved;
    return result;
  }

  private scanIf(
    scan: TemplateScan,
    start: number,
    stripLeft: boolean,
    parts: TemplatePart[],
    minPos: number,
  ): Stop | null {
    const condition = this.parseExpression();
    const stripRight = this.closeSequence('directive', minPos);
    scan.pos = this.lx.pos;
    scan.stripNext = stripRight;
    const node = this.node<TemplateIf>('if', start, scan.pos);
    node.condition = condition;
    node.then = [];
    node.stripLeft = stripLeft;
    node.stripRight = stripRight;
    parts.push(node);
    if (!this.enter(start)) {
      this.leave();
      return null;
    }
    let stop = this.scanParts(scan, node.then);
    if (stop === 'else') {
      node.else = [];
      stop = this.scanParts(scan, node.else);
    }
    this.leave();
    this.finishDirective(node, stop, 'endif', start, scan.pos);
    return stop === 'end' ? 'end' : null;
  }

  private scanFor(
    scan: TemplateScan,
    start: number,
    stripLeft: boolean,
    parts: TemplatePart[],
    minPos: number,
  ): Stop | null {
    let first = '';
    let second: string | undefined;
    if (this.peek() === Tok.Ident) {
      first = this.tokenText();
      this.consume();
      if (this.peek() === Tok.Comma) {
        this.consume();
        if (this.peek() === Tok.Ident) {
          second = this.tokenText();
          this.consume();
        } else {
          this.errorAtToken('expected a variable name after ","');
        }
      }
    } else {
      this.errorAtToken('expected a variable name after "for"');
    }
    if (this.peek() === Tok.Ident && this.tokenText() === 'in') {
      this.consume();
    } else {
      this.errorAtToken(`expected "in", found ${this.describeToken()}`);
    }
    const collection = this.parseExpression();
    const stripRight = this.closeSequence('directive', minPos);
    scan.pos = this.lx.pos;
    scan.stripNext = stripRight;
    const node = this.node<TemplateFor>('for', start, scan.pos);
    node.valueVar = second ?? first;
    node.collection = collection;
    node.body = [];
    node.stripLeft = stripLeft;
    node.stripRight = stripRight;
    if (second !== undefined) {
      node.keyVar = first;
    }
    parts.push(node);
    if (!this.enter(start)) {
      this.leave();
      return null;
    }
    const stop = this.scanParts(scan, node.body);
    this.leave();
    this.finishDirective(node, stop, 'endfor', start, scan.pos);
    return stop === 'end' ? 'end' : null;
  }

  /** Extends a directive's range to its end marker, or reports the missing one. */
  private finishDirective(node: TemplateIf | TemplateFor, stop: Stop, wanted: Stop, start: number, end: number): void {
    if (stop !== wanted) {
      this.error(`expected %{ ${wanted} } to close this "%{ ${node.kind}"`, start, start + 2);
    }
    this.endAt(node, end);
  }

  /** Value of the last escape read by scanEscape. */
  private escapeValue = '';

  /** Reads the escape sequence at `i` (a backslash) into escapeValue; returns the offset after it. */
  private scanEscape(i: number, limit: number): number {
    const text = this.text;
    const c = i + 1 < limit ? text.charCodeAt(i + 1) : -1;
    switch (c) {
      case 0x6e:
        this.escapeValue = '\n';
        return i + 2;
      case 0x72:
        this.escapeValue = '\r';
        return i + 2;
      case 0x74:
        this.escapeValue = '\t';
        return i + 2;
      case 0x22:
        this.escapeValue = '"';
        return i + 2;
      case 0x5c:
        this.escapeValue = '\\';
        return i + 2;
      case 0x75:
      case 0x55: {
        const n = c === 0x75 ? 4 : 8;
        const hex = text.slice(i + 2, Math.min(limit, i + 2 + n));
        let ok = hex.length === n;
        for (let k = 0; ok && k < n; k++) {
          const h = hex.charCodeAt(k);
          ok = (h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66);
        }
        const cp = ok ? parseInt(hex, 16) : -1;
        if (ok && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
          this.escapeValue = String.fromCodePoint(cp);
          return i + 2 + n;
        }
        this.error(`invalid Unicode escape: expected ${n} hex digits of a valid code point`, i, i + 2);
        this.escapeValue = '';
        return i + 2;
      }
      default:
        if (c === -1 || c === 0x0a) {
          this.escapeValue = '\\';
          return i + 1;
        }
        this.error(`invalid escape sequence "\\${String.fromCharCode(c)}"`, i, i + 2);
        this.escapeValue = String.fromCharCode(c);
        return i + 2;
    }
  }
}
