// Collection constructors of HCL native syntax (spec "Collection Values" and "For Expressions"):
// tuples, objects and `for` expressions. The expression grammar itself is in expressions.ts.
import { fit } from '../../text/fit';
import type {
  Expression,
  ForExpression,
  LiteralExpression,
  ObjectExpression,
  ObjectItem,
  TupleExpression,
} from './ast';
import { parseExpression } from './expressions';
import { Tok } from './lexer';
import { ParserState, Recovery } from './state';

/** True if the current token is `for` followed by an identifier (else `for` is a variable). */
function atForKeyword(p: ParserState): boolean {
  return p.peek() === Tok.Ident && p.tokenText() === 'for' && p.peekSecond() === Tok.Ident;
}

export function parseTuple(p: ParserState): Expression {
  const start = p.lx.start;
  p.consume();
  const saved = p.ignoreNewlines;
  p.ignoreNewlines = true;
  if (atForKeyword(p)) {
    const f = parseFor(p, start, false);
    p.ignoreNewlines = saved;
    return f;
  }
  const node = p.node<TupleExpression>('tuple', start, start);
  node.items = [];
  while (p.peek() !== Tok.RBrack) {
    node.items.push(parseExpression(p));
    const t = p.peek();
    if (t === Tok.Comma) {
      p.consume();
    } else if (t !== Tok.RBrack) {
      p.errorAtToken(`expected "," or "]" in the tuple, found ${p.describeToken()}`);
      p.recover(Tok.RBrack);
      p.ignoreNewlines = saved;
      node.items = fit(node.items);
      return p.finish(node, start);
    }
  }
  p.consume();
  p.ignoreNewlines = saved;
  node.items = fit(node.items);
  return p.finish(node, start);
}

export function parseObject(p: ParserState): Expression {
  const start = p.lx.start;
  p.consume();
  const saved = p.ignoreNewlines;
  p.ignoreNewlines = true;
  if (atForKeyword(p)) {
    const f = parseFor(p, start, true);
    p.ignoreNewlines = saved;
    return f;
  }
  // Items are separated by commas or newlines, so newlines matter here.
  p.ignoreNewlines = false;
  const node = p.node<ObjectExpression>('object', start, start);
  node.items = [];
  for (;;) {
    let t = p.peek();
    while (t === Tok.Newline) {
      p.consume();
      t = p.peek();
    }
    if (t === Tok.RBrace) {
      p.consume();
      break;
    }
    if (t === Tok.EOF) {
      p.error('expected "}" to close the object', start, start + 1);
      break;
    }
    const item = parseObjectItem(p);
    if (item) {
      node.items.push(item);
    }
    t = p.peek();
    if (t === Tok.Comma || t === Tok.Newline) {
      p.consume();
    } else if (t !== Tok.RBrace) {
      if (item) {
        p.errorAtToken(`expected "," or newline after the object item, found ${p.describeToken()}`);
      }
      if (p.recover(Tok.RBrace) === Recovery.Closed) {
        break;
      }
      if (p.peek() !== Tok.Ident) {
        break;
      }
    }
  }
  p.ignoreNewlines = saved;
  node.items = fit(node.items);
  return p.finish(node, start);
}

/** `key = value` or `key: value`; null after an error in the key. */
function parseObjectItem(p: ParserState): ObjectItem | null {
  let key = parseExpression(p);
  let bareKey = false;
  if (key.kind === 'scopeTraversal' && key.steps.length === 0) {
    const k = p.node<LiteralExpression>('literal', key.offset, key.endOffset);
    k.value = key.root;
    key = k;
    bareKey = true;
  } else if (key.kind === 'literal' && (key.value === null || typeof key.value === 'boolean')) {
    // A bare `true`, `false` or `null` key names the attribute "true", "false" or "null".
    const k = p.node<LiteralExpression>('literal', key.offset, key.endOffset);
    k.value = p.text.slice(key.offset, key.endOffset);
    key = k;
    bareKey = true;
  }
  const t = p.peek();
  if (t !== Tok.Assign && t !== Tok.Colon) {
    p.errorAtToken(`expected "=" or ":" after the object key, found ${p.describeToken()}`);
    return null;
  }
  p.consume();
  const value = parseExpression(p);
  const item = p.node<ObjectItem>('objectItem', key.offset, value.endOffset);
  item.key = key;
  item.value = value;
  item.bareKey = bareKey;
  return item;
}

/** The rest of `[for ...]` / `{for ...}` after the opening bracket; newlines are ignored. */
function parseFor(p: ParserState, start: number, objectForm: boolean): Expression {
  const closer = objectForm ? Tok.RBrace : Tok.RBrack;
  p.consume(); // `for`
  const node = p.node<ForExpression>('for', start, start);
  node.objectForm = objectForm;
  node.valueVar = '';
  node.collection = p.node<Expression>('invalid', start, start);
  node.valueExpr = p.node<Expression>('invalid', start, start);
  node.grouping = false;
  const fail = (message: string): Expression => {
    p.errorAtToken(`${message}, found ${p.describeToken()}`);
    p.recover(closer);
    return p.finish(node, start);
  };
  const first = p.tokenText();
  p.consume();
  if (p.peek() === Tok.Comma) {
    p.consume();
    if (p.peek() !== Tok.Ident) {
      return fail('expected a variable name after ","');
    }
    node.keyVar = first;
    node.valueVar = p.tokenText();
    p.consume();
  } else {
    node.valueVar = first;
  }
  if (p.peek() !== Tok.Ident || p.tokenText() !== 'in') {
    return fail('expected "in"');
  }
  p.consume();
  node.collection = parseExpression(p);
  if (!p.expect(Tok.Colon, '":" after the for collection')) {
    p.recover(closer);
    return p.finish(node, start);
  }
  if (objectForm) {
    node.keyExpr = parseExpression(p);
    if (!p.expect(Tok.FatArrow, '"=>" in the object for expression')) {
      p.recover(closer);
      return p.finish(node, start);
    }
  }
  node.valueExpr = parseExpression(p);
  if (objectForm && p.peek() === Tok.Ellipsis) {
    p.consume();
    node.grouping = true;
  }
  if (p.peek() === Tok.Ident && p.tokenText() === 'if') {
    p.consume();
    node.condition = parseExpression(p);
  }
  if (p.peek() !== closer) {
    return fail(`expected "${objectForm ? '}' : ']'}" to close the for expression`);
  }
  p.consume();
  return p.finish(node, start);
}
