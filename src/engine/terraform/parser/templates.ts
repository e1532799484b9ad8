// Template parsing: quoted strings, heredocs and bare templates (HCL JSON string values), with
// interpolations `${}`, directives `%{if}`/`%{for}`, escapes and strip markers.
import type {
  HeredocInfo,
  LiteralExpression,
  TemplateExpression,
  TemplateFor,
  TemplateIf,
  TemplateInterpolation,
  TemplatePart,
  TemplateText,
} from './ast';
import { scanEscape } from './escapes';
import { parseExpression } from './expressions';
import { Tok } from './lexer';
import { ParserState } from './state';
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

/** Parses a quoted template whose `"` (at `openStart`) was just consumed. */
export function parseQuoted(p: ParserState, openStart: number): LiteralExpression | TemplateExpression {
  // Most strings are plain text on one line: a literal straight away, with no template scan.
  const text = p.text;
  const from = p.lx.pos;
  const limit = p.lx.limit;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const lit = p.node<LiteralExpression>('literal', openStart, i + 1);
      lit.value = text.slice(from, i);
      lit.quoted = true;
      p.resetTo(i + 1);
      p.prevEnd = i + 1;
      return lit;
    }
    if (c === 0x5c || c === 0x24 || c === 0x25 || c === 0x0a) {
      break;
    }
  }
  const scan = newScan(p.lx.pos, true, '', openStart);
  const parts = scanRoot(p, scan);
  p.resetTo(scan.pos);
  p.prevEnd = scan.pos;
  return templateNode(p, parts, openStart, scan.pos, true, undefined);
}

/** Parses a heredoc; the current token is its introducer. */
export function parseHeredoc(p: ParserState): LiteralExpression | TemplateExpression {
  const lx = p.lx;
  p.peek();
  const start = lx.start;
  const introEnd = lx.end;
  const info: HeredocInfo = { marker: lx.heredocMarker, indented: lx.heredocIndented };
  const scan = newScan(introEnd, false, info.marker, start);
  scan.atLineStart = true;
  const parts = scanRoot(p, scan);
  if (!scan.terminated) {
    p.error(`unterminated heredoc: no line containing only "${info.marker}" follows`, start, introEnd);
  }
  if (info.indented) {
    applyHeredocIndent(scan.lineStarts);
  }
  p.resetTo(scan.pos);
  p.prevEnd = scan.pos;
  return templateNode(p, parts, start, scan.pos, false, info);
}

/** Parses the whole input range as a bare template (no escapes, no delimiters). */
export function parseBareTemplate(p: ParserState): LiteralExpression | TemplateExpression {
  const start = p.lx.pos;
  const scan = newScan(start, false, '', start);
  const parts = scanRoot(p, scan);
  return templateNode(p, parts, start, scan.pos, false, undefined);
}

