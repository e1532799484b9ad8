import type {
  BinaryOperator,
  Expression,
  ForExpression,
  FunctionCallExpression,
  ObjectExpression,
  ObjectItem,
  SplatExpression,
  TraversalStep,
  TupleExpression,
} from './ast';
import { Tok } from './lexer';
import { Recovery } from './parser-base';
import { TemplateParser } from './template-parser';

/** Binary operator precedence (higher binds tighter), 0 for tokens that are not binary operators. */
function precedence(t: Tok): number {
  switch (t) {
    case Tok.Or:
      return 1;
    case Tok.And:
      return 2;
    case Tok.Eq:
    case Tok.NotEq:
      return 3;
    case Tok.Lt:
    case Tok.Le:
    case Tok.Gt:
    case Tok.Ge:
      return 4;
    case Tok.Plus:
    case Tok.Minus:
      return 5;
    case Tok.Star:
    case Tok.Slash:
    case Tok.Percent:
      return 6;
    default:
      return 0;
  }
}

/** Expression grammar of HCL native syntax (spec "Expressions"), recursive descent with a depth bound. */
export abstract class ExpressionParser extends TemplateParser {
  /** Parses one expression; on a syntax error returns (part of) an `invalid` node and reports it. */
  parseExpression(): Expression {
    this.peek();
    const start = this.lx.start;
    if (!this.enter(start)) {
      this.leave();
      this.recover(null);
      return { kind: 'invalid', ...this.loc(start, Math.max(start, this.prevEnd)) };
    }
    const cond = this.parseBinary(1);
    let result = cond;
    if (this.peek() === Tok.Question) {
      this.consume();
      const trueExpr = this.parseExpression();
      this.expect(Tok.Colon, '":" in conditional expression');
      const falseExpr = this.parseExpression();
      result = { kind: 'conditional', condition: cond, trueExpr, falseExpr, ...this.loc(start, this.prevEnd) };
    }
    this.leave();
    return result;
  }

