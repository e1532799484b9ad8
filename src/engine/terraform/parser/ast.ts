/**
 * Syntax tree for HCL (native syntax and the HCL JSON mapping). Every node carries a 0-based
 * `range` (characters in UTF-16 code units, i.e. JS string index minus the line's start) and the
 * matching string offsets `offset`/`endOffset` (end exclusive).
 *
 * Stability: branch `tf` resolves Terraform against these types. Add fields, never rename.
 */

/** A 0-based position; `character` counts UTF-16 code units from the start of the line. */
export interface Position {
  line: number;
  character: number;
}

/** A 0-based range, end exclusive. Same shape as the engine's model `SourceRange`. */
export interface SourceRange {
  start: Position;
  end: Position;
}

/** Fields shared by every node. */
export interface NodeBase {
  /** Computed from the offsets on nodes of the native parser (read it once and keep it if used often). */
  readonly range: SourceRange;
  /** Offset of `range.start` in the source string. */
  offset: number;
  /** Offset of `range.end` in the source string (exclusive). */
  endOffset: number;
}

/** A recoverable syntax error; the parser keeps going after it. */
export interface ParseError {
  message: string;
  range: SourceRange;
}

/** A parsed file: its top-level body plus every syntax error found. */
export interface File {
  body: Body;
  errors: ParseError[];
}

/**
 * A sequence of attributes and blocks, each list in source order. The file body's range covers the whole
 * file; a block body's covers its braces. (No third list of both kinds together: on the 42-repository
 * corpus it was 7% of what a scan's collector promoted.)
 */
export interface Body extends NodeBase {
  kind: 'body';
  attributes: Attribute[];
  blocks: Block[];
}

/** `name = expr` */
export interface Attribute extends NodeBase {
  kind: 'attribute';
  name: string;
  /** Computed from the offsets on nodes of the native parser. */
  readonly nameRange: SourceRange;
  expr: Expression;
}

/** A block label: `"quoted"` or a bare identifier. `range` includes the quotes. */
export interface BlockLabel {
  value: string;
  range: SourceRange;
  quoted: boolean;
}

/** `type "label" ... { body }` */
export interface Block extends NodeBase {
  kind: 'block';
  type: string;
  /** Computed from the offsets on nodes of the native parser. */
  readonly typeRange: SourceRange;
  labels: BlockLabel[];
  body: Body;
}

/** Every expression form. Discriminate on `kind`. */
export type Expression =
  | LiteralExpression
  | TemplateExpression
  | ScopeTraversalExpression
  | RelativeTraversalExpression
  | FunctionCallExpression
  | ConditionalExpression
  | BinaryExpression
  | UnaryExpression
  | ParenthesesExpression
  | TupleExpression
  | ObjectExpression
  | ForExpression
  | SplatExpression
  | InvalidExpression;

/**
 * A literal value. Quoted strings and heredocs without any interpolation or directive are
 * literals too (`quoted`/`heredoc` tell where they came from); `value` is the unescaped text.
 */
export interface LiteralExpression extends NodeBase {
  kind: 'literal';
  value: string | number | boolean | null;
  /** Source text for numbers (keeps precision beyond float64). */
  raw?: string;
  /** True for a string written in quotes. */
  quoted?: boolean;
  /** Set for a string written as a heredoc. */
  heredoc?: HeredocInfo;
}

/** Heredoc introducer details: `<<EOF` or `<<-EOF`. */
export interface HeredocInfo {
  marker: string;
  /** `<<-`: the common leading whitespace of the lines is removed. */
  indented: boolean;
}

/** A string with interpolations and/or directives (quoted or heredoc). */
export interface TemplateExpression extends NodeBase {
  kind: 'template';
  parts: TemplatePart[];
  heredoc?: HeredocInfo;
}

export type TemplatePart = TemplateText | TemplateInterpolation | TemplateIf | TemplateFor;

/** Literal text inside a template (unescaped; `$${` already turned into `${`). */
export interface TemplateText extends NodeBase {
  kind: 'text';
  value: string;
}

/** `${ expr }`; `stripLeft`/`stripRight` record the `~` markers. */
export interface TemplateInterpolation extends NodeBase {
  kind: 'interpolation';
  expr: Expression;
  stripLeft: boolean;
  stripRight: boolean;
}

