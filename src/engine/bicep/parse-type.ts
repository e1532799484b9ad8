// Type expressions of `param`, `output`, `type` and `func` declarations: names, literals, unions,
// nullable `?`, arrays `[]`, tuples, object types with decorators and optional properties, generic
// forms such as `resourceInput<'T@v'>` and `resource 'T@v'`, and member/index access into types.
import type { Decorator, Expr, TypeExpr, TypeProperty } from './ast';
import { BicepParserState } from './parse-state';
import { parseDecorators } from './parser';
import { T } from './tokens';

export function parseType(s: BicepParserState): TypeExpr {
  s.enter();
  if (s.at(T.NewLine) && s.toks[s.afterNL()].kind === T.Pipe) {
    s.skipNL();
  }
  const start = s.cur().start;
  if (s.at(T.Pipe)) {
    s.next();
    s.skipNL();
  }
  const members = [parseTypePostfix(s)];
  for (;;) {
    if (s.at(T.NewLine) && s.toks[s.afterNL()].kind === T.Pipe) {
      s.skipNL();
    }
    if (!s.at(T.Pipe)) {
      break;
    }
    s.next();
    s.skipNL();
    members.push(parseTypePostfix(s));
  }
  s.depth--;
  return members.length === 1 ? members[0] : { kind: 'typeUnion', members, start, end: s.lastEnd };
}

function parseTypePostfix(s: BicepParserState): TypeExpr {
  let t = parseTypePrimary(s);
  for (;;) {
    if (s.at(T.LBracket)) {
      s.next();
      if (s.at(T.RBracket)) {
        s.next();
        t = { kind: 'typeArray', item: t, start: t.start, end: s.lastEnd };
      } else {
        const idx = s.at(T.Star) || s.at(T.Number) ? s.next().value || '*' : s.fail("expected ']'");
        s.expect(T.RBracket, "']'");
        t = { kind: 'typeIndex', object: t, index: idx, start: t.start, end: s.lastEnd };
      }
    } else if (s.at(T.Dot)) {
      s.next();
      const name = s.at(T.Star) ? (s.next(), '*') : s.expectIdent('a property name').name;
      t = { kind: 'typeMember', object: t, name, start: t.start, end: s.lastEnd };
    } else if (s.at(T.Question)) {
      s.next();
      t = { kind: 'typeNullable', type: t, start: t.start, end: s.lastEnd };
    } else {
      return t;
    }
  }
}

function literal(value: Expr): TypeExpr {
  return { kind: 'typeLiteral', value, start: value.start, end: value.end };
}

function parseTypePrimary(s: BicepParserState): TypeExpr {
  const t = s.cur();
  switch (t.kind) {
    case T.Identifier: {
      s.next();
      if (t.value === 'true' || t.value === 'false') {
        return literal({ kind: 'bool', value: t.value === 'true', start: t.start, end: t.end });
      }
      if (t.value === 'null') {
        return literal({ kind: 'null', start: t.start, end: t.end });
      }
      if (t.value === 'resource' && s.at(T.String)) {
        const str = s.next();
        const arg = literal({ kind: 'string', value: str.value, start: str.start, end: str.end });
        return { kind: 'typeGeneric', name: 'resource', args: [arg], start: t.start, end: str.end };
      }
      const name = t.value;
      if (s.at(T.Less)) {
        s.next();
        const args: TypeExpr[] = [];
        for (;;) {
          args.push(parseType(s));
          if (s.at(T.Comma)) {
            s.next();
            continue;
          }
          break;
        }
        s.expect(T.Greater, "'>'");
        return { kind: 'typeGeneric', name, args, start: t.start, end: s.lastEnd };
      }
      return { kind: 'typeRef', name, start: t.start, end: t.end };
    }
    case T.String:
      s.next();
      return literal({ kind: 'string', value: t.value, start: t.start, end: t.end });
    case T.Number:
      s.next();
      return literal({ kind: 'number', value: Number(t.value), start: t.start, end: t.end });
    case T.Minus: {
      s.next();
      const n = s.expect(T.Number, 'a number');
      return literal({ kind: 'number', value: -Number(n.value), start: t.start, end: n.end });
    }
    case T.LParen: {
      s.next();
      s.skipNL();
      const inner = parseType(s);
      s.skipNL();
      s.expect(T.RParen, "')'");
      return { kind: 'typeParen', type: inner, start: t.start, end: s.lastEnd };
    }
    case T.LBracket:
      return parseTuple(s);
    case T.LBrace:
      return parseObjectType(s);
    default:
      return s.fail('expected a type');
  }
}

function parseTuple(s: BicepParserState): TypeExpr {
  const start = s.cur().start;
  const items: TypeExpr[] = [];
  s.parseList(T.RBracket, ']', () => {
    parseDecorators(s);
    items.push(parseType(s));
  });
  return { kind: 'typeTuple', items, start, end: s.lastEnd };
}

function parseObjectType(s: BicepParserState): TypeExpr {
  const start = s.cur().start;
  const properties: TypeProperty[] = [];
  s.parseList(T.RBrace, '}', () => {
    const decorators: Decorator[] = parseDecorators(s);
    const k = s.cur();
    let key: string;
    if (k.kind === T.Identifier || k.kind === T.String) {
      key = k.value;
    } else if (k.kind === T.Star) {
      key = '*';
    } else {
      s.fail('expected a property name');
    }
    s.next();
    const optional = s.at(T.Question);
    if (optional) {
      s.next();
    }
    s.expect(T.Colon, "':'");
    s.skipNL();
    const type = parseType(s);
    properties.push({ key, optional, decorators, type, start: decorators[0]?.start ?? k.start, end: type.end });
  });
  return { kind: 'typeObject', properties, start, end: s.lastEnd };
}
