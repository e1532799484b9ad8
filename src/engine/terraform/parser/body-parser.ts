import type { Attribute, Block, BlockLabel, Body, File } from './ast';
import { ExpressionParser } from './expression-parser';
import { Tok } from './lexer';
import { Recovery } from './parser-base';

/** Parses a configuration file: bodies of attributes and blocks (spec "Structural Elements"). */
export class HclParser extends ExpressionParser {
  private reportedEofBrace = false;

  /** Parses the whole input as a file body. */
  parseFile(): File {
    const start = this.lx.pos;
    const body = this.parseBody(start, true);
    body.offset = start;
    this.endAt(body, this.lx.limit);
    return { body, errors: this.errors };
  }

  private emptyBody(start: number): Body {
    const body = this.node<Body>('body', start, start);
    body.attributes = [];
    body.blocks = [];
    body.items = [];
    return body;
  }

  /** Items until `}` (block body, not consumed) or end of input (file body). */
  private parseBody(start: number, isFile: boolean): Body {
    const body = this.emptyBody(start);
    for (;;) {
      const t = this.peek();
      if (t === Tok.Newline) {
        this.consume();
      } else if (t === Tok.EOF) {
        return body;
      } else if (t === Tok.RBrace) {
        if (!isFile) {
          return body;
        }
        this.errorAtToken('unexpected "}" without a matching "{"');
        this.consume();
      } else if (t === Tok.RBrack || t === Tok.RParen) {
        // A stray closer: recover() stops before closers it did not open, so consume it here or loop forever.
        this.errorAtToken(`expected an attribute or a block, found ${this.describeToken()}`);
        this.consume();
      } else if (t === Tok.Ident) {
        const item = this.parseItem(isFile);
        if (item) {
          body.items.push(item);
          (item.kind === 'attribute' ? body.attributes : body.blocks).push(item as Attribute & Block);
        }
      } else {
        this.errorAtToken(`expected an attribute or a block, found ${this.describeToken()}`);
        const before = this.lx.start;
        this.recover(null);
        if (this.peek() !== Tok.RBrace && this.peek() !== Tok.EOF && this.lx.start === before) {
          this.consume(); // guarantee progress
        }
      }
    }
  }

  /** An attribute or a block starting with the current identifier; null if it was unusable. */
  private parseItem(isFile: boolean): Attribute | Block | null {
    const start = this.lx.start;
    const name = this.tokenText();
    this.consume();
    const errorsBefore = this.errors.length;
    const t = this.peek();
    if (t === Tok.Assign) {
      this.consume();
      const expr = this.parseExpression();
      const attr = this.node<Attribute>('attribute', start, expr.endOffset);
      attr.name = name;
      attr.expr = expr;
      this.endItem(isFile, errorsBefore, 'attribute');
      return attr;
    }
    if (t === Tok.LBrace || t === Tok.OQuote || t === Tok.Ident) {
      return this.parseBlock(name, start, isFile, errorsBefore);
    }
    this.errorAtToken(`expected "=" or a block after "${name}", found ${this.describeToken()}`);
    this.recover(null);
    return null;
  }

  /** After an item: a newline, the end of input, or (one-line blocks) the closing `}`. */
  private endItem(isFile: boolean, errorsBefore: number, what: string): void {
    const t = this.peek();
    if (t === Tok.Newline) {
      this.consume();
    } else if (t !== Tok.EOF && !(t === Tok.RBrace && !isFile) && !this.newlineBeforeCurrent()) {
      if (this.errors.length === errorsBefore) {
        this.errorAtToken(`expected a newline after the ${what}, found ${this.describeToken()}`);
      }
      this.recover(null);
    }
  }

  private parseBlock(type: string, start: number, isFile: boolean, errorsBefore: number): Block | null {
    const labels: BlockLabel[] = [];
    for (let t = this.peek(); t !== Tok.LBrace; t = this.peek()) {
      const labelStart = this.lx.start;
      if (t === Tok.Ident) {
        labels.push({ value: this.tokenText(), range: this.range(labelStart, this.lx.end), quoted: false });
        this.consume();
      } else if (t === Tok.OQuote) {
        this.consume();
        const expr = this.parseQuoted(labelStart);
        if (expr.kind !== 'literal') {
          this.error('block labels cannot contain interpolations or directives', labelStart, expr.endOffset);
        }
        const value =
          expr.kind === 'literal' ? String(expr.value) : this.text.slice(labelStart + 1, expr.endOffset - 1);
        labels.push({ value, range: expr.range, quoted: true });
      } else {
        this.errorAtToken(`expected a block label or "{", found ${this.describeToken()}`);
        // Look for the `{` later on the same line so the body is still read as this block.
        while (t !== Tok.LBrace && t !== Tok.Newline && t !== Tok.EOF) {
          this.consume();
          t = this.peek();
        }
        if (t !== Tok.LBrace) {
          this.recover(null);
          return null;
        }
        break;
      }
    }
    const openStart = this.lx.start;
    this.consume();
    const block = this.node<Block>('block', start, start);
    block.type = type;
    block.labels = labels;
    block.body = this.emptyBody(openStart);
    if (!this.enter(openStart)) {
      this.leave();
      if (this.recover(Tok.RBrace, false) !== Recovery.Closed) {
        return null;
      }
    } else {
      block.body = this.parseBody(openStart, false);
      this.leave();
      if (this.peek() === Tok.RBrace) {
        this.consume();
      } else if (this.peek() !== Tok.EOF || !this.reportedEofBrace) {
        // At the end of the file one unclosed block is reported, not every enclosing one.
        this.reportedEofBrace = this.peek() === Tok.EOF;
        this.error(`expected "}" to close the "${type}" block opened here`, openStart, openStart + 1);
      }
    }
    this.endAt(block.body, this.prevEnd);
    this.endAt(block, this.prevEnd);
    this.endItem(isFile, errorsBefore, 'block');
    return block;
  }
}
