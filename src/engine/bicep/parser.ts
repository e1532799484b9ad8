import type {
  BicepFile,
  Decorator,
  Expr,
  FuncDecl,
  Identifier,
  ImportDecl,
  ParseError,
  ResourceDecl,
  Statement,
} from './ast';
import { lex } from './lexer';
import { ParseFailure, STATEMENT_KEYWORDS } from './parse-common';
import { TypeParser } from './parse-type';
import { T, type Token } from './tokens';

/**
 * Parses a `.bicep` or `.bicepparam` file. Never throws: an error abandons the statement it occurs
 * in, is recorded with its range, and parsing resumes at the next line that starts (at column 0)
 * with a statement keyword or a decorator. Runs in time linear in the input.
 */
export function parseBicep(text: string): BicepFile {
  const lexed = lex(text);
  const parser = new BicepParser(lexed.tokens);
  const statements = parser.parseProgram();
  const errors: ParseError[] = [...lexed.errors, ...parser.errors].sort((a, b) => a.start - b.start);
  return { statements, errors, pragmas: lexed.pragmas, comments: lexed.comments };
}

class BicepParser extends TypeParser {
  readonly errors: ParseError[] = [];

  parseProgram(): Statement[] {
    const out: Statement[] = [];
    for (;;) {
      this.skipNL();
      if (this.at(T.EOF)) {
        return out;
      }
      const startIndex = this.p;
      try {
        this.depth = 0;
        this.nlFree = false;
        const decorators = this.parseDecorators();
        const stmt = this.parseStatement(decorators);
        if (!this.at(T.NewLine) && !this.at(T.EOF)) {
          this.fail('expected a new line after the declaration');
        }
        out.push(stmt);
      } catch (e) {
        if (!(e instanceof ParseFailure)) {
          throw e;
        }
        this.errors.push({ start: e.start, end: e.end, message: e.message });
        this.recover(startIndex);
      }
    }
  }

  /** Skips to the next column-0 statement keyword or decorator after the failed statement's start. */
  private recover(startIndex: number): void {
    if (this.p <= startIndex) {
      this.p = startIndex + 1;
    }
    while (!this.at(T.EOF) && !(this.p > startIndex && this.atStatementStart())) {
      this.p++;
    }
  }

  protected parseDecorators(): Decorator[] {
    const out: Decorator[] = [];
    while (this.at(T.At)) {
      const at = this.next();
      const expr = this.parsePostfix(this.parsePrimary());
      out.push({ expr, start: at.start, end: expr.end });
      this.skipNL();
    }
    return out;
  }

  protected parseNestedResource(decorators: Decorator[]): ResourceDecl {
    if (!this.atIdent('resource')) {
      this.fail("expected 'resource' after the decorators");
    }
    return this.parseResource(decorators);
  }

  private startOf(decorators: Decorator[]): number {
    return decorators[0]?.start ?? this.cur().start;
  }

  private stringToken(what: string): Token {
    if (!this.at(T.String)) {
      this.fail(`expected ${what} as a string without interpolation`);
    }
    return this.next();
  }

  private parseStatement(decorators: Decorator[]): Statement {
    const kw = this.cur();
    if (kw.kind !== T.Identifier || !STATEMENT_KEYWORDS.has(kw.value)) {
      this.fail('expected a declaration (param, var, resource, module, output, ...)');
    }
    const start = this.startOf(decorators);
    const base = { decorators, start };
    switch (kw.value) {
      case 'targetScope': {
        this.next();
        this.expect(T.Assign, "'='");
        const value = this.parseExpr();
        return { kind: 'targetScope', ...base, value, end: value.end };
      }
      case 'metadata':
      case 'assert': {
        this.next();
        const name = this.expectIdent('a name');
        this.expect(T.Assign, "'='");
        const value = this.parseExpr();
        return { kind: kw.value, ...base, name, value, end: value.end };
      }
      case 'test': {
        this.next();
        const name = this.expectIdent('a name');
        const path = this.stringToken('the file path').value;
        this.expect(T.Assign, "'='");
        const value = this.parseExpr();
        return { kind: 'test', ...base, name, path, value, end: value.end };
      }
      case 'param': {
        this.next();
        const name = this.expectIdent('a parameter name');
        const type = this.at(T.Assign) ? undefined : this.parseType();
        let value: Expr | undefined;
        if (this.at(T.Assign)) {
          this.next();
          this.skipNL();
          value = this.parseExpr();
        }
        return { kind: 'param', ...base, name, type, value, end: this.lastEnd };
      }
      case 'var': {
        this.next();
        const name = this.expectIdent('a variable name');
        const type = this.at(T.Assign) ? undefined : this.parseType();
        this.expect(T.Assign, "'='");
        this.skipNL();
        const value = this.parseExpr();
        return { kind: 'var', ...base, name, type, value, end: value.end };
      }
      case 'output': {
        this.next();
        const name = this.expectIdent('an output name');
        const type = this.parseType();
        this.expect(T.Assign, "'='");
        this.skipNL();
        const value = this.parseExpr();
        return { kind: 'output', ...base, name, type, value, end: value.end };
      }
      case 'resource':
        return this.parseResource(decorators);
      case 'module': {
        this.next();
        const name = this.expectIdent('a module name');
        const path = this.stringToken('the module path');
        this.expect(T.Assign, "'='");
        this.skipNL();
        const value = this.parseExpr();
        return {
          kind: 'module',
          ...base,
          keywordStart: kw.start,
          name,
          path: path.value,
          pathStart: path.start,
          pathEnd: path.end,
          value,
          end: value.end,
        };
      }
      case 'type': {
        this.next();
        const name = this.expectIdent('a type name');
        this.expect(T.Assign, "'='");
        this.skipNL();
        const type = this.parseType();
        return { kind: 'type', ...base, name, type, end: type.end };
      }
      case 'func':
        return this.parseFunc(decorators);
      case 'import':
        return this.parseImport(decorators);
      case 'extension':
      case 'provider': {
        this.next();
        const spec = this.parsePrimary();
        const { config, alias } = this.parseWithAs();
        return { kind: 'extension', ...base, keyword: kw.value, spec, config, alias, end: this.lastEnd };
      }
      case 'using':
      case 'extends': {
        this.next();
        if (kw.value === 'using' && this.atIdent('none')) {
          const t = this.next();
          return { kind: 'using', ...base, pathStart: t.start, pathEnd: t.end, end: t.end };
        }
        const path = this.stringToken('the template path');
        const { config } = this.parseWithAs();
        return {
          kind: kw.value,
          ...base,
          path: path.value,
          pathStart: path.start,
          pathEnd: path.end,
          config,
          end: this.lastEnd,
        };
      }
      default:
        return this.fail('expected a declaration');
    }
  }

