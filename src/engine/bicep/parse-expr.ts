import type { Decorator, Expr, Identifier, ObjectExpr, ObjectProperty, ResourceDecl } from './ast';
import { MAX_DEPTH, ParseFailure, STATEMENT_KEYWORDS } from './parse-common';
import { binaryPrecedence, operatorText, T, type Token, type TokenKind } from './tokens';

/**
 * Token navigation and the expression grammar (precedence climbing with iterative postfix loops).
 * Recursion is bounded by {@link MAX_DEPTH}: each nested bracket, parenthesis, brace, interpolation or
 * prefix operator counts one level.
 */
export abstract class ExprParser {
  protected p = 0;
  protected depth = 0;
  /** Inside parentheses newlines are insignificant; inside arrays, objects and statements they separate. */
  protected nlFree = false;
  protected lastEnd = 0;

  constructor(protected readonly toks: Token[]) {}

  /** Parses a resource declared inside a resource body (`resource child 'T@v' = {...}`). */
  protected abstract parseNestedResource(decorators: Decorator[]): ResourceDecl;
  protected abstract parseDecorators(): Decorator[];

  protected cur(): Token {
    return this.toks[this.p];
  }

  protected at(kind: TokenKind): boolean {
    return this.toks[this.p].kind === kind;
  }

  protected atIdent(name: string): boolean {
    const t = this.toks[this.p];
    return t.kind === T.Identifier && t.value === name;
  }

  protected next(): Token {
    const t = this.toks[this.p];
    if (t.kind !== T.EOF) {
      this.p++;
      this.lastEnd = t.end;
    }
    return t;
  }

  protected fail(message: string, tok: Token = this.cur()): never {
    // A plain class, not an Error: thrown at every syntax error, without the cost of capturing a stack.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw new ParseFailure(tok.start, Math.max(tok.end, tok.start), message);
  }

  protected expect(kind: TokenKind, what: string): Token {
    if (!this.at(kind)) {
      this.fail(`expected ${what}`);
    }
    return this.next();
  }

  protected expectIdent(what: string): Identifier {
    const t = this.expect(T.Identifier, what);
    return { name: t.value, start: t.start, end: t.end };
  }

  protected skipNL(): void {
    while (this.toks[this.p].kind === T.NewLine) {
      this.p++;
    }
  }

  /** Index of the first token at or after `p` that is not a newline. */
  protected afterNL(): number {
    return this.afterNLFrom(this.p);
  }

  /**
   * Moves past newlines when the next real token continues the expression: always inside parentheses,
   * elsewhere only for tokens that cannot start a new item (`?`, `:`, `??`, `&&`, `||`, `.`).
   */
  protected continueLine(allowColon: boolean): void {
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
  protected atStatementStart(): boolean {
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

  protected enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    }
  }

  parseExpr(): Expr {
    this.enter();
    const cond = this.parseBinary(1);
    let result = cond;
    this.continueLine(false);
    if (this.at(T.Question)) {
      this.next();
      this.skipNL();
      const then = this.parseExpr();
      this.continueLine(true);
      this.expect(T.Colon, "':' of the conditional expression");
      this.skipNL();
      const otherwise = this.parseExpr();
      result = { kind: 'ternary', cond, then, else: otherwise, start: cond.start, end: otherwise.end };
    }
    this.depth--;
    return result;
  }

