import { fit } from '../text/fit';
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
import { parseExpr, parseObject, parseParenList, parsePostfix, parsePrimary } from './parse-expr';
import { BicepParserState, ParseFailure, STATEMENT_KEYWORDS } from './parse-state';
import { parseType } from './parse-type';
import { T, type Token } from './tokens';

/**
 * Parses a `.bicep` or `.bicepparam` file. Never throws: an error abandons the statement it occurs
 * in, is recorded with its range, and parsing resumes at the next line that starts (at column 0)
 * with a statement keyword or a decorator. Runs in time linear in the input.
 */
export function parseBicep(text: string): BicepFile {
  const lexed = lex(text);
  const state = new BicepParserState(lexed.tokens);
  const statements = parseProgram(state);
  const errors: ParseError[] = [...lexed.errors, ...state.errors].sort((a, b) => a.start - b.start);
  return { statements, errors, pragmas: lexed.pragmas, comments: lexed.comments };
}

/** Statements until the end of input; a failed statement is recorded and skipped. */
function parseProgram(s: BicepParserState): Statement[] {
  const out: Statement[] = [];
  for (;;) {
    s.skipNL();
    if (s.at(T.EOF)) {
      return out;
    }
    const startIndex = s.p;
    try {
      s.depth = 0;
      s.nlFree = false;
      const decorators = parseDecorators(s);
      const stmt = parseStatement(s, decorators);
      if (!s.at(T.NewLine) && !s.at(T.EOF)) {
        s.fail('expected a new line after the declaration');
      }
      out.push(stmt);
    } catch (e) {
      if (!(e instanceof ParseFailure)) {
        throw e;
      }
      s.errors.push({ start: e.start, end: e.end, message: e.message });
      recover(s, startIndex);
    }
  }
}

/** Skips to the next column-0 statement keyword or decorator after the failed statement's start. */
function recover(s: BicepParserState, startIndex: number): void {
  if (s.p <= startIndex) {
    s.p = startIndex + 1;
  }
  while (!s.at(T.EOF) && !(s.p > startIndex && s.atStatementStart())) {
    s.p++;
  }
}

export function parseDecorators(s: BicepParserState): Decorator[] {
  const out: Decorator[] = [];
  while (s.at(T.At)) {
    const at = s.next();
    const expr = parsePostfix(s, parsePrimary(s));
    out.push({ expr, start: at.start, end: expr.end });
    s.skipNL();
  }
  return fit(out);
}

export function parseNestedResource(s: BicepParserState, decorators: Decorator[]): ResourceDecl {
  if (!s.atIdent('resource')) {
    s.fail("expected 'resource' after the decorators");
  }
  return parseResource(s, decorators);
}

function startOf(s: BicepParserState, decorators: Decorator[]): number {
  return decorators[0]?.start ?? s.cur().start;
}

function stringToken(s: BicepParserState, what: string): Token {
  if (!s.at(T.String)) {
    s.fail(`expected ${what} as a string without interpolation`);
  }
  return s.next();
}