  /** Precedence climbing; recursion depth is bounded by the number of precedence levels. */
  private parseBinary(minPrec: number): Expression {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      const prec = precedence(t);
      if (prec === 0 || prec < minPrec) {
        return left;
      }
      const opStart = this.lx.start;
      const opEnd = this.lx.end;
      const operator = this.text.slice(opStart, opEnd) as BinaryOperator;
      this.consume();
      const right = this.parseBinary(prec + 1);
      left = {
        kind: 'binary',
        operator,
        operatorRange: this.range(opStart, opEnd),
        left,
        right,
        ...this.loc(left.offset, right.endOffset),
      };
    }
  }

  /** Unary operators are collected in a loop so `!!!!…` cannot recurse. */
  private parseUnary(): Expression {
    let ops: { op: '!' | '-'; start: number }[] | null = null;
    for (let t = this.peek(); t === Tok.Bang || t === Tok.Minus; t = this.peek()) {
      (ops ??= []).push({ op: t === Tok.Bang ? '!' : '-', start: this.lx.start });
      this.consume();
    }
    let expr = this.parsePostfix();
    if (ops) {
      for (let k = ops.length - 1; k >= 0; k--) {
        expr = { kind: 'unary', operator: ops[k].op, operand: expr, ...this.loc(ops[k].start, expr.endOffset) };
      }
    }
    return expr;
  }

  /** A primary expression followed by attribute, index and splat steps. */
  private parsePostfix(): Expression {
    let expr = this.parsePrimary();
    let steps: TraversalStep[] | null = expr.kind === 'scopeTraversal' ? expr.steps : null;
    for (;;) {
      const t = this.peek();
      if (t !== Tok.Dot && t !== Tok.LBrack) {
        return expr;
      }
      const stepStart = this.lx.start;
      if (t === Tok.Dot && this.peekSecond() === Tok.Star) {
        this.consume();
        this.consume();
        expr = this.parseSplat(expr, false);
        steps = null;
        continue;
      }
      if (t === Tok.LBrack && this.peekSecond() === Tok.Star) {
        this.consume();
        this.consume();
        this.expect(Tok.RBrack, '"]" after "[*"');
        expr = this.parseSplat(expr, true);
        steps = null;
        continue;
      }
      const step = this.parseStep();
      if (step === null) {
        return expr;
      }
      if (steps === null) {
        expr = { kind: 'relativeTraversal', source: expr, steps: [], ...this.loc(expr.offset, stepStart) };
        steps = expr.steps;
      }
      steps.push(step);
      const l = this.loc(expr.offset, step.endOffset);
      expr.range = l.range;
      expr.endOffset = l.endOffset;
    }
  }

  /** Parses `.name`, `.0` or `[expr]` at the current token; null (after an error) if malformed. */
  private parseStep(): TraversalStep | null {
    const start = this.lx.start;
    if (this.peek() === Tok.Dot) {
      this.consume();
      const t = this.peek();
      if (t === Tok.Ident) {
        const name = this.tokenText();
        this.consume();
        return { kind: 'attr', name, ...this.loc(start, this.prevEnd) };
      }
      if (t === Tok.Number) {
        // Legacy index `.0`: take the digits only, so `a.0.1` is two steps.
        const numStart = this.lx.start;
        const end = this.lx.scanDigits(numStart);
        this.resetTo(end);
        this.prevEnd = end;
        const raw = this.text.slice(numStart, end);
        const key: Expression = { kind: 'literal', value: Number(raw), raw, ...this.loc(numStart, end) };
        return { kind: 'index', key, legacy: true, ...this.loc(start, end) };
      }
      this.errorAtToken(`expected an attribute name after ".", found ${this.describeToken()}`);
      return null;
    }
    this.consume();
    const saved = this.ignoreNewlines;
    this.ignoreNewlines = true;
    const key = this.parseExpression();
    const closed = this.peek() === Tok.RBrack;
    if (closed) {
      this.consume();
    } else {
      this.errorAtToken(`expected "]" to close the index, found ${this.describeToken()}`);
      this.recover(Tok.RBrack);
    }
    this.ignoreNewlines = saved;
    return { kind: 'index', key, ...this.loc(start, this.prevEnd) };
  }

  /** Steps after `.*` (attributes only) or `[*]` (attributes and indexes) apply to each element. */
  private parseSplat(source: Expression, full: boolean): SplatExpression {
    const node: SplatExpression = { kind: 'splat', source, full, steps: [], ...this.loc(source.offset, this.prevEnd) };
    for (;;) {
      const t = this.peek();
      if (t === Tok.Dot) {
        const second = this.peekSecond();
        if (second === Tok.Star || (!full && second !== Tok.Ident)) {
          break;
        }
      } else if (t !== Tok.LBrack || !full || this.peekSecond() === Tok.Star) {
        break;
      }
      const step = this.parseStep();
      if (step === null) {
        break;
      }
      node.steps.push(step);
    }
    const l = this.loc(source.offset, this.prevEnd);
    node.range = l.range;
    node.endOffset = l.endOffset;
    return node;
  }

  private parsePrimary(): Expression {
    const t = this.peek();
    const start = this.lx.start;
    switch (t) {
      case Tok.Number: {
        const raw = this.tokenText();
        this.consume();
        return { kind: 'literal', value: Number(raw), raw, ...this.loc(start, this.prevEnd) };
      }
      case Tok.Ident:
        if (this.ignoreNewlines && this.atItemLineStart()) {
          // Inside brackets a line `name = ...` means the bracket was never closed.
          this.errorAtToken(`expected an expression, found the start of a new attribute or block`);
          return { kind: 'invalid', ...this.loc(start, start) };
        }
        return this.parseIdentExpression();
      case Tok.OQuote:
        this.consume();
        return this.parseQuoted(start);
      case Tok.Heredoc:
        return this.parseHeredoc();
      case Tok.LParen:
        return this.parseParentheses();
      case Tok.LBrack:
        return this.parseTuple();
      case Tok.LBrace:
        return this.parseObject();
      default:
        this.errorAtToken(`expected an expression, found ${this.describeToken()}`);
        if (t === Tok.Invalid || t === Tok.Tilde) {
          this.consume();
          return { kind: 'invalid', ...this.loc(start, this.prevEnd) };
        }
        return { kind: 'invalid', ...this.loc(start, start) };
    }
  }

  private parseIdentExpression(): Expression {
    const start = this.lx.start;
    const name = this.tokenText();
    this.consume();
    const t = this.peek();
    if (t === Tok.LParen || t === Tok.DoubleColon) {
      return this.parseCall(name, start);
    }
    if (name === 'true' || name === 'false') {
      return { kind: 'literal', value: name === 'true', ...this.loc(start, this.prevEnd) };
    }
    if (name === 'null') {
      return { kind: 'literal', value: null, ...this.loc(start, this.prevEnd) };
    }
    return {
      kind: 'scopeTraversal',
      root: name,
      rootRange: this.range(start, this.prevEnd),
      steps: [],
      ...this.loc(start, this.prevEnd),
    };
  }

  /** `name(...)` or `provider::ns::name(...)`; the first name is consumed. */
  private parseCall(first: string, start: number): Expression {
    let name = first;
    while (this.peek() === Tok.DoubleColon) {
      this.consume();
      if (this.peek() !== Tok.Ident) {
        this.errorAtToken(`expected a function name after "::", found ${this.describeToken()}`);
        return { kind: 'invalid', ...this.loc(start, this.prevEnd) };
      }
      name += '::' + this.tokenText();
      this.consume();
    }
    const nameRange = this.range(start, this.prevEnd);
    if (!this.expect(Tok.LParen, '"(" to call the function')) {
      return { kind: 'invalid', ...this.loc(start, this.prevEnd) };
    }
    const node: FunctionCallExpression = {
      kind: 'functionCall',
      name,
      nameRange,
      args: [],
      expandFinal: false,
      ...this.loc(start, start),
    };
    const saved = this.ignoreNewlines;
    this.ignoreNewlines = true;
    while (this.peek() !== Tok.RParen) {
      node.args.push(this.parseExpression());
      let t = this.peek();
      if (t === Tok.Ellipsis) {
        node.expandFinal = true;
        this.consume();
        t = this.peek();
        if (t !== Tok.RParen) {
          this.errorAtToken('"..." may only follow the last argument');
        }
      }
      if (t === Tok.Comma) {
        this.consume();
      } else if (t !== Tok.RParen) {
        this.errorAtToken(`expected "," or ")" in the argument list, found ${this.describeToken()}`);
        this.recover(Tok.RParen);
        this.ignoreNewlines = saved;
        return this.finish(node, start);
      }
    }
    this.consume();
    this.ignoreNewlines = saved;
    return this.finish(node, start);
  }

  private parseParentheses(): Expression {
    const start = this.lx.start;
    this.consume();
    const saved = this.ignoreNewlines;
    this.ignoreNewlines = true;
    const expr = this.parseExpression();
    if (this.peek() === Tok.RParen) {
      this.consume();
    } else {
      this.errorAtToken(`expected ")", found ${this.describeToken()}`);
      this.recover(Tok.RParen);
    }
    this.ignoreNewlines = saved;
    return { kind: 'parentheses', expr, ...this.loc(start, this.prevEnd) };
  }

  /** True if the current token is `for` followed by an identifier (else `for` is a variable). */
  private atForKeyword(): boolean {
    return this.peek() === Tok.Ident && this.tokenText() === 'for' && this.peekSecond() === Tok.Ident;
  }

  private parseTuple(): Expression {
    const start = this.lx.start;
    this.consume();
    const saved = this.ignoreNewlines;
    this.ignoreNewlines = true;
    if (this.atForKeyword()) {
      const f = this.parseFor(start, false);
      this.ignoreNewlines = saved;
      return f;
    }
    const node: TupleExpression = { kind: 'tuple', items: [], ...this.loc(start, start) };
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

  private parseObject(): Expression {
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
    const node: ObjectExpression = { kind: 'object', items: [], ...this.loc(start, start) };
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
      key = { kind: 'literal', value: key.root, range: key.range, offset: key.offset, endOffset: key.endOffset };
      bareKey = true;
    } else if (key.kind === 'literal' && (key.value === null || typeof key.value === 'boolean')) {
      // A bare `true`, `false` or `null` key names the attribute "true", "false" or "null".
      key = { ...key, value: this.text.slice(key.offset, key.endOffset) };
      bareKey = true;
    }
    const t = this.peek();
    if (t !== Tok.Assign && t !== Tok.Colon) {
      this.errorAtToken(`expected "=" or ":" after the object key, found ${this.describeToken()}`);
      return null;
    }
    this.consume();
    const value = this.parseExpression();
    return { key, value, bareKey, ...this.loc(key.offset, value.endOffset) };
  }

  /** The rest of `[for ...]` / `{for ...}` after the opening bracket; newlines are ignored. */
  private parseFor(start: number, objectForm: boolean): Expression {
    const closer = objectForm ? Tok.RBrace : Tok.RBrack;
    this.consume(); // `for`
    const node: ForExpression = {
      kind: 'for',
      objectForm,
      valueVar: '',
      collection: { kind: 'invalid', ...this.loc(start, start) },
      valueExpr: { kind: 'invalid', ...this.loc(start, start) },
      grouping: false,
      ...this.loc(start, start),
    };
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
  private finish<T extends Expression>(node: T, start: number): T {
    const l = this.loc(start, this.prevEnd);
    node.range = l.range;
    node.offset = start;
    node.endOffset = l.endOffset;
    return node;
  }
}
