// Parses a configuration file: bodies of attributes and blocks (spec "Structural Elements").
import { fit } from '../../text/fit';
import { intern } from '../../text/intern';
import type { Attribute, Block, BlockLabel, Body, File } from './ast';
import { parseExpression } from './expressions';
import { Tok } from './lexer';
import { type HclNode, Label } from './nodes';
import { ParserState, Recovery } from './state';
import { parseQuoted } from './templates';

/** Parses the whole input as a file body. */
export function parseFile(p: ParserState): File {
  const start = p.lx.pos;
  const body = parseBody(p, start, true);
  body.offset = start;
  p.endAt(body, p.lx.limit);
  return { body, errors: p.errors };
}

function emptyBody(p: ParserState, start: number): Body {
  const body = p.node<Body>('body', start, start);
  body.attributes = [];
  body.blocks = [];
  return body;
}

/** Items until `}` (block body, not consumed) or end of input (file body). */
function parseBody(p: ParserState, start: number, isFile: boolean): Body {
  const body = parseItems(p, start, isFile);
  body.attributes = fit(body.attributes);
  body.blocks = fit(body.blocks);
  return body;
}

function parseItems(p: ParserState, start: number, isFile: boolean): Body {
  const body = emptyBody(p, start);
  for (;;) {
    const t = p.peek();
    if (t === Tok.Newline) {
      p.consume();
    } else if (t === Tok.EOF) {
      return body;
    } else if (t === Tok.RBrace) {
      if (!isFile) {
        return body;
      }
      p.errorAtToken('unexpected "}" without a matching "{"');
      p.consume();
    } else if (t === Tok.RBrack || t === Tok.RParen) {
      // A stray closer: recover() stops before closers it did not open, so consume it here or loop forever.
      p.errorAtToken(`expected an attribute or a block, found ${p.describeToken()}`);
      p.consume();
    } else if (t === Tok.Ident) {
      const item = parseItem(p, isFile);
      if (item) {
        (item.kind === 'attribute' ? body.attributes : body.blocks).push(item as Attribute & Block);
      }
    } else {
      p.errorAtToken(`expected an attribute or a block, found ${p.describeToken()}`);
      const before = p.lx.start;
      p.recover(null);
      if (p.peek() !== Tok.RBrace && p.peek() !== Tok.EOF && p.lx.start === before) {
        p.consume(); // guarantee progress
      }
    }
  }
}

/** An attribute or a block starting with the current identifier; null if it was unusable. */
function parseItem(p: ParserState, isFile: boolean): Attribute | Block | null {
  const start = p.lx.start;
  const name = p.tokenText();
  p.consume();
  const errorsBefore = p.errors.length;
  const t = p.peek();
  if (t === Tok.Assign) {
    p.consume();
    const troubles = p.troubles;
    const expr = parseExpression(p);
    const attr = p.node<Attribute>('attribute', start, expr.endOffset);
    attr.name = name;
    if (p.lazyExpressions && p.troubles === troubles && !p.ignoreNewlines) {
      // Parsed again when read (see HclNode); this tree is garbage before it leaves the young generation.
      (attr as unknown as HclNode).exprStart = expr.offset;
    } else {
      attr.expr = expr;
    }
    endItem(p, isFile, errorsBefore, 'attribute');
    return attr;
  }
  if (t === Tok.LBrace || t === Tok.OQuote || t === Tok.Ident) {
    return parseBlock(p, name, start, isFile, errorsBefore);
  }
  p.errorAtToken(`expected "=" or a block after "${name}", found ${p.describeToken()}`);
  p.recover(null);
  return null;
}

/** After an item: a newline, the end of input, or (one-line blocks) the closing `}`. */
function endItem(p: ParserState, isFile: boolean, errorsBefore: number, what: string): void {
  const t = p.peek();
  if (t === Tok.Newline) {
    p.consume();
  } else if (t !== Tok.EOF && !(t === Tok.RBrace && !isFile) && !p.newlineBeforeCurrent()) {
    if (p.errors.length === errorsBefore) {
      p.errorAtToken(`expected a newline after the ${what}, found ${p.describeToken()}`);
    }
    p.recover(null);
  }
}

function parseBlock(p: ParserState, type: string, start: number, isFile: boolean, errorsBefore: number): Block | null {
  const labels: BlockLabel[] = [];
  for (let t = p.peek(); t !== Tok.LBrace; t = p.peek()) {
    const labelStart = p.lx.start;
    if (t === Tok.Ident) {
      labels.push(new Label(p.tokenText(), false, p.lines, labelStart, p.lx.end));
      p.consume();
    } else if (t === Tok.OQuote) {
      p.consume();
      const expr = parseQuoted(p, labelStart);
      if (expr.kind !== 'literal') {
        p.error('block labels cannot contain interpolations or directives', labelStart, expr.endOffset);
      }
      const value = expr.kind === 'literal' ? String(expr.value) : p.text.slice(labelStart + 1, expr.endOffset - 1);
      labels.push(new Label(intern(value), true, p.lines, expr.offset, expr.endOffset));
    } else {
      p.errorAtToken(`expected a block label or "{", found ${p.describeToken()}`);
      // Look for the `{` later on the same line so the body is still read as this block.
      while (t !== Tok.LBrace && t !== Tok.Newline && t !== Tok.EOF) {
        p.consume();
        t = p.peek();
      }
      if (t !== Tok.LBrace) {
        p.recover(null);
        return null;
      }
      break;
    }
  }
  const openStart = p.lx.start;
  p.consume();
  const block = p.node<Block>('block', start, start);
  block.type = type;
  block.labels = fit(labels);
  if (!p.enter(openStart)) {
    p.leave();
    block.body = emptyBody(p, openStart);
    if (p.recover(Tok.RBrace, false) !== Recovery.Closed) {
      return null;
    }
  } else {
    block.body = parseBody(p, openStart, false);
    p.leave();
    if (p.peek() === Tok.RBrace) {
      p.consume();
    } else if (p.peek() !== Tok.EOF || !p.reportedEofBrace) {
      // At the end of the file one unclosed block is reported, not every enclosing one.
      p.reportedEofBrace = p.peek() === Tok.EOF;
      p.error(`expected "}" to close the "${type}" block opened here`, openStart, openStart + 1);
    }
  }
  p.endAt(block.body, p.prevEnd);
  p.endAt(block, p.prevEnd);
  endItem(p, isFile, errorsBefore, 'block');
  return block;
}
