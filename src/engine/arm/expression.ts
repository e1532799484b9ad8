/**
 * The ARM template expression language (`[concat(parameters('a'), '-x')[0]]`): a tokenizer and a
 * recursive-descent parser. Linear in the input, no regular expressions, nesting bounded by
 * {@link MAX_EXPR_DEPTH}; errors are returned, never thrown.
 */

export type Expr =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'prop'; obj: Expr; name: string }
  | { k: 'index'; obj: Expr; index: Expr };

export type ParsedExpr = { ok: true; expr: Expr } | { ok: false; error: string };

export const MAX_EXPR_DEPTH = 64;

/** Whether a JSON string value is a template expression (`[...]`, but not the `[[` escape). */
export function isExpression(s: string): boolean {
  return s.length >= 2 && s.charCodeAt(0) === 91 && s.charCodeAt(1) !== 91 && s.charCodeAt(s.length - 1) === 93;
}

/** The literal a `[[...` string stands for: the first `[` is dropped. */
export function unescapeLiteral(s: string): string {
  return s.length >= 2 && s.charCodeAt(0) === 91 && s.charCodeAt(1) === 91 ? s.slice(1) : s;
}

type Tok =
  | { t: 'punct'; v: string; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'num'; v: number; at: number }
  | { t: 'ident'; v: string; at: number }
  | { t: 'end'; at: number };

class ParseError extends Error {}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else if (c === 39 /* ' */) {
      const at = i;
      let out = '';
      let start = ++i;
      for (;;) {
        if (i >= n) {
          throw new ParseError(`unterminated string at ${at}`);
        }
        if (src.charCodeAt(i) === 39) {
          out += src.slice(start, i);
          if (src.charCodeAt(i + 1) === 39) {
            out += "'";
            i += 2;
            start = i;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      toks.push({ t: 'str', v: out, at });
    } else if (isDigit(c) || (c === 45 && isDigit(src.charCodeAt(i + 1)))) {
      const at = i;
      i++;
      while (i < n && (isDigit(src.charCodeAt(i)) || src.charCodeAt(i) === 46)) {
        i++;
      }
      toks.push({ t: 'num', v: Number(src.slice(at, i)), at });
    } else if (isIdentStart(c)) {
      const at = i;
      while (i < n && (isIdentStart(src.charCodeAt(i)) || isDigit(src.charCodeAt(i)) || src.charCodeAt(i) === 45)) {
        i++;
      }
      toks.push({ t: 'ident', v: src.slice(at, i), at });
    } else if (c === 40 || c === 41 || c === 91 || c === 93 || c === 44 || c === 46) {
      toks.push({ t: 'punct', v: src[i], at: i });
      i++;
    } else {
      throw new ParseError(`unexpected character '${src[i]}' at ${i}`);
    }
  }
  toks.push({ t: 'end', at: n });
  return toks;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.pos];
  }

  private punct(v: string): boolean {
    const t = this.peek();
    if (t.t === 'punct' && t.v === v) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(v: string): void {
    if (!this.punct(v)) {
      throw new ParseError(`expected '${v}' at ${this.peek().at}`);
    }
  }

  parseAll(): Expr {
    const e = this.expr();
    if (this.peek().t !== 'end') {
      throw new ParseError(`unexpected input at ${this.peek().at}`);
    }
    return e;
  }

  private expr(): Expr {
    if (++this.depth > MAX_EXPR_DEPTH) {
      throw new ParseError(`expression nested deeper than ${MAX_EXPR_DEPTH} levels`);
    }
    let e = this.primary();
    for (;;) {
      if (this.punct('.')) {
        const t = this.peek();
        if (t.t !== 'ident') {
          throw new ParseError(`expected a property name at ${t.at}`);
        }
        this.pos++;
        e = { k: 'prop', obj: e, name: t.v };
      } else if (this.punct('[')) {
        const index = this.expr();
        this.expect(']');
        e = { k: 'index', obj: e, index };
      } else {
        break;
      }
    }
    this.depth--;
    return e;
  }

  private primary(): Expr {
    const t = this.peek();
    this.pos++;
    if (t.t === 'str') {
      return { k: 'str', v: t.v };
    }
    if (t.t === 'num') {
      return { k: 'num', v: t.v };
    }
    if (t.t === 'ident') {
      let name = t.v;
      // User-defined functions are called as `namespace.member(...)`.
      const next = this.toks[this.pos + 1];
      if (this.peek().t === 'punct' && (this.peek() as { v: string }).v === '.' && next?.t === 'ident') {
        const after = this.toks[this.pos + 2];
        if (after?.t === 'punct' && after.v === '(') {
          this.pos += 2;
          name = `${name}.${next.v}`;
        }
      }
      this.expect('(');
      const args: Expr[] = [];
      if (!this.punct(')')) {
        do {
          args.push(this.expr());
        } while (this.punct(','));
        this.expect(')');
      }
      return { k: 'call', name: name.toLowerCase(), args };
    }
    throw new ParseError(`unexpected ${t.t === 'end' ? 'end of expression' : `'${t.v}'`} at ${t.at}`);
  }
}

/** Parses the inside of a `[...]` template expression (without the brackets). */
export function parseExpression(src: string): ParsedExpr {
  try {
    return { ok: true, expr: new Parser(tokenize(src)).parseAll() };
  } catch (e) {
    if (e instanceof ParseError) {
      return { ok: false, error: e.message };
    }
    throw e;
  }
}
