// Expression grammar of HCL native syntax (spec "Expressions"), recursive descent with a depth bound.
import { fit } from '../../text/fit';
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
import { parseObject, parseTuple } from './collections';
import { Tok } from './lexer';
import { ParserState } from './state';
import { parseHeredoc, parseQuoted } from './templates';

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

/** Parses one expression; on a syntax error returns (part of) an `invalid` node and reports it. */
export function parseExpression(p: ParserState): Expression {
  p.peek();
  const start = p.lx.start;
  if (!p.enter(start)) {
    p.leave();
    p.recover(null);
    return p.node<Expression>('invalid', start, p.prevEnd);
  }
  const cond = parseBinary(p, 1);
  let result = cond;
  if (p.peek() === Tok.Question) {
    p.consume();
    const trueExpr = parseExpression(p);
    p.expect(Tok.Colon, '":" in conditional expression');
    const falseExpr = parseExpression(p);
    const c = p.node<ConditionalExpression>('conditional', start, p.prevEnd);
    c.condition = cond;
    c.trueExpr = trueExpr;
    c.falseExpr = falseExpr;
    result = c;
  }
  p.leave();
  return result;
}

/** Precedence climbing; recursion depth is bounded by the number of precedence levels. */
function parseBinary(p: ParserState, minPrec: number): Expression {
  let left = parseUnary(p);
  for (;;) {
    const t = p.peek();
    const prec = precedence(t);
    if (prec === 0 || prec < minPrec) {
      return left;
    }
    const opStart = p.lx.start;
    const opEnd = p.lx.end;
    const operator = p.text.slice(opStart, opEnd) as BinaryOperator;
    p.consume();
    const right = parseBinary(p, prec + 1);
    const b = p.node<BinaryExpression>('binary', left.offset, right.endOffset);
    b.operator = operator;
    b.operatorOffset = opStart;
    b.operatorEnd = opEnd;
    b.left = left;
    b.right = right;
    left = b;
  }
}

/** Unary operators are collected in a loop so `!!!!…` cannot recurse. */
function parseUnary(p: ParserState): Expression {
  let ops: { op: '!' | '-'; start: number }[] | null = null;
  for (let t = p.peek(); t === Tok.Bang || t === Tok.Minus; t = p.peek()) {
    (ops ??= []).push({ op: t === Tok.Bang ? '!' : '-', start: p.lx.start });
    p.consume();
  }
  let expr = parsePostfix(p);
  if (ops) {
    for (let k = ops.length - 1; k >= 0; k--) {
      const u = p.node<UnaryExpression>('unary', ops[k].start, expr.endOffset);
      u.operator = ops[k].op;
      u.operand = expr;
      expr = u;
    }
  }
  return expr;
}

/** A primary expression followed by attribute, index and splat steps. */
function parsePostfix(p: ParserState): Expression {
  let expr = parsePrimary(p);
  let steps: TraversalStep[] | null = expr.kind === 'scopeTraversal' ? expr.steps : null;
  for (;;) {
    const t = p.peek();
    if (t !== Tok.Dot && t !== Tok.LBrack) {
      return fitSteps(expr);
    }
    const stepStart = p.lx.start;
    if (t === Tok.Dot && p.peekSecond() === Tok.Star) {
      p.consume();
      p.consume();
      expr = parseSplat(p, fitSteps(expr), false);
      steps = null;
      continue;
    }
    if (t === Tok.LBrack && p.peekSecond() === Tok.Star) {
      p.consume();
      p.consume();
      p.expect(Tok.RBrack, '"]" after "[*"');
      expr = parseSplat(p, fitSteps(expr), true);
      steps = null;
      continue;
    }
    const step = parseStep(p);
    if (step === null) {
      return fitSteps(expr);
    }
    if (steps === null) {
      const r = p.node<RelativeTraversalExpression>('relativeTraversal', expr.offset, stepStart);
      r.source = expr;
      r.steps = [];
      expr = r;
      steps = r.steps;
    }
    steps.push(step);
    p.endAt(expr, step.endOffset);
  }
}

/** A traversal whose steps are complete, with their list fitted (see {@link fit}). */
function fitSteps(expr: Expression): Expression {
  if (expr.kind === 'scopeTraversal' || expr.kind === 'relativeTraversal') {
    expr.steps = fit(expr.steps);
  }
  return expr;
}

/** Parses `.name`, `.0` or `[expr]` at the current token; null (after an error) if malformed. */
function parseStep(p: ParserState): TraversalStep | null {
  const start = p.lx.start;
  if (p.peek() === Tok.Dot) {
    p.consume();
    const t = p.peek();
    if (t === Tok.Ident) {
      const name = p.tokenText();
      p.consume();
      const a = p.node<AttributeStep>('attr', start, p.prevEnd);
      a.name = name;
      return a;
    }
    if (t === Tok.Number) {
      // Legacy index `.0`: take the digits only, so `a.0.1` is two steps.
      const numStart = p.lx.start;
      const end = p.lx.scanDigits(numStart);
      p.resetTo(end);
      p.prevEnd = end;
      const raw = p.text.slice(numStart, end);
      const key = p.node<LiteralExpression>('literal', numStart, end);
      key.value = Number(raw);
      key.raw = raw;
      const i = p.node<IndexStep>('index', start, end);
      i.key = key;
      i.legacy = true;
      return i;
    }
    p.errorAtToken(`expected an attribute name after ".", found ${p.describeToken()}`);
    return null;
  }
  p.consume();
  const saved = p.ignoreNewlines;
  p.ignoreNewlines = true;
  const key = parseExpression(p);
  const closed = p.peek() === Tok.RBrack;
  if (closed) {
    p.consume();
  } else {
    p.errorAtToken(`expected "]" to close the index, found ${p.describeToken()}`);
    p.recover(Tok.RBrack);
  }
  p.ignoreNewlines = saved;
  const i = p.node<IndexStep>('index', start, p.prevEnd);
  i.key = key;
  return i;
}

