import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

import type { AnalysisError, SourceLocation } from '../model';
import { MAX_JSON_DEPTH, readJsonTree } from '../text/json-guard';
import { LineIndex } from './lines';

export type { Node } from 'jsonc-parser';

/** What a `.json` file is to us, judged by its root `$schema`. */
export type ArmKind = 'template' | 'parameters' | 'other';

/** A parsed JSON(C) file with its line index; `errors` are reported only for templates and parameter files. */
export interface ArmDocument {
  file: string;
  root?: Node;
  lines: LineIndex;
  kind: ArmKind;
  errors: AnalysisError[];
  /** Whether the text mentions `templateLink` at all (no need to search the tree otherwise). */
  hasLinks: boolean;
  /** Offset of the first syntax error: what follows is a guess of the parser and is not reported. */
  errorOffset?: number;
}

/**
 * Whether the text can be an ARM file at all: one linear search for the schema names, so that
 * package.json and friends are dismissed without being parsed.
 */
export function mayBeArm(text: string): boolean {
  return /deployment(?:Template|Parameters)\.json/i.test(text);
}

/** Reads a string value at `key` of an object node, case-insensitively. */
export function propNode(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object' || !node.children) {
    return undefined;
  }
  const want = key.toLowerCase();
  for (const p of node.children) {
    const k = p.children?.[0];
    if (k && typeof k.value === 'string' && k.value.toLowerCase() === want) {
      return p;
    }
  }
  return undefined;
}

/** The value node of property `key`. */
export function prop(node: Node | undefined, key: string): Node | undefined {
  return propNode(node, key)?.children?.[1];
}

export function stringAt(node: Node | undefined, key: string): string | undefined {
  const v = prop(node, key);
  return v?.type === 'string' ? (v.value as string) : undefined;
}

/** `[key, valueNode]` pairs of an object node. */
export function entries(node: Node | undefined): Array<[string, Node, Node]> {
  if (node?.type !== 'object' || !node.children) {
    return [];
  }
  const out: Array<[string, Node, Node]> = [];
  for (const p of node.children) {
    const [k, v] = p.children ?? [];
    if (k && v && typeof k.value === 'string') {
      out.push([k.value, v, p]);
    }
  }
  return out;
}

export function locate(doc: ArmDocument, node: Node): SourceLocation {
  return doc.lines.location(node.offset, node.length);
}

function kindOf(root: Node | undefined): ArmKind {
  const schema = stringAt(root, '$schema')?.toLowerCase() ?? '';
  if (schema.includes('deploymenttemplate.json')) {
    return 'template';
  }
  return schema.includes('deploymentparameters.json') ? 'parameters' : 'other';
}

/** Parses a JSON(C) file (comments and trailing commas allowed), refusing hostile nesting before the recursive parser goes deep. */
export function parseArmDocument(file: string, text: string): ArmDocument {
  const lines = new LineIndex(file, text);
  if (!mayBeArm(text)) {
    return { file, lines, kind: 'other', errors: [], hasLinks: false };
  }
  let parseErrors: ParseError[] = [];
  // jsonc-parser (for what is not strict JSON) tolerates comments and trailing commas and words the errors.
  const read = readJsonTree(text, MAX_JSON_DEPTH, { allowTrailingComma: true, disallowComments: false }, parseErrors);
  if (read.tooDeepAt !== undefined) {
    return {
      file,
      lines,
      kind: 'template',
      hasLinks: false,
      errors: [
        {
          file,
          range: lines.range(read.tooDeepAt, 1),
          message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels; not analysed`,
        },
      ],
    };
  }
  let root = read.root;
  if (parseErrors.some((e) => printParseErrorCode(e.error) === 'UnexpectedEndOfString')) {
    const multiline = withMultilineStrings(text);
    if (multiline) {
      parseErrors = multiline.errors;
      root = multiline.root;
    }
  }
  const kind = kindOf(root);
  const errors: AnalysisError[] = parseErrors.slice(0, 1).map((e) => ({
    file,
    range: lines.range(e.offset, e.length),
    message: `invalid JSON: ${printParseErrorCode(e.error)}${parseErrors.length > 1 ? ` (and ${parseErrors.length - 1} more errors)` : ''}`,
  }));
  // A broken file that was meant to be a template still counts as one, so its error is reported.
  const meant =
    kind === 'other' && errors.length > 0 && /"\$schema"\s*:\s*"[^"\n]*deploymentTemplate\.json/i.test(text);
  return {
    file,
    root,
    lines,
    kind: meant ? 'template' : kind,
    errors,
    hasLinks: text.includes('templateLink'),
    errorOffset: parseErrors[0]?.offset,
  };
}

/** Stand-ins for a line feed and a carriage return written inside a string (private-use characters). */
const LF_IN_STRING = '\uE000';
const CR_IN_STRING = '\uE001';

/**
 * ARM templates may break a string over several lines (Resource Manager accepts it, and hand-written
 * templates use it for long expressions and scripts); JSON does not. The text is read again with each
 * line break inside a string replaced by a stand-in of the same length, so that every offset stays
 * where it is, and the stand-ins are turned back into line breaks in the tree's strings. Undefined
 * when the text has no line break inside a string, or already holds a stand-in character.
 */
function withMultilineStrings(text: string): { root: Node | undefined; errors: ParseError[] } | undefined {
  if (text.includes(LF_IN_STRING) || text.includes(CR_IN_STRING)) {
    return undefined;
  }
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) {
        i++;
      } else if (c === 0x22 /* " */) {
        inString = false;
      } else if (c === 0x0a || c === 0x0d) {
        out += text.slice(from, i) + (c === 0x0a ? LF_IN_STRING : CR_IN_STRING);
        from = i + 1;
      }
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    }
  }
  if (from === 0) {
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(out + text.slice(from), errors, { allowTrailingComma: true, disallowComments: false });
  const restore = (node: Node | undefined): void => {
    if (!node) {
      return;
    }
    if (node.type === 'string' && typeof node.value === 'string' && /[\uE000\uE001]/.test(node.value)) {
      // The tree is ours (just parsed); jsonc-parser declares its fields read-only.
      (node as { value: string }).value = node.value.replaceAll(LF_IN_STRING, '\n').replaceAll(CR_IN_STRING, '\r');
    }
    node.children?.forEach(restore);
  };
  restore(root);
  return { root, errors };
}
