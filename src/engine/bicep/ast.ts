/**
 * The Bicep syntax tree. Every node carries `start`/`end` offsets (UTF-16 code units, end exclusive)
 * into the source text; {@link LineMap} turns them into line/character ranges.
 */

interface Span {
  start: number;
  end: number;
}

export interface Identifier extends Span {
  name: string;
}

export type Expr =
  | (Span & { kind: 'string'; value: string })
  | (Span & { kind: 'interp'; parts: string[]; exprs: Expr[] })
  | (Span & { kind: 'number'; value: number })
  | (Span & { kind: 'bool'; value: boolean })
  | (Span & { kind: 'null' })
  | (Span & { kind: 'ident'; name: string })
  | (Span & { kind: 'member'; object: Expr; name: Identifier; safe: boolean })
  | (Span & { kind: 'index'; object: Expr; index: Expr; safe: boolean })
  | (Span & { kind: 'resourceAccess'; object: Expr; name: Identifier })
  | (Span & { kind: 'call'; callee: Expr; name: string; args: Expr[] })
  | (Span & { kind: 'unary'; op: '!' | '-' | '+'; operand: Expr })
  | (Span & { kind: 'nonNull'; operand: Expr })
  | (Span & { kind: 'binary'; op: string; left: Expr; right: Expr })
  | (Span & { kind: 'ternary'; cond: Expr; then: Expr; else: Expr })
  | (Span & { kind: 'paren'; expr: Expr })
  | (Span & { kind: 'array'; items: Expr[] })
  | ObjectExpr
  | (Span & { kind: 'spread'; expr: Expr })
  | ForExpr
  | (Span & { kind: 'if'; cond: Expr; body: Expr })
  | (Span & { kind: 'lambda'; params: Identifier[]; body: Expr });

export interface ObjectExpr extends Span {
  kind: 'object';
  properties: ObjectProperty[];
  /** `...expr` entries, in order among the properties. */
  spreads: Expr[];
  /** Resources declared inside a resource body. */
  resources: ResourceDecl[];
}

export interface ObjectProperty extends Span {
  /** The key as written, unquoted; for an interpolated key, its text with `${...}` pieces left empty. */
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Set when the key is an interpolated string. */
  keyExpr?: Expr;
  value: Expr;
}

export interface ForExpr extends Span {
  kind: 'for';
  item?: Identifier;
  index?: Identifier;
  iterable: Expr;
  body: Expr;
}

/** Type expressions: `string`, `'a' | 'b'`, `{ x: int? }`, `string[]`, `resourceInput<'T@v'>.properties`. */
export type TypeExpr =
  | (Span & { kind: 'typeRef'; name: string })
  | (Span & { kind: 'typeLiteral'; value: Expr })
  | (Span & { kind: 'typeObject'; properties: TypeProperty[] })
  | (Span & { kind: 'typeTuple'; items: TypeExpr[] })
  | (Span & { kind: 'typeArray'; item: TypeExpr })
  | (Span & { kind: 'typeUnion'; members: TypeExpr[] })
  | (Span & { kind: 'typeNullable'; type: TypeExpr })
  | (Span & { kind: 'typeMember'; object: TypeExpr; name: string })
  | (Span & { kind: 'typeIndex'; object: TypeExpr; index: string })
  | (Span & { kind: 'typeGeneric'; name: string; args: TypeExpr[] })
  | (Span & { kind: 'typeParen'; type: TypeExpr });

export interface TypeProperty extends Span {
  /** `*` for additional properties. */
  key: string;
  optional: boolean;
  decorators: Decorator[];
  type: TypeExpr;
}

export interface Decorator extends Span {
  expr: Expr;
}

interface DeclBase extends Span {
  decorators: Decorator[];
}

export interface ParamDecl extends DeclBase {
  kind: 'param';
  name: Identifier;
  /** Absent in `.bicepparam` files. */
  type?: TypeExpr;
  value?: Expr;
}

export interface VarDecl extends DeclBase {
  kind: 'var';
  name: Identifier;
  type?: TypeExpr;
  value: Expr;
}

export interface OutputDecl extends DeclBase {
  kind: 'output';
  name: Identifier;
  type: TypeExpr;
  value: Expr;
}

export interface ResourceDecl extends DeclBase {
  kind: 'resource';
  /** Offset of the `resource` keyword (after any decorators). */
  keywordStart: number;
  name: Identifier;
  /** `Microsoft.Storage/storageAccounts@2023-01-01` as written. */
  typeString: string;
  typeStart: number;
  typeEnd: number;
  existing: boolean;
  /** An object, `if (...) {...}` or `[for ...]`. */
  value: Expr;
}

export interface ModuleDecl extends DeclBase {
  kind: 'module';
  keywordStart: number;
  name: Identifier;
  /** `./mod.bicep`, `br/public:avm/res/...:0.1.0`, `ts:...`. */
  path: string;
  pathStart: number;
  pathEnd: number;
  value: Expr;
}

export interface TypeDecl extends DeclBase {
  kind: 'type';
  name: Identifier;
  type: TypeExpr;
}

export interface FuncDecl extends DeclBase {
  kind: 'func';
  name: Identifier;
  params: Array<{ name: Identifier; type: TypeExpr }>;
  returnType: TypeExpr;
  body: Expr;
}

export interface ImportDecl extends DeclBase {
  kind: 'import';
  /** `import {a, b as c} from '...'` */
  names?: Array<{ name: Identifier; alias?: Identifier }>;
  /** `import * as x from '...'` */
  wildcardAlias?: Identifier;
  from?: Expr;
  /** Legacy `import 'az@1.0.0' [with {...}] [as alias]`. */
  spec?: Expr;
  config?: Expr;
  alias?: Identifier;
}

export interface ExtensionDecl extends DeclBase {
  /** `extension` or the older `provider` keyword. */
  kind: 'extension';
  keyword: string;
  spec: Expr;
  config?: Expr;
  alias?: Identifier;
}

export interface SimpleDecl extends DeclBase {
  kind: 'targetScope' | 'metadata' | 'assert' | 'test';
  name?: Identifier;
  /** For `test`: the path of the file under test. */
  path?: string;
  value: Expr;
}

export interface UsingDecl extends DeclBase {
  kind: 'using' | 'extends';
  /** Absent for `using none`. */
  path?: string;
  pathStart: number;
  pathEnd: number;
  /** `using 'x' with {...}` */
  config?: Expr;
}

export type Statement =
  | ParamDecl
  | VarDecl
  | OutputDecl
  | ResourceDecl
  | ModuleDecl
  | TypeDecl
  | FuncDecl
  | ImportDecl
  | ExtensionDecl
  | SimpleDecl
  | UsingDecl;

export interface ParseError {
  start: number;
  end: number;
  message: string;
}

export interface BicepFile {
  statements: Statement[];
  errors: ParseError[];
  pragmas: import('./tokens').Pragma[];
  comments: import('./tokens').Comment[];
}