  private parseBinary(minPrec: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      this.continueLine(false);
      const kind = this.cur().kind;
      const prec = binaryPrecedence(kind);
      if (prec === 0 || prec < minPrec) {
        return left;
      }
      this.next();
      this.skipNL();
      const right = this.parseBinary(prec + 1);
      left = { kind: 'binary', op: operatorText(kind), left, right, start: left.start, end: right.end };
    }
  }

  private parseUnary(): Expr {
    const t = this.cur();
    if (t.kind === T.Bang || t.kind === T.Minus || t.kind === T.Plus) {
      this.enter();
      this.next();
      const operand = this.parseUnary();
      this.depth--;
      const op = t.kind === T.Bang ? '!' : t.kind === T.Minus ? '-' : '+';
      return { kind: 'unary', op, operand, start: t.start, end: operand.end };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  protected parsePostfix(first: Expr): Expr {
    let e = first;
    for (;;) {
      if (this.nlFree) {
        this.continueLine(false);
      } else if (this.at(T.NewLine) && this.toks[this.afterNL()].kind === T.Dot) {
        this.skipNL();
      }
      const t = this.cur();
      if (t.kind === T.Dot) {
        this.next();
        const safe = this.at(T.Question);
        if (safe) {
          this.next();
        }
        const name = this.expectIdent('a property name');
        e = { kind: 'member', object: e, name, safe, start: e.start, end: name.end };
        if (this.at(T.LParen)) {
          e = this.parseCall(e, name.name);
        }
      } else if (t.kind === T.LBracket) {
        this.enter();
        this.next();
        const safe = this.at(T.Question);
        if (safe) {
          this.next();
        }
        const saved = this.nlFree;
        this.nlFree = true;
        this.skipNL();
        const index = this.parseExpr();
        this.skipNL();
        this.nlFree = saved;
        this.expect(T.RBracket, "']'");
        this.depth--;
        e = { kind: 'index', object: e, index, safe, start: e.start, end: this.lastEnd };
      } else if (t.kind === T.DoubleColon) {
        this.next();
        const name = this.expectIdent('a nested resource name');
        e = { kind: 'resourceAccess', object: e, name, start: e.start, end: name.end };
      } else if (t.kind === T.Bang) {
        this.next();
        e = { kind: 'nonNull', operand: e, start: e.start, end: t.end };
      } else {
        return e;
      }
    }
  }

  private parseCall(callee: Expr, name: string): Expr {
    const args = this.parseParenList();
    return { kind: 'call', callee, name, args, start: callee.start, end: this.lastEnd };
  }

  /** `( item, item, ... )` (call arguments, function parameters) with newlines allowed anywhere; the current token is `(`. */
  protected parseParenList<X = Expr>(item: () => X = () => this.parseExpr() as X): X[] {
    this.enter();
    this.next();
    const saved = this.nlFree;
    this.nlFree = true;
    const items: X[] = [];
    this.skipNL();
    while (!this.at(T.RParen)) {
      items.push(item());
      this.skipNL();
      if (this.at(T.Comma)) {
        this.next();
        this.skipNL();
      } else if (!this.at(T.RParen)) {
        this.fail("expected ',' or ')'");
      }
    }
    this.next();
    this.nlFree = saved;
    this.depth--;
    return items;
  }

  protected parsePrimary(): Expr {
    const t = this.cur();
    switch (t.kind) {
      case T.Identifier:
        return this.parseIdentifierExpr(t);
      case T.Number:
        this.next();
        return { kind: 'number', value: Number(t.value), start: t.start, end: t.end };
      case T.String:
        this.next();
        return { kind: 'string', value: t.value, start: t.start, end: t.end };
      case T.StringLeft:
        return this.parseInterpolation();
      case T.LBracket:
        return this.toks[this.afterNLFrom(this.p + 1)].kind === T.Identifier &&
          this.toks[this.afterNLFrom(this.p + 1)].value === 'for'
          ? this.parseFor()
          : this.parseArray();
      case T.LBrace:
        return this.parseObject();
      case T.LParen:
        return this.parseParenOrLambda();
      default:
        return this.fail('expected an expression');
    }
  }

  protected afterNLFrom(q: number): number {
    while (this.toks[q].kind === T.NewLine) {
      q++;
    }
    return q;
  }

  private parseIdentifierExpr(t: Token): Expr {
    this.next();
    const v = t.value;
    const nextKind = this.cur().kind;
    if (nextKind === T.Arrow) {
      this.next();
      this.skipNL();
      const body = this.parseExpr();
      return { kind: 'lambda', params: [{ name: v, start: t.start, end: t.end }], body, start: t.start, end: body.end };
    }
    if (nextKind === T.LParen) {
      const ident: Expr = { kind: 'ident', name: v, start: t.start, end: t.end };
      if (v === 'if') {
        const args = this.parseParenList();
        this.skipNL();
        if (args.length === 1 && this.at(T.LBrace)) {
          const body = this.parseObject();
          return { kind: 'if', cond: args[0], body, start: t.start, end: body.end };
        }
        return { kind: 'call', callee: ident, name: v, args, start: t.start, end: this.lastEnd };
      }
      return this.parseCall(ident, v);
    }
    if (v === 'true' || v === 'false') {
      return { kind: 'bool', value: v === 'true', start: t.start, end: t.end };
    }
    if (v === 'null') {
      return { kind: 'null', start: t.start, end: t.end };
    }
    return { kind: 'ident', name: v, start: t.start, end: t.end };
  }

  private parseInterpolation(): Expr {
    const first = this.next();
    const parts = [first.value];
    const exprs: Expr[] = [];
    const saved = this.nlFree;
    this.nlFree = true;
    this.enter();
    for (;;) {
      exprs.push(this.parseExpr());
      const t = this.cur();
      if (t.kind === T.StringMiddle) {
        this.next();
        parts.push(t.value);
      } else if (t.kind === T.StringRight) {
        this.next();
        parts.push(t.value);
        break;
      } else {
        this.fail("expected '}' closing the interpolation");
      }
    }
    this.depth--;
    this.nlFree = saved;
    return { kind: 'interp', parts, exprs, start: first.start, end: this.lastEnd };
  }

  private parseParenOrLambda(): Expr {
    const open = this.cur();
    const items = this.parseParenList();
    if (this.at(T.Arrow)) {
      this.next();
      this.skipNL();
      const params: Identifier[] = items.map((e) =>
        e.kind === 'ident'
          ? { name: e.name, start: e.start, end: e.end }
          : this.fail('expected a lambda parameter name'),
      );
      const body = this.parseExpr();
      return { kind: 'lambda', params, body, start: open.start, end: body.end };
    }
    if (items.length !== 1) {
      this.fail('expected one expression in parentheses', open);
    }
    return { kind: 'paren', expr: items[0], start: open.start, end: this.lastEnd };
  }

  /** Runs `item` for each entry of a newline- or comma-separated list up to `close`. */
  protected parseList(close: TokenKind, closeText: string, item: () => void): void {
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

  private parseArray(): Expr {
    const start = this.cur().start;
    const items: Expr[] = [];
    this.parseList(T.RBracket, ']', () => items.push(this.parseItem()));
    return { kind: 'array', items, start, end: this.lastEnd };
  }

  private parseItem(): Expr {
    if (this.at(T.Ellipsis)) {
      const t = this.next();
      const expr = this.parseExpr();
      return { kind: 'spread', expr, start: t.start, end: expr.end };
    }
    return this.parseExpr();
  }

  protected parseObject(): ObjectExpr {
    const start = this.cur().start;
    const properties: ObjectProperty[] = [];
    const spreads: Expr[] = [];
    const resources: ResourceDecl[] = [];
    this.parseList(T.RBrace, '}', () => {
      const t = this.cur();
      if (t.kind === T.Ellipsis) {
        spreads.push(this.parseItem());
        return;
      }
      if (t.kind === T.At || (t.kind === T.Identifier && t.value === 'resource' && this.peekKind(1) === T.Identifier)) {
        resources.push(this.parseNestedResource(this.parseDecorators()));
        return;
      }
      let key: string;
      let keyExpr: Expr | undefined;
      if (t.kind === T.Identifier || t.kind === T.String) {
        this.next();
        key = t.value;
      } else if (t.kind === T.StringLeft) {
        keyExpr = this.parseInterpolation();
        key = keyExpr.kind === 'interp' ? keyExpr.parts.join('') : '';
      } else {
        this.fail('expected a property name');
      }
      const keyEnd = this.lastEnd;
      this.expect(T.Colon, "':'");
      this.skipNL();
      const value = this.parseExpr();
      properties.push({ key, keyStart: t.start, keyEnd, keyExpr, value, start: t.start, end: value.end });
    });
    return { kind: 'object', properties, spreads, resources, start, end: this.lastEnd };
  }

  protected peekKind(offset: number): TokenKind {
    return this.toks[Math.min(this.p + offset, this.toks.length - 1)].kind;
  }

  private parseFor(): Expr {
    const start = this.cur().start;
    this.enter();
    this.next();
    const saved = this.nlFree;
    this.nlFree = true;
    this.skipNL();
    this.next(); // for
    let item: Identifier | undefined;
    let index: Identifier | undefined;
    if (this.at(T.LParen)) {
      this.next();
      item = this.expectIdent('a loop item name');
      if (this.at(T.Comma)) {
        this.next();
        index = this.expectIdent('a loop index name');
      }
      this.expect(T.RParen, "')'");
    } else {
      item = this.expectIdent('a loop item name');
    }
    if (!this.atIdent('in')) {
      this.fail("expected 'in'");
    }
    this.next();
    this.skipNL();
    const iterable = this.parseExpr();
    this.skipNL();
    this.expect(T.Colon, "':'");
    this.skipNL();
    const body = this.parseExpr();
    this.skipNL();
    this.expect(T.RBracket, "']'");
    this.nlFree = saved;
    this.depth--;
    return { kind: 'for', item, index, iterable, body, start, end: this.lastEnd };
  }
}