function parseStatement(s: BicepParserState, decorators: Decorator[]): Statement {
  const kw = s.cur();
  if (kw.kind !== T.Identifier || !STATEMENT_KEYWORDS.has(kw.value)) {
    s.fail('expected a declaration (param, var, resource, module, output, ...)');
  }
  const start = startOf(s, decorators);
  const base = { decorators, start };
  switch (kw.value) {
    case 'targetScope': {
      s.next();
      s.expect(T.Assign, "'='");
      const value = parseExpr(s);
      return { kind: 'targetScope', ...base, value, end: value.end };
    }
    case 'metadata':
    case 'assert': {
      s.next();
      const name = s.expectIdent('a name');
      s.expect(T.Assign, "'='");
      const value = parseExpr(s);
      return { kind: kw.value, ...base, name, value, end: value.end };
    }
    case 'test': {
      s.next();
      const name = s.expectIdent('a name');
      const path = stringToken(s, 'the file path').value;
      s.expect(T.Assign, "'='");
      const value = parseExpr(s);
      return { kind: 'test', ...base, name, path, value, end: value.end };
    }
    case 'param': {
      s.next();
      const name = s.expectIdent('a parameter name');
      const type = s.at(T.Assign) ? undefined : parseType(s);
      let value: Expr | undefined;
      if (s.at(T.Assign)) {
        s.next();
        s.skipNL();
        value = parseExpr(s);
      }
      return { kind: 'param', ...base, name, type, value, end: s.lastEnd };
    }
    case 'var': {
      s.next();
      const name = s.expectIdent('a variable name');
      const type = s.at(T.Assign) ? undefined : parseType(s);
      s.expect(T.Assign, "'='");
      s.skipNL();
      const value = parseExpr(s);
      return { kind: 'var', ...base, name, type, value, end: value.end };
    }
    case 'output': {
      s.next();
      const name = s.expectIdent('an output name');
      const type = parseType(s);
      s.expect(T.Assign, "'='");
      s.skipNL();
      const value = parseExpr(s);
      return { kind: 'output', ...base, name, type, value, end: value.end };
    }
    case 'resource':
      return parseResource(s, decorators);
    case 'module': {
      s.next();
      const name = s.expectIdent('a module name');
      const path = stringToken(s, 'the module path');
      s.expect(T.Assign, "'='");
      s.skipNL();
      const value = parseExpr(s);
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
      s.next();
      const name = s.expectIdent('a type name');
      s.expect(T.Assign, "'='");
      s.skipNL();
      const type = parseType(s);
      return { kind: 'type', ...base, name, type, end: type.end };
    }
    case 'func':
      return parseFunc(s, decorators);
    case 'import':
      return parseImport(s, decorators);
    case 'extension':
    case 'provider': {
      s.next();
      const spec = parsePrimary(s);
      const { config, alias } = parseWithAs(s);
      return { kind: 'extension', ...base, keyword: kw.value, spec, config, alias, end: s.lastEnd };
    }
    case 'using':
    case 'extends': {
      s.next();
      if (kw.value === 'using' && s.atIdent('none')) {
        const t = s.next();
        return { kind: 'using', ...base, pathStart: t.start, pathEnd: t.end, end: t.end };
      }
      const path = stringToken(s, 'the template path');
      const { config } = parseWithAs(s);
      return {
        kind: kw.value,
        ...base,
        path: path.value,
        pathStart: path.start,
        pathEnd: path.end,
        config,
        end: s.lastEnd,
      };
    }
    default:
      return s.fail('expected a declaration');
  }
}

function parseResource(s: BicepParserState, decorators: Decorator[]): ResourceDecl {
  const start = startOf(s, decorators);
  const keywordStart = s.next().start;
  const name = s.expectIdent('a resource name');
  const type = stringToken(s, 'the resource type');
  const existing = s.atIdent('existing');
  if (existing) {
    s.next();
  }
  s.expect(T.Assign, "'='");
  s.skipNL();
  const value = parseExpr(s);
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

function parseFunc(s: BicepParserState, decorators: Decorator[]): FuncDecl {
  const start = startOf(s, decorators);
  s.next();
  const name = s.expectIdent('a function name');
  if (!s.at(T.LParen)) {
    s.fail("expected '('");
  }
  const params = parseParenList(s, () => ({ name: s.expectIdent('a parameter name'), type: parseType(s) }));
  const returnType = parseType(s);
  s.expect(T.Arrow, "'=>'");
  s.skipNL();
  const body = parseExpr(s);
  return { kind: 'func', decorators, name, params, returnType, body, start, end: body.end };
}

function parseImport(s: BicepParserState, decorators: Decorator[]): ImportDecl {
  const start = startOf(s, decorators);
  s.next();
  const base = { kind: 'import' as const, decorators, start };
  if (s.at(T.LBrace)) {
    s.next();
    const names: NonNullable<ImportDecl['names']> = [];
    for (;;) {
      while (s.at(T.NewLine) || s.at(T.Comma)) {
        s.next();
      }
      if (s.at(T.RBrace)) {
        break;
      }
      const name = s.expectIdent('an imported name');
      let alias: Identifier | undefined;
      if (s.atIdent('as')) {
        s.next();
        alias = s.expectIdent('an alias');
      }
      names.push({ name, alias });
    }
    s.next();
    const from = parseFrom(s);
    return { ...base, names, from, end: s.lastEnd };
  }
  if (s.at(T.Star)) {
    s.next();
    if (!s.atIdent('as')) {
      s.fail("expected 'as'");
    }
    s.next();
    const wildcardAlias = s.expectIdent('an alias');
    const from = parseFrom(s);
    return { ...base, wildcardAlias, from, end: s.lastEnd };
  }
  const spec = parsePrimary(s);
  const { config, alias } = parseWithAs(s);
  return { ...base, spec, config, alias, end: s.lastEnd };
}

function parseFrom(s: BicepParserState): Expr {
  if (!s.atIdent('from')) {
    s.fail("expected 'from'");
  }
  s.next();
  return parsePrimary(s);
}

/** The optional `with { ... }` and `as alias` of import, extension and using declarations. */
function parseWithAs(s: BicepParserState): { config?: Expr; alias?: Identifier } {
  let config: Expr | undefined;
  let alias: Identifier | undefined;
  if (s.atIdent('with')) {
    s.next();
    config = parseObject(s);
  }
  if (s.atIdent('as')) {
    s.next();
    alias = s.expectIdent('an alias');
  }
  return { config, alias };
}
