// Syntax-tree nodes of the native parser: what a parse returns and keeps (the parser's state is in state.ts).
import type { LineMap } from '../../text/line-map';
import type { SourceRange } from './ast';
import { parseExpression } from './expressions';
import { ParserState } from './state';

/**
 * A syntax-tree node of the native parser. Only offsets are stored: `range` is computed from them
 * when read (few ranges are ever read), which makes a tree about a third smaller and far cheaper to
 * build and to keep than one holding a range and two position objects per node. Kind-specific
 * fields are assigned after construction; every node starts with the same shape.
 *
 * One class for every kind, with fields assigned rather than declared: with a subclass per kind, the
 * shared constructor saw six object shapes and its property stores went megamorphic (a third of the
 * parse time of the real corpus). The ranges of a node's parts (`nameRange`, `typeRange`, `rootRange`,
 * `operatorRange`) are computed from its kind's fields; on a node of another kind they are its range.
 *
 * An attribute whose expression parsed without any error keeps only where the expression starts: its
 * `expr` is parsed again from the source when first read, and kept from then on. Most expressions of a
 * configuration (tags, descriptions, policies, most arguments) are never read, and a tree without them
 * is a fraction of the size: on the 42-repository corpus 17% of all attribute text is ever read, and a
 * scan's garbage collector copies a quarter less. Parsing again from the same offsets gives the same
 * tree, because an expression's parse depends only on its text when it had no error.
 */
export class HclNode {
  declare kind: string;
  declare readonly lines: LineMap;
  declare offset: number;
  declare endOffset: number;
  // Kind-specific fields read by the part ranges below.
  declare name?: string;
  declare type?: string;
  declare root?: string;
  declare nameEnd?: number;
  declare operatorOffset?: number;
  declare operatorEnd?: number;
  /** The expression of an attribute, parentheses or template wrapper, once parsed. */
  declare private exprNode?: unknown;
  /** An attribute whose expression is parsed when first read: where that expression starts. */
  declare exprStart?: number;

  constructor(kind: string, lines: LineMap, offset: number, endOffset: number) {
    this.kind = kind;
    (this as { lines: LineMap }).lines = lines;
    this.offset = offset;
    this.endOffset = endOffset;
  }

  get expr(): unknown {
    const parsed = this.exprNode;
    if (parsed !== undefined || this.exprStart === undefined) {
      return parsed;
    }
    // An attribute's expression ends where the attribute ends.
    const p = new ParserState(this.lines.text, { start: this.exprStart, end: this.endOffset, lines: this.lines });
    this.exprNode = parseExpression(p);
    this.exprStart = undefined;
    return this.exprNode;
  }

  set expr(value: unknown) {
    this.exprNode = value;
  }

  get range(): SourceRange {
    return this.lines.range(this.offset, this.endOffset);
  }

  /** An attribute's name, or a function call's (which may be `provider::ns::name`). */
  get nameRange(): SourceRange {
    if (this.kind === 'functionCall' && this.nameEnd !== undefined) {
      return this.lines.range(this.offset, this.nameEnd < this.offset ? this.offset : this.nameEnd);
    }
    return this.kind === 'attribute' && this.name !== undefined ? this.part(this.name.length) : this.range;
  }

  /** A block's type. */
  get typeRange(): SourceRange {
    return this.kind === 'block' && this.type !== undefined ? this.part(this.type.length) : this.range;
  }

  /** A scope traversal's root name. */
  get rootRange(): SourceRange {
    return this.kind === 'scopeTraversal' && this.root !== undefined ? this.part(this.root.length) : this.range;
  }

  /** A binary operation's operator. */
  get operatorRange(): SourceRange {
    return this.kind === 'binary' && this.operatorOffset !== undefined && this.operatorEnd !== undefined
      ? this.lines.range(this.operatorOffset, this.operatorEnd)
      : this.range;
  }

  /** The first `length` characters of the node: the name it starts with. */
  private part(length: number): SourceRange {
    return this.lines.range(this.offset, this.offset + length);
  }
}

/** A block label of native syntax, whose range is computed when read, like a node's. */
export class Label {
  constructor(
    readonly value: string,
    readonly quoted: boolean,
    private readonly lines: LineMap,
    private readonly offset: number,
    private readonly endOffset: number,
  ) {}

  get range(): SourceRange {
    return this.lines.range(this.offset, this.endOffset);
  }
}
