import { type Value, withStep } from '../azure/value';
import { basename, dirname, join } from '../workspace/paths';
import { evaluate } from './evaluate';
import { FileScope, type ParsedDoc } from './scope';

/** `extends` chains longer than this are cut (a cycle would otherwise never end). */
const MAX_EXTENDS = 10;

/**
 * The parameter values a `.bicepparam` file supplies, each with a provenance step naming the file and
 * line. Values of a base file (`extends './base.bicepparam'`) apply first and are overridden.
 */
export function paramFileInputs(doc: ParsedDoc, docs: ReadonlyMap<string, ParsedDoc>, depth = 0): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const s of doc.file.statements) {
    if (s.kind === 'extends' && s.path !== undefined && depth < MAX_EXTENDS) {
      const base = docs.get(join(dirname(doc.path), s.path));
      if (base) {
        paramFileInputs(base, docs, depth + 1).forEach((v, k) => out.set(k, v));
      }
    }
  }
  // Params of a parameters file are plain values; evaluating them in the file's own scope lets them use its vars.
  const fs = new FileScope(doc, new Map());
  const label = basename(doc.path);
  for (const s of doc.file.statements) {
    if (s.kind === 'param' && s.value) {
      const step = { description: `param ${s.name.name} in ${label}`, location: fs.loc(s.value.start, s.value.end) };
      out.set(s.name.name, withStep(evaluate(s.value, { fs }), step));
    }
  }
  return out;
}
