import type {
  AttributeStep,
  BinaryExpression,
  BinaryOperator,
  ConditionalExpression,
  Expression,
  FunctionCallExpression,
  IndexStep,
  LiteralExpression,
  ParenthesesExpression,
  RelativeTraversalExpression,
  ScopeTraversalExpression,
  SplatExpression,
  TraversalStep,
  UnaryExpression,
} from './ast';
import { CollectionParser } from './collection-parser';
import { Tok } from './lexer';

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
export abstract class ExpressionParser extends CollectionParser {
  /** Parses one expression; on a syntax error returns (part of) an `invalid` node and reports it. */
  parseExpression(): Expression {
    this.peek();
    const start = this.lx.start;
    if (!this.enter(start)) {
      this.leave();
      this.recover(null);
      return this.node<Expression>('invalid', start, this.prevEnd);
    }
    const cond = this.parseBinary(1);
    let result = cond;
    if (this.peek() === Tok.Question) {
      this.consume();
      const trueExpr = this.parseExpression();
      this.expect(Tok.Colon, '":" in conditional expression');
      const falseExpr = this.parseExpression();
      const c = this.node<ConditionalExpression>('conditional', start, this.prevEnd);
      c.condition = cond;
      c.trueExpr = trueExpr;
      c.falseExpr = falseExpr;
      result = c;
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
      const b = this.node<BinaryExpression>('binary', left.offset, right.endOffset);
      b.operator = operator;
      b.operatorRange = this.range(opStart, opEnd);
      b.left = left;
      b.right = right;
      left = b;
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
        const u = this.node<UnaryExpression>('unary', ops[k].start, expr.endOffset);
        u.operator = ops[k].op;
        u.operand = expr;
        expr = u;
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
        const r = this.node<RelativeTraversalExpression>('relativeTraversal', expr.offset, stepStart);
        r.source = expr;
        r.steps = [];
        expr = r;
        steps = r.steps;
      }
      steps.push(step);
      this.endAt(expr, step.endOffset);
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
        const a = this.node<AttributeStep>('attr', start, this.prevEnd);
        a.name = name;
        return a;
      }
      if (t === Tok.Number) {
        // Legacy index `.0`: take the digits only, so `a.0.1` is two steps.
        const numStart = this.lx.start;
        const end = this.lx.scanDigits(numStart);
        this.resetTo(end);
        this.prevEnd = end;
        const raw = this.text.slice(numStart, end);
        const key = this.node<LiteralExpression>('literal', numStart, end);
        key.value = Number(raw);
        key.raw = raw;
        const i = this.node<IndexStep>('index', start, end);
        i.key = key;
        i.legacy = true;
        return i;
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
    const i = this.node<IndexStep>('index', start, this.prevEnd);
    i.key = key;
    return i;
  }

  /** Steps after `.*` (attributes only) or `[*]` (attributes and indexes) apply to each element. */
  private parseSplat(source: Expression, full: boolean): SplatExpression {
    const node = this.node<SplatExpression>('splat', source.offset, this.prevEnd);
    node.source = source;
    node.full = full;
    node.steps = [];
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
    this.endAt(node, this.prevEnd);
    return node;
  }

  private parsePrimary(): Expression {
    const t = this.peek();
    const start = this.lx.start;
    switch (t) {
      case Tok.Number: {
        const raw = this.tokenText();
        this.consume();
        const n = this.node<LiteralExpression>('literal', start, this.prevEnd);
        n.value = Number(raw);
        n.raw = raw;
        return n;
      }
      case Tok.Ident:
        if (this.ignoreNewlines && this.atItemLineStart()) {
          // Inside brackets a line `name = ...` means the bracket was never closed.
          this.errorAtToken(`expected an expression, found the start of a new attribute or block`);
          return this.node<Expression>('invalid', start, start);
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
          return this.node<Expression>('invalid', start, this.prevEnd);
        }
        return this.node<Expression>('invalid', start, start);
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
    if (name === 'true' || name === 'false' || name === 'null') {
      const n = this.node<LiteralExpression>('literal', start, this.prevEnd);
      n.value = name === 'null' ? null : name === 'true';
      return n;
    }
    const n = this.node<ScopeTraversalExpression>('scopeTraversal', start, this.prevEnd);
    n.root = name;
    n.steps = [];
    return n;
  }

  /** `name(...)` or `provider::ns::name(...)`; the first name is consumed. */
  private parseCall(first: string, start: number): Expression {
    let name = first;
    while (this.peek() === Tok.DoubleColon) {
      this.consume();
      if (this.peek() !== Tok.Ident) {
        this.errorAtToken(`expected a function name after "::", found ${this.describeToken()}`);
        return this.node<Expression>('invalid', start, this.prevEnd);
      }
      name += '::' + this.tokenText();
      this.consume();
    }
    const nameRange = this.range(start, this.prevEnd);
    if (!this.expect(Tok.LParen, '"(" to call the function')) {
      return this.node<Expression>('invalid', start, this.prevEnd);
    }
    const node = this.node<FunctionCallExpression>('functionCall', start, start);
    node.name = name;
    node.nameRange = nameRange;
    node.args = [];
    node.expandFinal = false;
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
    const p = this.node<ParenthesesExpression>('parentheses', start, this.prevEnd);
    p.expr = expr;
    return p;
  }
}