/** `%{ if cond }...%{ else }...%{ endif }` */
export interface TemplateIf extends NodeBase {
  kind: 'if';
  condition: Expression;
  then: TemplatePart[];
  else?: TemplatePart[];
  stripLeft: boolean;
  stripRight: boolean;
}

/** `%{ for k, v in coll }...%{ endfor }` */
export interface TemplateFor extends NodeBase {
  kind: 'for';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  body: TemplatePart[];
  stripLeft: boolean;
  stripRight: boolean;
}

/** One step of a traversal. */
export type TraversalStep = AttributeStep | IndexStep;

/** `.name` */
export interface AttributeStep extends NodeBase {
  kind: 'attr';
  name: string;
}

/** `[key]`, or legacy `.0` (then `legacy` is true and `key` a number literal). */
export interface IndexStep extends NodeBase {
  kind: 'index';
  key: Expression;
  legacy?: boolean;
}

/** A variable reference: `var.region`, `aws_s3_bucket.b[0].id`, `local.x[var.k]`. */
export interface ScopeTraversalExpression extends NodeBase {
  kind: 'scopeTraversal';
  root: string;
  /** Computed from the offsets on nodes of the native parser. */
  readonly rootRange: SourceRange;
  steps: TraversalStep[];
}

/** Steps applied to any other expression: `func()[0].id`, `(x).y`. */
export interface RelativeTraversalExpression extends NodeBase {
  kind: 'relativeTraversal';
  source: Expression;
  steps: TraversalStep[];
}

/** `name(args...)`; `name` may be namespaced (`provider::aws::arn_parse`). */
export interface FunctionCallExpression extends NodeBase {
  kind: 'functionCall';
  name: string;
  readonly nameRange: SourceRange;
  /** Where the name ends (native syntax; see `nameRange`). */
  nameEnd?: number;
  args: Expression[];
  /** The last argument ends with `...`. */
  expandFinal: boolean;
}

/** `cond ? a : b` */
export interface ConditionalExpression extends NodeBase {
  kind: 'conditional';
  condition: Expression;
  trueExpr: Expression;
  falseExpr: Expression;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

/** `left op right` */
export interface BinaryExpression extends NodeBase {
  kind: 'binary';
  operator: BinaryOperator;
  readonly operatorRange: SourceRange;
  /** Where the operator starts and ends (native syntax; see `operatorRange`). */
  operatorOffset?: number;
  operatorEnd?: number;
  left: Expression;
  right: Expression;
}

/** `!x`, `-x` */
export interface UnaryExpression extends NodeBase {
  kind: 'unary';
  operator: '!' | '-';
  operand: Expression;
}

/** `( expr )` */
export interface ParenthesesExpression extends NodeBase {
  kind: 'parentheses';
  expr: Expression;
}

/** `[a, b]` */
export interface TupleExpression extends NodeBase {
  kind: 'tuple';
  items: Expression[];
}

/** One `key = value` (or `key: value`) of an object constructor. */
export interface ObjectItem extends NodeBase {
  /** `objectItem` on items built by the native parser. */
  kind?: 'objectItem';
  /** A bare identifier key is a string literal with `bareKey` set on the item. */
  key: Expression;
  value: Expression;
  bareKey: boolean;
}

/** `{ k = v, ... }` */
export interface ObjectExpression extends NodeBase {
  kind: 'object';
  items: ObjectItem[];
}

/** `[for k, v in coll : val if cond]` or `{for k, v in coll : key => val... if cond}` */
export interface ForExpression extends NodeBase {
  kind: 'for';
  /** True for the `{ ... }` form producing an object. */
  objectForm: boolean;
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  /** Object form only. */
  keyExpr?: Expression;
  valueExpr: Expression;
  condition?: Expression;
  /** Object form with `...` after the value (grouping). */
  grouping: boolean;
}

/**
 * `source.*.a.b` (attribute-only splat, `full` false) or `source[*].a[0]` (full splat). `steps`
 * are applied to each element.
 */
export interface SplatExpression extends NodeBase {
  kind: 'splat';
  source: Expression;
  full: boolean;
  steps: TraversalStep[];
}

/** Placeholder where the parser recovered from an error. */
export interface InvalidExpression extends NodeBase {
  kind: 'invalid';
}