/** Steps after `.*` (attributes only) or `[*]` (attributes and indexes) apply to each element. */
function parseSplat(p: ParserState, source: Expression, full: boolean): SplatExpression {
  const node = p.node<SplatExpression>('splat', source.offset, p.prevEnd);
  node.source = source;
  node.full = full;
  node.steps = [];
  for (;;) {
    const t = p.peek();
    if (t === Tok.Dot) {
      const second = p.peekSecond();
      if (second === Tok.Star || (!full && second !== Tok.Ident)) {
        break;
      }
    } else if (t !== Tok.LBrack || !full || p.peekSecond() === Tok.Star) {
      break;
    }
    const step = parseStep(p);
    if (step === null) {
      break;
    }
    node.steps.push(step);
  }
  node.steps = fit(node.steps);
  p.endAt(node, p.prevEnd);
  return node;
}

function parsePrimary(p: ParserState): Expression {
  const t = p.peek();
  const start = p.lx.start;
  switch (t) {
    case Tok.Number: {
      const raw = p.tokenText();
      p.consume();
      const n = p.node<LiteralExpression>('literal', start, p.prevEnd);
      n.value = Number(raw);
      n.raw = raw;
      return n;
    }
    case Tok.Ident:
      if (p.ignoreNewlines && p.atItemLineStart()) {
        // Inside brackets a line `name = ...` means the bracket was never closed.
        p.errorAtToken(`expected an expression, found the start of a new attribute or block`);
        return p.node<Expression>('invalid', start, start);
      }
      return parseIdentExpression(p);
    case Tok.OQuote:
      p.consume();
      return parseQuoted(p, start);
    case Tok.Heredoc:
      return parseHeredoc(p);
    case Tok.LParen:
      return parseParentheses(p);
    case Tok.LBrack:
      return parseTuple(p);
    case Tok.LBrace:
      return parseObject(p);
    default:
      p.errorAtToken(`expected an expression, found ${p.describeToken()}`);
      if (t === Tok.Invalid || t === Tok.Tilde) {
        p.consume();
        return p.node<Expression>('invalid', start, p.prevEnd);
      }
      return p.node<Expression>('invalid', start, start);
  }
}

function parseIdentExpression(p: ParserState): Expression {
  const start = p.lx.start;
  const name = p.tokenText();
  p.consume();
  const t = p.peek();
  if (t === Tok.LParen || t === Tok.DoubleColon) {
    return parseCall(p, name, start);
  }
  if (name === 'true' || name === 'false' || name === 'null') {
    const n = p.node<LiteralExpression>('literal', start, p.prevEnd);
    n.value = name === 'null' ? null : name === 'true';
    return n;
  }
  const n = p.node<ScopeTraversalExpression>('scopeTraversal', start, p.prevEnd);
  n.root = name;
  n.steps = [];
  return n;
}

/** `name(...)` or `provider::ns::name(...)`; the first name is consumed. */
function parseCall(p: ParserState, first: string, start: number): Expression {
  let name = first;
  while (p.peek() === Tok.DoubleColon) {
    p.consume();
    if (p.peek() !== Tok.Ident) {
      p.errorAtToken(`expected a function name after "::", found ${p.describeToken()}`);
      return p.node<Expression>('invalid', start, p.prevEnd);
    }
    name += '::' + p.tokenText();
    p.consume();
  }
  const nameEnd = p.prevEnd;
  if (!p.expect(Tok.LParen, '"(" to call the function')) {
    return p.node<Expression>('invalid', start, p.prevEnd);
  }
  const node = p.node<FunctionCallExpression>('functionCall', start, start);
  node.name = name;
  node.nameEnd = nameEnd;
  node.args = [];
  node.expandFinal = false;
  const saved = p.ignoreNewlines;
  p.ignoreNewlines = true;
  while (p.peek() !== Tok.RParen) {
    node.args.push(parseExpression(p));
    let t = p.peek();
    if (t === Tok.Ellipsis) {
      node.expandFinal = true;
      p.consume();
      t = p.peek();
      if (t !== Tok.RParen) {
        p.errorAtToken('"..." may only follow the last argument');
      }
    }
    if (t === Tok.Comma) {
      p.consume();
    } else if (t !== Tok.RParen) {
      p.errorAtToken(`expected "," or ")" in the argument list, found ${p.describeToken()}`);
      p.recover(Tok.RParen);
      p.ignoreNewlines = saved;
      node.args = fit(node.args);
      return p.finish(node, start);
    }
  }
  p.consume();
  p.ignoreNewlines = saved;
  node.args = fit(node.args);
  return p.finish(node, start);
}

function parseParentheses(p: ParserState): Expression {
  const start = p.lx.start;
  p.consume();
  const saved = p.ignoreNewlines;
  p.ignoreNewlines = true;
  const expr = parseExpression(p);
  if (p.peek() === Tok.RParen) {
    p.consume();
  } else {
    p.errorAtToken(`expected ")", found ${p.describeToken()}`);
    p.recover(Tok.RParen);
  }
  p.ignoreNewlines = saved;
  const node = p.node<ParenthesesExpression>('parentheses', start, p.prevEnd);
  node.expr = expr;
  return node;
}