  private parseResource(decorators: Decorator[]): ResourceDecl {
    const start = this.startOf(decorators);
    const keywordStart = this.next().start;
    const name = this.expectIdent('a resource name');
    const type = this.stringToken('the resource type');
    const existing = this.atIdent('existing');
    if (existing) {
      this.next();
    }
    this.expect(T.Assign, "'='");
    this.skipNL();
    const value = this.parseExpr();
    return {
      kind: 'resource',
      decorators,
      keywordStart,
      name,
      typeString: type.value,
      typeStart: type.start,
      typeEnd: type.end,
      existing,
      value,
      start,
      end: value.end,
    };
  }

  private parseFunc(decorators: Decorator[]): FuncDecl {
    const start = this.startOf(decorators);
    this.next();
    const name = this.expectIdent('a function name');
    if (!this.at(T.LParen)) {
      this.fail("expected '('");
    }
    const params = this.parseParenList(() => ({ name: this.expectIdent('a parameter name'), type: this.parseType() }));
    const returnType = this.parseType();
    this.expect(T.Arrow, "'=>'");
    this.skipNL();
    const body = this.parseExpr();
    return { kind: 'func', decorators, name, params, returnType, body, start, end: body.end };
  }

  private parseImport(decorators: Decorator[]): ImportDecl {
    const start = this.startOf(decorators);
    this.next();
    const base = { kind: 'import' as const, decorators, start };
    if (this.at(T.LBrace)) {
      this.next();
      const names: NonNullable<ImportDecl['names']> = [];
      for (;;) {
        while (this.at(T.NewLine) || this.at(T.Comma)) {
          this.next();
        }
        if (this.at(T.RBrace)) {
          break;
        }
        const name = this.expectIdent('an imported name');
        let alias: Identifier | undefined;
        if (this.atIdent('as')) {
          this.next();
          alias = this.expectIdent('an alias');
        }
        names.push({ name, alias });
      }
      this.next();
      const from = this.parseFrom();
      return { ...base, names, from, end: this.lastEnd };
    }
    if (this.at(T.Star)) {
      this.next();
      if (!this.atIdent('as')) {
        this.fail("expected 'as'");
      }
      this.next();
      const wildcardAlias = this.expectIdent('an alias');
      const from = this.parseFrom();
      return { ...base, wildcardAlias, from, end: this.lastEnd };
    }
    const spec = this.parsePrimary();
    const { config, alias } = this.parseWithAs();
    return { ...base, spec, config, alias, end: this.lastEnd };
  }

  private parseFrom(): Expr {
    if (!this.atIdent('from')) {
      this.fail("expected 'from'");
    }
    this.next();
    return this.parsePrimary();
  }

  /** The optional `with { ... }` and `as alias` of import, extension and using declarations. */
  private parseWithAs(): { config?: Expr; alias?: Identifier } {
    let config: Expr | undefined;
    let alias: Identifier | undefined;
    if (this.atIdent('with')) {
      this.next();
      config = this.parseObject();
    }
    if (this.atIdent('as')) {
      this.next();
      alias = this.expectIdent('an alias');
    }
    return { config, alias };
  }
}
