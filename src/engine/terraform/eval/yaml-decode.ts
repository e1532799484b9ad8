import type * as Yaml from 'yaml';
import { LineMap } from '../../text/line-map';
import { basename } from '../../workspace/paths';
import { type Val, bool, list, map, nul, num, str, unknown } from './values';

/** Deepest nesting converted; deeper values are unknown. */
const MAX_DEPTH = 64;
/** Terraform decodes YAML 1.2 with the core schema; aliases are expanded at most this often ("billion laughs"). */
const OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true } as const;
const MAX_ALIASES = 100;

let yaml: typeof Yaml | undefined;

/**
 * The YAML library, loaded when `yamldecode` is first called: evaluating it at start-up cost every CLI
 * run about 25 ms (measured), and most configurations never decode YAML.
 */
function lib(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yaml ??= require('yaml') as typeof Yaml;
  return yaml;
}

/** Where a decoded scalar is written, when the YAML text is a whole file (see `Origin.source`). */
interface Positions {
  file: string;
  label: string;
  lines: LineMap;
}

/**
 * Decodes one YAML document into a value, or undefined when the text is not a single valid document.
 * With `source` (the file the text is the whole of), every scalar carries a provenance step naming its
 * key path and line (`region in settings.yaml`).
 */
export function decodeYaml(text: string, source: string | undefined): Val | undefined {
  if (flowDepth(text) > MAX_DEPTH) {
    // Deeper than we convert anyway; the parser would spend seconds on 100,000 nested brackets.
    return unknown(`yamldecode() of YAML nested deeper than ${MAX_DEPTH} levels is not evaluated`);
  }
  const Y = lib();
  let doc: Yaml.Document.Parsed;
  let data: unknown;
  try {
    const docs = Y.parseAllDocuments(text, OPTIONS);
    if (!Array.isArray(docs) || docs.length > 1 || docs.some((d) => d.errors.length > 0)) {
      return undefined;
    }
    doc = docs[0] ?? Y.parseDocument('', OPTIONS);
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    return undefined;
  }
  const where = source ? { file: source, label: basename(source), lines: new LineMap(text) } : undefined;
  return convert(data, where ? doc.contents : null, '', where, 0);
}

/** The deepest nesting of flow collections (`[`, `{`), counted roughly (brackets in strings count too). */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      max = Math.max(max, ++depth);
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return max;
}

function scalarStep(node: Yaml.Node | null, path: string, where: Positions | undefined): Val['o'] | undefined {
  const range = node?.range;
  if (!where || !range || !path) {
    return undefined;
  }
  return {
    steps: [
      {
        description: `${path} in ${where.label}`,
        location: { file: where.file, range: where.lines.range(range[0], range[1]) },
      },
    ],
  };
}

/** Converts decoded data, following the document's nodes alongside for positions (aliases have none). */
function convert(v: unknown, node: unknown, path: string, where: Positions | undefined, depth: number): Val {
  if (depth > MAX_DEPTH) {
    return unknown(`yamldecode() of YAML nested deeper than ${MAX_DEPTH} levels is not evaluated`);
  }
  const Y = lib();
  const n = where && Y.isNode(node) && !Y.isAlias(node) ? node : null;
  if (v === null || v === undefined) {
    return nul(scalarStep(n, path, where));
  }
  switch (typeof v) {
    case 'string':
      return str(v, scalarStep(n, path, where));
    case 'number':
      return num(v, scalarStep(n, path, where));
    case 'boolean':
      return bool(v, scalarStep(n, path, where));
  }
  if (Array.isArray(v)) {
    const items = n && Y.isSeq(n) ? n.items : [];
    return list(v.map((e, i) => convert(e, items[i], `${path}[${i}]`, where, depth + 1)));
  }
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) {
    return unknown('yamldecode() of a value that is not plain data is not evaluated');
  }
  const pairs = n && Y.isMap(n) ? n.items : [];
  const entries = new Map<string, Val>();
  for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
    const pair = pairs.find((p) => Y.isScalar(p.key) && String(p.key.value) === k);
    entries.set(k, convert(e, pair?.value, path ? `${path}.${k}` : k, where, depth + 1));
  }
  return map(entries);
}
