// The expression grammar of Bicep (precedence climbing with iterative postfix loops): operators,
// calls, member and index access, literals, interpolated strings, arrays, objects, lambdas and `for`.
import { fit } from '../text/fit';
import type { Expr, Identifier, ObjectExpr, ObjectProperty, ResourceDecl } from './ast';
import { BicepParserState } from './parse-state';
import { parseDecorators, parseNestedResource } from './parser';
import { binaryPrecedence, operatorText, T, type Token } from './tokens';

export function parseExpr(s: BicepParserState): Expr {
  s.enter();
  const cond = parseBinary(s, 1);
  let result = cond;
  s.continueLine(false);
  if (s.at(T.Question)) {
    s.next();
    s.skipNL();
    const then = parseExpr(s);
    s.continueLine(true);
    s.expect(T.Colon, "':' of the conditional expression");
    s.skipNL();
    const otherwise = parseExpr(s);
    result = { kind: 'ternary', cond, then, else: otherwise, start: cond.start, end: otherwise.end };
  }
  s.depth--;
  return result;
}
function parseBinary(s: BicepParserState, minPrec: number): Expr {
  let left = parseUnary(s);
  for (;;) {
    s.continueLine(false);
    const kind = s.cur().kind;
    const prec = binaryPrecedence(kind);
    if (prec === 0 || prec < minPrec) {
      return left;
    }
    s.next();
    s.skipNL();
    const right = parseBinary(s, prec + 1);
    left = { kind: 'binary', op: operatorText(kind), left, right, start: left.start, end: right.end };
  }
}
function parseUnary(s: BicepParserState): Expr {
  const t = s.cur();
  if (t.kind === T.Bang || t.kind === T.Minus || t.kind === T.Plus) {
    s.enter();
    s.next();
    const operand = parseUnary(s);
    s.depth--;
    const op = t.kind === T.Bang ? '!' : t.kind === T.Minus ? '-' : '+';
    return { kind: 'unary', op, operand, start: t.start, end: operand.end };
  }
  return parsePostfix(s, parsePrimary(s));
}
export function parsePostfix(s: BicepParserState, first: Expr): Expr {
  let e = first;
  for (;;) {
    if (s.nlFree) {
      s.continueLine(false);
    } else if (s.at(T.NewLine) && s.toks[s.afterNL()].kind === T.Dot) {
      s.skipNL();
    }
    const t = s.cur();
    if (t.kind === T.Dot) {
      s.next();
      const safe = s.at(T.Question);
      if (safe) {
        s.next();
      }
      const name = s.expectIdent('a property name');
      e = { kind: 'member', object: e, name, safe, start: e.start, end: name.end };
      if (s.at(T.LParen)) {
        e = parseCall(s, e, name.name);
      }
    } else if (t.kind === T.LBracket) {
      s.enter();
      s.next();
      const safe = s.at(T.Question);
      if (safe) {
        s.next();
      }
      const saved = s.nlFree;
      s.nlFree = true;
      s.skipNL();
      const index = parseExpr(s);
      s.skipNL();
      s.nlFree = saved;
      s.expect(T.RBracket, "']'");
      s.depth--;
      e = { kind: 'index', object: e, index, safe, start: e.start, end: s.lastEnd };
    } else if (t.kind === T.DoubleColon) {
      s.next();
      const name = s.expectIdent('a nested resource name');
      e = { kind: 'resourceAccess', object: e, name, start: e.start, end: name.end };
    } else if (t.kind === T.Bang) {
      s.next();
      e = { kind: 'nonNull', operand: e, start: e.start, end: t.end };
    } else {
      return e;
    }
  }
}
function parseCall(s: BicepParserState, callee: Expr, name: string): Expr {
  const args = parseParenList(s);
  return { kind: 'call', callee, name, args, start: callee.start, end: s.lastEnd };
}
/** `( item, item, ... )` (call arguments, function parameters) with newlines allowed anywhere; the current token is `(`. */
export function parseParenList<X = Expr>(s: BicepParserState, item: () => X = () => parseExpr(s) as X): X[] {
  s.enter();
  s.next();
  const saved = s.nlFree;
  s.nlFree = true;
  const items: X[] = [];
  s.skipNL();
  while (!s.at(T.RParen)) {
    items.push(item());
    s.skipNL();
    if (s.at(T.Comma)) {
      s.next();
      s.skipNL();
    } else if (!s.at(T.RParen)) {
      s.fail("expected ',' or ')'");
    }
  }
  s.next();
  s.nlFree = saved;
  s.depth--;
  return fit(items);
}
export function parsePrimary(s: BicepParserState): Expr {
  const t = s.cur();
  switch (t.kind) {
    case T.Identifier:
      return parseIdentifierExpr(s, t);
    case T.Number:
      s.next();
      return { kind: 'number', value: Number(t.value), start: t.start, end: t.end };
    case T.String:
      s.next();
      return { kind: 'string', value: t.value, start: t.start, end: t.end };
    case T.StringLeft:
      return parseInterpolation(s);
    case T.LBracket:
      return s.toks[s.afterNLFrom(s.p + 1)].kind === T.Identifier && s.toks[s.afterNLFrom(s.p + 1)].value === 'for'
        ? parseFor(s)
        : parseArray(s);
    case T.LBrace:
      return parseObject(s);
    case T.LParen:
      return parseParenOrLambda(s);
    default:
      return s.fail('expected an expression');
  }
}
function parseIdentifierExpr(s: BicepParserState, t: Token): Expr {
  s.next();
  const v = t.value;
  const nextKind = s.cur().kind;
  if (nextKind === T.Arrow) {
    s.next();
    s.skipNL();
    const body = parseExpr(s);
    return { kind: 'lambda', params: [{ name: v, start: t.start, end: t.end }], body, start: t.start, end: body.end };
  }
  if (nextKind === T.LParen) {
    const ident: Expr = { kind: 'ident', name: v, start: t.start, end: t.end };
    if (v === 'if') {
      const args = parseParenList(s);
      s.skipNL();
      if (args.length === 1 && s.at(T.LBrace)) {
        const body = parseObject(s);
        return { kind: 'if', cond: args[0], body, start: t.start, end: body.end };
      }
      return { kind: 'call', callee: ident, name: v, args, start: t.start, end: s.lastEnd };
    }
    return parseCall(s, ident, v);
  }
  if (v === 'true' || v === 'false') {
    return { kind: 'bool', value: v === 'true', start: t.start, end: t.end };
  }
  if (v === 'null') {
    return { kind: 'null', start: t.start, end: t.end };
  }
  return { kind: 'ident', name: v, start: t.start, end: t.end };
}
function parseInterpolation(s: BicepParserState): Expr {
  const first = s.next();
  const parts = [first.value];
  const exprs: Expr[] = [];
  const saved = s.nlFree;
  s.nlFree = true;
  s.enter();
  for (;;) {
    exprs.push(parseExpr(s));
    const t = s.cur();
    if (t.kind === T.StringMiddle) {
      s.next();
      parts.push(t.value);
    } else if (t.kind === T.StringRight) {
      s.next();
      parts.push(t.value);
      break;
    } else {
      s.fail("expected '}' closing the interpolation");
    }
  }
  s.depth--;
  s.nlFree = saved;
  return { kind: 'interp', parts: fit(parts), exprs: fit(exprs), start: first.start, end: s.lastEnd };
}
function parseParenOrLambda(s: BicepParserState): Expr {
  const open = s.cur();
  const items = parseParenList(s);
  if (s.at(T.Arrow)) {
    s.next();
    s.skipNL();
    const params: Identifier[] = items.map((e) =>
      e.kind === 'ident' ? { name: e.name, start: e.start, end: e.end } : s.fail('expected a lambda parameter name'),
    );
    const body = parseExpr(s);
    return { kind: 'lambda', params, body, start: open.start, end: body.end };
  }
  if (items.length !== 1) {
    s.fail('expected one expression in parentheses', open);
  }
  return { kind: 'paren', expr: items[0], start: open.start, end: s.lastEnd };
}
function parseArray(s: BicepParserState): Expr {
  const start = s.cur().start;
  const items: Expr[] = [];
  s.parseList(T.RBracket, ']', () => items.push(parseItem(s)));
  return { kind: 'array', items: fit(items), start, end: s.lastEnd };
}
function parseItem(s: BicepParserState): Expr {
  if (s.at(T.Ellipsis)) {
    const t = s.next();
    const expr = parseExpr(s);
    return { kind: 'spread', expr, start: t.start, end: expr.end };
  }
  return parseExpr(s);
}
export function parseObject(s: BicepParserState): ObjectExpr {
  const start = s.cur().start;
  const properties: ObjectProperty[] = [];
  const spreads: Expr[] = [];
  const resources: ResourceDecl[] = [];
  s.parseList(T.RBrace, '}', () => {
    const t = s.cur();
    if (t.kind === T.Ellipsis) {
      spreads.push(parseItem(s));
      return;
    }
    if (t.kind === T.At || (t.kind === T.Identifier && t.value === 'resource' && s.peekKind(1) === T.Identifier)) {
      resources.push(parseNestedResource(s, parseDecorators(s)));
      return;
    }
    let key: string;
    let keyExpr: Expr | undefined;
    if (t.kind === T.Identifier || t.kind === T.String) {
      s.next();
      key = t.value;
    } else if (t.kind === T.StringLeft) {
      keyExpr = parseInterpolation(s);
      key = keyExpr.kind === 'interp' ? keyExpr.parts.join('') : '';
    } else {
      s.fail('expected a property name');
    }
    const keyEnd = s.lastEnd;
    s.expect(T.Colon, "':'");
    s.skipNL();
    const value = parseExpr(s);
    properties.push({ key, keyStart: t.start, keyEnd, keyExpr, value, start: t.start, end: value.end });
  });
  return {
    kind: 'object',
    properties: fit(properties),
    spreads: fit(spreads),
    resources: fit(resources),
    start,
    end: s.lastEnd,
  };
}
function parseFor(s: BicepParserState): Expr {
  const start = s.cur().start;
  s.enter();
  s.next();
  const saved = s.nlFree;
  s.nlFree = true;
  s.skipNL();
  s.next(); // for
  let item: Identifier | undefined;
  let index: Identifier | undefined;
  if (s.at(T.LParen)) {
    s.next();
    item = s.expectIdent('a loop item name');
    if (s.at(T.Comma)) {
      s.next();
      index = s.expectIdent('a loop index name');
    }
    s.expect(T.RParen, "')'");
  } else {
    item = s.expectIdent('a loop item name');
  }
  if (!s.atIdent('in')) {
    s.fail("expected 'in'");
  }
  s.next();
  s.skipNL();
  const iterable = parseExpr(s);
  s.skipNL();
  s.expect(T.Colon, "':'");
  s.skipNL();
  const body = parseExpr(s);
  s.skipNL();
  s.expect(T.RBracket, "']'");
  s.nlFree = saved;
  s.depth--;
  return { kind: 'for', item, index, iterable, body, start, end: s.lastEnd };
}
