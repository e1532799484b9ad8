import type * as Yaml from 'yaml';

import { LineMap } from '../../text/line-map';
import { yamlLibrary } from '../../text/yaml-library';
import { basename } from '../../workspace/paths';
import { fromData, type Locator, MAX_DECODED_DEPTH } from './decoded';
import { type Origin, unknown, type Val } from './values';
import { type BlockNode, readBlockYaml } from './yaml-block';

/** Terraform decodes YAML 1.2 with the core schema; aliases are expanded at most this often ("billion laughs"). */
const OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true } as const;
const MAX_ALIASES = 100;

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
  const hit = decoded.get(text);
  if (hit && hit.source === source) {
    return hit.value;
  }
  const value = decodeFresh(text, source);
  if (text.length > MAX_CACHED_CHARS / 4) {
    return value;
  }
  if (cachedChars + text.length > MAX_CACHED_CHARS) {
    decoded.clear();
    cachedChars = 0;
  }
  decoded.set(text, { source, value });
  cachedChars += text.length;
  return value;
}

/**
 * Decoded documents by their text: a configuration that decodes the same file in every instance of a
 * module (a factory reading its YAML per project) parsed it each time, about a fifth of a real-corpus
 * scan. Values are never changed once built, so one decoded value serves every call. Bounded, because
 * the extension host keeps the module loaded.
 */
const decoded = new Map<string, { source: string | undefined; value: Val | undefined }>();
const MAX_CACHED_CHARS = 8 * 1024 * 1024;
let cachedChars = 0;

/** Characters of YAML text the cache holds (for tests of its bound). */
export function cachedYamlChars(): number {
  return cachedChars;
}

/** Decodes without the cache: the reader of plain block YAML when the text has that shape, else the library. */
export function decodeFresh(text: string, source: string | undefined): Val | undefined {
  const block = readBlockYaml(text);
  if (block) {
    const where = source ? { file: source, label: basename(source), lines: new LineMap(text) } : undefined;
    return fromData(block.data, 'yamldecode() of YAML', 0, where && blockLocator(block.node, '', where));
  }
  return decodeWithLibrary(text, source);
}

/** Decodes with the YAML library (every YAML the reader of plain block YAML leaves to it). */
export function decodeWithLibrary(text: string, source: string | undefined): Val | undefined {
  if (flowDepth(text) > MAX_DECODED_DEPTH) {
    // Deeper than we convert anyway; the parser would spend seconds on 100,000 nested brackets.
    return unknown(`yamldecode() of YAML nested deeper than ${MAX_DECODED_DEPTH} levels is not evaluated`);
  }
  const Y = yamlLibrary();
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
  return fromData(data, 'yamldecode() of YAML', 0, where && locator(doc.contents, '', where));
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

/** The provenance of a scalar written from `start` to `end` at `path` (none for the whole document). */
function originAt(start: number, end: number, path: string, where: Positions): Origin | undefined {
  if (!path) {
    return undefined;
  }
  const location = { file: where.file, range: where.lines.range(start, end) };
  return { steps: [{ description: `${path} in ${where.label}`, location }] };
}

/** Positions in what the reader of plain block YAML returned, as {@link locator} gives the library's. */
function blockLocator(node: BlockNode | undefined, path: string, where: Positions): Locator | undefined {
  if (!node) {
    return undefined;
  }
  return {
    origin: () => ('start' in node ? originAt(node.start, node.end, path, where) : undefined),
    child: (key) => {
      if (typeof key === 'number') {
        return 'items' in node ? blockLocator(node.items[key], `${path}[${key}]`, where) : undefined;
      }
      return 'members' in node ? blockLocator(node.members.get(key), path ? `${path}.${key}` : key, where) : undefined;
    },
  };
}

/** Positions in the document's nodes for `fromData` (aliases have none of their own). */
function locator(node: unknown, path: string, where: Positions): Locator | undefined {
  const Y = yamlLibrary();
  if (!Y.isNode(node) || Y.isAlias(node)) {
    return undefined;
  }
  let members: Map<string, unknown> | undefined;
  return {
    origin: () => (node.range ? originAt(node.range[0], node.range[1], path, where) : undefined),
    child: (key) => {
      if (typeof key === 'number') {
        return Y.isSeq(node) ? locator(node.items[key], `${path}[${key}]`, where) : undefined;
      }
      if (!Y.isMap(node)) {
        return undefined;
      }
      // Built once per mapping: looking each key up in the pairs would be quadratic in its size.
      members ??= new Map(
        node.items.filter((p) => Y.isScalar(p.key)).map((p) => [String((p.key as Yaml.Scalar).value), p.value]),
      );
      return locator(members.get(key), path ? `${path}.${key}` : key, where);
    },
  };
}