function newScan(pos: number, quoted: boolean, marker: string, openStart: number): TemplateScan {
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

function templateNode(
  p: ParserState,
  rawParts: TemplatePart[],
  start: number,
  end: number,
  quoted: boolean,
  heredoc: HeredocInfo | undefined,
): LiteralExpression | TemplateExpression {
  const parts = finishParts(rawParts);
  if (parts.every((part) => part.kind === 'text')) {
    const value = parts.map((part) => part.value).join('');
    const lit = p.node<LiteralExpression>('literal', start, end);
    lit.value = value;
    if (quoted) {
      lit.quoted = true;
    }
    if (heredoc) {
      lit.heredoc = heredoc;
    }
    return lit;
  }
  const t = p.node<TemplateExpression>('template', start, end);
  t.parts = parts;
  if (heredoc) {
    t.heredoc = heredoc;
  }
  return t;
}

function scanRoot(p: ParserState, scan: TemplateScan): TemplatePart[] {
  const parts: TemplatePart[] = [];
  for (;;) {
    const stop = scanParts(p, scan, parts);
    if (stop === 'end') {
      return parts;
    }
    p.error(`unexpected "${stop}" directive outside of a matching "if" or "for"`, scan.pos - 1, scan.pos);
  }
}

/** Scans parts into `parts` until the template ends or an else/endif/endfor directive. */
function scanParts(p: ParserState, scan: TemplateScan, parts: TemplatePart[]): Stop {
  const text = p.text;
  const limit = p.lx.limit;
  const quoted = scan.quoted;
  const heredoc = scan.marker !== '';
  let i = scan.pos;
  for (;;) {
    if (heredoc && scan.atLineStart) {
      const m = p.markerLineEnd(i, scan.marker);
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
        i = scanEscape(p, i, limit);
        buf += p.escapeValue;
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
      emitText(p, scan, parts, buf, textStart, i);
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
        if (quoted && (stop === 'newline' || !p.reportedUnterminatedAtEnd)) {
          p.reportedUnterminatedAtEnd ||= stop === 'eof';
          p.error('unterminated string: expected a closing "', scan.openStart, i);
        }
        scan.pos = i;
        return 'end';
      case 'interp':
        parts.push(scanInterpolation(p, scan, i));
        break;
      case 'directive': {
        const r = scanDirective(p, scan, i, parts);
        if (r !== null) {
          return r;
        }
        break;
      }
    }
    i = scan.pos;
  }
}

function emitText(
  p: ParserState,
  scan: TemplateScan,
  parts: TemplatePart[],
  value: string,
  start: number,
  end: number,
): void {
  const part = p.node<TemplateText>('text', start, end);
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
function beforeNonText(scan: TemplateScan, stripLeft: boolean): void {
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

function scanInterpolation(p: ParserState, scan: TemplateScan, start: number): TemplatePart {
  let i = start + 2;
  const stripLeft = p.text.charCodeAt(i) === 0x7e && i < p.lx.limit;
  if (stripLeft) {
    i++;
  }
  beforeNonText(scan, stripLeft);
  p.resetTo(i);
  const saved = p.ignoreNewlines;
  p.ignoreNewlines = true;
  const expr = parseExpression(p);
  const stripRight = closeSequence(p, 'interpolation', i);
  p.ignoreNewlines = saved;
  scan.pos = p.lx.pos;
  scan.stripNext = stripRight;
  const node = p.node<TemplateInterpolation>('interpolation', start, scan.pos);
  node.expr = expr;
  node.stripLeft = stripLeft;
  node.stripRight = stripRight;
  return node;
}

/** Consumes an optional `~` and the `}` ending `${...}` or `%{...}`; returns whether `~` was present. */
function closeSequence(p: ParserState, what: string, minPos: number): boolean {
  let strip = false;
  if (p.peek() === Tok.Tilde) {
    p.consume();
    strip = true;
  }
  if (p.peek() === Tok.RBrace) {
    p.consume();
  } else {
    p.errorAtToken(`expected "}" to close the ${what}, found ${p.describeToken()}`);
    // Continue the template right after what parsed; the rest of the line is read as text.
    p.resetTo(Math.max(p.prevEnd, minPos, p.horizon));
  }
  return strip;
}

/**
 * Handles `%{ ... }` at `start`. `if`/`for` push their part; `else`/`endif`/`endfor` return
 * their name for the enclosing directive; the template's end returns 'end'; otherwise null.
 */
function scanDirective(p: ParserState, scan: TemplateScan, start: number, parts: TemplatePart[]): Stop | null {
  let i = start + 2;
  const stripLeft = p.text.charCodeAt(i) === 0x7e && i < p.lx.limit;
  if (stripLeft) {
    i++;
  }
  beforeNonText(scan, stripLeft);
  p.resetTo(i);
  const saved = p.ignoreNewlines;
  p.ignoreNewlines = true;
  const minPos = i;
  const keyword = p.peek() === Tok.Ident ? p.tokenText() : '';
  let result: Stop | null = null;
  if (keyword === 'if' || keyword === 'for') {
    p.consume();
    result =
      keyword === 'if'
        ? scanIf(p, scan, start, stripLeft, parts, minPos)
        : scanFor(p, scan, start, stripLeft, parts, minPos);
  } else if (keyword === 'else' || keyword === 'endif' || keyword === 'endfor') {
    p.consume();
    scan.stripNext = closeSequence(p, 'directive', minPos);
    scan.pos = p.lx.pos;
    result = keyword;
  } else {
    p.errorAtToken(`expected "if", "for", "else", "endif" or "endfor" after "%{"`);
    scan.stripNext = closeSequence(p, 'directive', minPos);
    scan.pos = p.lx.pos;
  }
  p.ignoreNewlines = saved;
  return result;
}

function scanIf(
  p: ParserState,
  scan: TemplateScan,
  start: number,
  stripLeft: boolean,
  parts: TemplatePart[],
  minPos: number,
): Stop | null {
  const condition = parseExpression(p);
  const stripRight = closeSequence(p, 'directive', minPos);
  scan.pos = p.lx.pos;
  scan.stripNext = stripRight;
  const node = p.node<TemplateIf>('if', start, scan.pos);
  node.condition = condition;
  node.then = [];
  node.stripLeft = stripLeft;
  node.stripRight = stripRight;
  parts.push(node);
  if (!p.enter(start)) {
    p.leave();
    return null;
  }
  let stop = scanParts(p, scan, node.then);
  if (stop === 'else') {
    node.else = [];
    stop = scanParts(p, scan, node.else);
  }
  p.leave();
  finishDirective(p, node, stop, 'endif', start, scan.pos);
  return stop === 'end' ? 'end' : null;
}

function scanFor(
  p: ParserState,
  scan: TemplateScan,
  start: number,
  stripLeft: boolean,
  parts: TemplatePart[],
  minPos: number,
): Stop | null {
  let first = '';
  let second: string | undefined;
  if (p.peek() === Tok.Ident) {
    first = p.tokenText();
    p.consume();
    if (p.peek() === Tok.Comma) {
      p.consume();
      if (p.peek() === Tok.Ident) {
        second = p.tokenText();
        p.consume();
      } else {
        p.errorAtToken('expected a variable name after ","');
      }
    }
  } else {
    p.errorAtToken('expected a variable name after "for"');
  }
  if (p.peek() === Tok.Ident && p.tokenText() === 'in') {
    p.consume();
  } else {
    p.errorAtToken(`expected "in", found ${p.describeToken()}`);
  }
  const collection = parseExpression(p);
  const stripRight = closeSequence(p, 'directive', minPos);
  scan.pos = p.lx.pos;
  scan.stripNext = stripRight;
  const node = p.node<TemplateFor>('for', start, scan.pos);
  node.valueVar = second ?? first;
  node.collection = collection;
  node.body = [];
  node.stripLeft = stripLeft;
  node.stripRight = stripRight;
  if (second !== undefined) {
    node.keyVar = first;
  }
  parts.push(node);
  if (!p.enter(start)) {
    p.leave();
    return null;
  }
  const stop = scanParts(p, scan, node.body);
  p.leave();
  finishDirective(p, node, stop, 'endfor', start, scan.pos);
  return stop === 'end' ? 'end' : null;
}

/** Extends a directive's range to its end marker, or reports the missing one. */
function finishDirective(
  p: ParserState,
  node: TemplateIf | TemplateFor,
  stop: Stop,
  wanted: Stop,
  start: number,
  end: number,
): void {
  if (stop !== wanted) {
    p.error(`expected %{ ${wanted} } to close this "%{ ${node.kind}"`, start, start + 2);
  }
  p.endAt(node, end);
}
