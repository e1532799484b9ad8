import type {
  Expression,
  ForExpression,
  LiteralExpression,
  ObjectExpression,
  ObjectItem,
  TupleExpression,
} from './ast';
import { Tok } from './lexer';
import { Recovery } from './parser-base';
import { TemplateParser } from './template-parser';

/**
 * Collection constructors of HCL native syntax (spec "Collection Values" and "For Expressions"):
 * tuples, objects and `for` expressions. The expression grammar itself is {@link ExpressionParser}.
 */
export abstract class CollectionParser extends TemplateParser {
  /** True if the current token is `for` followed by an identifier (else `for` is a variable). */
  private atForKeyword(): boolean {
    return this.peek() === Tok.Ident && this.tokenText() === 'for' && this.peekSecond() === Tok.Ident;
  }

  protected parseTuple(): Expression {
    const start = this.lx.start;
    this.consume();
    const saved = this.ignoreNewlines;
    this.ignoreNewlines = true;
    if (this.atForKeyword()) {
      const f = this.parseFor(start, false);
      this.ignoreNewlines = saved;
      return f;
    }
    const node = this.node<TupleExpression>('tuple', start, start);
    node.items = [];
    while (this.peek() !== Tok.RBrack) {
      node.items.push(this.parseExpression());
      const t = this.peek();
      if (t === Tok.Comma) {
        this.consume();
      } else if (t !== Tok.RBrack) {
        this.errorAtToken(`expected "," or "]" in the tuple, found ${this.describeToken()}`);
        this.recover(Tok.RBrack);
        this.ignoreNewlines = saved;
        return this.finish(node, start);
      }
    }
    this.consume();
    this.ignoreNewlines = saved;
    return this.finish(node, start);
  }

  protected parseObject(): Expression {
    const start = this.lx.start;
    this.consume();
    const saved = this.ignoreNewlines;
    this.ignoreNewlines = true;
    if (this.atForKeyword()) {
      const f = this.parseFor(start, true);
      this.ignoreNewlines = saved;
      return f;
    }
    // Items are separated by commas or newlines, so newlines matter here.
    this.ignoreNewlines = false;
    const node = this.node<ObjectExpression>('object', start, start);
    node.items = [];
    for (;;) {
      let t = this.peek();
      while (t === Tok.Newline) {
        this.consume();
        t = this.peek();
      }
      if (t === Tok.RBrace) {
        this.consume();
        break;
      }
      if (t === Tok.EOF) {
        this.error('expected "}" to close the object', start, start + 1);
        break;
      }
      const item = this.parseObjectItem();
      if (item) {
        node.items.push(item);
      }
      t = this.peek();
      if (t === Tok.Comma || t === Tok.Newline) {
        this.consume();
      } else if (t !== Tok.RBrace) {
        if (item) {
          this.errorAtToken(`expected "," or newline after the object item, found ${this.describeToken()}`);
        }
        if (this.recover(Tok.RBrace) === Recovery.Closed) {
          break;
        }
        if (this.peek() !== Tok.Ident) {
          break;
        }
      }
    }
    this.ignoreNewlines = saved;
    return this.finish(node, start);
  }

  /** `key = value` or `key: value`; null after an error in the key. */
  private parseObjectItem(): ObjectItem | null {
    let key = this.parseExpression();
    let bareKey = false;
    if (key.kind === 'scopeTraversal' && key.steps.length === 0) {
      const k = this.node<LiteralExpression>('literal', key.offset, key.endOffset);
      k.value = key.root;
      key = k;
      bareKey = true;
    } else if (key.kind === 'literal' && (key.value === null || typeof key.value === 'boolean')) {
      // A bare `true`, `false` or `null` key names the attribute "true", "false" or "null".
      const k = this.node<LiteralExpression>('literal', key.offset, key.endOffset);
      k.value = this.text.slice(key.offset, key.endOffset);
      key = k;
      bareKey = true;
    }
    const t = this.peek();
    if (t !== Tok.Assign && t !== Tok.Colon) {
      this.errorAtToken(`expected "=" or ":" after the object key, found ${this.describeToken()}`);
      return null;
    }
    this.consume();
    const value = this.parseExpression();
    const item = this.node<ObjectItem>('objectItem', key.offset, value.endOffset);
    item.key = key;
    item.value = value;
    item.bareKey = bareKey;
    return item;
  }

  /** The rest of `[for ...]` / `{for ...}` after the opening bracket; newlines are ignored. */
  private parseFor(start: number, objectForm: boolean): Expression {
    const closer = objectForm ? Tok.RBrace : Tok.RBrack;
    this.consume(); // `for`
    const node = this.node<ForExpression>('for', start, start);
    node.objectForm = objectForm;
    node.valueVar = '';
    node.collection = this.node<Expression>('invalid', start, start);
    node.valueExpr = this.node<Expression>('invalid', start, start);
    node.grouping = false;
    const fail = (message: string): Expression => {
      this.errorAtToken(`${message}, found ${this.describeToken()}`);
      this.recover(closer);
      return this.finish(node, start);
    };
    const first = this.tokenText();
    this.consume();
    if (this.peek() === Tok.Comma) {
      this.consume();
      if (this.peek() !== Tok.Ident) {
        return fail('expected a variable name after ","');
      }
      node.keyVar = first;
      node.valueVar = this.tokenText();
      this.consume();
    } else {
      node.valueVar = first;
    }
    if (this.peek() !== Tok.Ident || this.tokenText() !== 'in') {
      return fail('expected "in"');
    }
    this.consume();
    node.collection = this.parseExpression();
    if (!this.expect(Tok.Colon, '":" after the for collection')) {
      this.recover(closer);
      return this.finish(node, start);
    }
    if (objectForm) {
      node.keyExpr = this.parseExpression();
      if (!this.expect(Tok.FatArrow, '"=>" in the object for expression')) {
        this.recover(closer);
        return this.finish(node, start);
      }
    }
    node.valueExpr = this.parseExpression();
    if (objectForm && this.peek() === Tok.Ellipsis) {
      this.consume();
      node.grouping = true;
    }
    if (this.peek() === Tok.Ident && this.tokenText() === 'if') {
      this.consume();
      node.condition = this.parseExpression();
    }
    if (this.peek() !== closer) {
      return fail(`expected "${objectForm ? '}' : ']'}" to close the for expression`);
    }
    this.consume();
    return this.finish(node, start);
  }

  /** Sets a node's range from `start` to the last consumed token. */
  protected finish<T extends Expression>(node: T, start: number): T {
    node.offset = start;
    this.endAt(node, this.prevEnd);
    return node;
  }
}
