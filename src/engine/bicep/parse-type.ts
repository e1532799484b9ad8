import type { Decorator, Expr, TypeExpr, TypeProperty } from './ast';
import { ExprParser } from './parse-expr';
import { T } from './tokens';

/**
 * Type expressions of `param`, `output`, `type` and `func` declarations: names, literals, unions,
 * nullable `?`, arrays `[]`, tuples, object types with decorators and optional properties, generic
 * forms such as `resourceInput<'T@v'>` and `resource 'T@v'`, and member/index access into types.
 */
export abstract class TypeParser extends ExprParser {
  parseType(): TypeExpr {
    this.enter();
    if (this.at(T.NewLine) && this.toks[this.afterNL()].kind === T.Pipe) {
      this.skipNL();
    }
    const start = this.cur().start;
    if (this.at(T.Pipe)) {
      this.next();
      this.skipNL();
    }
    const members = [this.parseTypePostfix()];
    for (;;) {
      if (this.at(T.NewLine) && this.toks[this.afterNL()].kind === T.Pipe) {
        this.skipNL();
      }
      if (!this.at(T.Pipe)) {
        break;
      }
      this.next();
      this.skipNL();
      members.push(this.parseTypePostfix());
    }
    this.depth--;
    return members.length === 1 ? members[0] : { kind: 'typeUnion', members, start, end: this.lastEnd };
  }

  private parseTypePostfix(): TypeExpr {
    let t = this.parseTypePrimary();
    for (;;) {
      if (this.at(T.LBracket)) {
        this.next();
        if (this.at(T.RBracket)) {
          this.next();
          t = { kind: 'typeArray', item: t, start: t.start, end: this.lastEnd };
        } else {
          const idx = this.at(T.Star) || this.at(T.Number) ? this.next().value || '*' : this.fail("expected ']'");
          this.expect(T.RBracket, "']'");
          t = { kind: 'typeIndex', object: t, index: idx, start: t.start, end: this.lastEnd };
        }
      } else if (this.at(T.Dot)) {
        this.next();
        const name = this.at(T.Star) ? (this.next(), '*') : this.expectIdent('a property name').name;
        t = { kind: 'typeMember', object: t, name, start: t.start, end: this.lastEnd };
      } else if (this.at(T.Question)) {
        this.next();
        t = { kind: 'typeNullable', type: t, start: t.start, end: this.lastEnd };
      } else {
        return t;
      }
    }
  }

  private literal(value: Expr): TypeExpr {
    return { kind: 'typeLiteral', value, start: value.start, end: value.end };
  }

  private parseTypePrimary(): TypeExpr {
    const t = this.cur();
    switch (t.kind) {
      case T.Identifier: {
        this.next();
        if (t.value === 'true' || t.value === 'false') {
          return this.literal({ kind: 'bool', value: t.value === 'true', start: t.start, end: t.end });
        }
        if (t.value === 'null') {
          return this.literal({ kind: 'null', start: t.start, end: t.end });
        }
        if (t.value === 'resource' && this.at(T.String)) {
          const s = this.next();
          const arg = this.literal({ kind: 'string', value: s.value, start: s.start, end: s.end });
          return { kind: 'typeGeneric', name: 'resource', args: [arg], start: t.start, end: s.end };
        }
        const name = t.value;
        if (this.at(T.Less)) {
          this.next();
          const args: TypeExpr[] = [];
          for (;;) {
            args.push(this.parseType());
            if (this.at(T.Comma)) {
              this.next();
              continue;
            }
            break;
          }
          this.expect(T.Greater, "'>'");
          return { kind: 'typeGeneric', name, args, start: t.start, end: this.lastEnd };
        }
        return { kind: 'typeRef', name, start: t.start, end: t.end };
      }
      case T.String:
        this.next();
        return this.literal({ kind: 'string', value: t.value, start: t.start, end: t.end });
      case T.Number:
        this.next();
        return this.literal({ kind: 'number', value: Number(t.value), start: t.start, end: t.end });
      case T.Minus: {
        this.next();
        const n = this.expect(T.Number, 'a number');
        return this.literal({ kind: 'number', value: -Number(n.value), start: t.start, end: n.end });
      }
      case T.LParen: {
        this.next();
        this.skipNL();
        const inner = this.parseType();
        this.skipNL();
        this.expect(T.RParen, "')'");
        return { kind: 'typeParen', type: inner, start: t.start, end: this.lastEnd };
      }
      case T.LBracket:
        return this.parseTuple();
      case T.LBrace:
        return this.parseObjectType();
      default:
        return this.fail('expected a type');
    }
  }

  private parseTuple(): TypeExpr {
    const start = this.cur().start;
    const items: TypeExpr[] = [];
    this.parseList(T.RBracket, ']', () => {
      this.parseDecorators();
      items.push(this.parseType());
    });
    return { kind: 'typeTuple', items, start, end: this.lastEnd };
  }

  private parseObjectType(): TypeExpr {
    const start = this.cur().start;
    const properties: TypeProperty[] = [];
    this.parseList(T.RBrace, '}', () => {
      const decorators: Decorator[] = this.parseDecorators();
      const k = this.cur();
      let key: string;
      if (k.kind === T.Identifier || k.kind === T.String) {
        key = k.value;
      } else if (k.kind === T.Star) {
        key = '*';
      } else {
        this.fail('expected a property name');
      }
      this.next();
      const optional = this.at(T.Question);
      if (optional) {
        this.next();
      }
      this.expect(T.Colon, "':'");
      this.skipNL();
      const type = this.parseType();
      properties.push({ key, optional, decorators, type, start: decorators[0]?.start ?? k.start, end: type.end });
    });
    return { kind: 'typeObject', properties, start, end: this.lastEnd };
  }
}
