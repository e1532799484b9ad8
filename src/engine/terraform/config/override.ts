import type { Attribute, Block, Body } from '../parser';

/**
 * Merges an override block into its original the way Terraform does: each attribute of the override
 * replaces the original's attribute of the same name, and each nested block type present in the
 * override replaces all of the original's nested blocks of that type. Attributes and nested blocks
 * taken from the override are recorded in `fileOf` so that provenance points at the override file.
 */
export function mergeBlock(
  original: Block,
  override: Block,
  overrideFile: string,
  fileOf: WeakMap<object, string>,
): Block {
  const overAttrs = new Map(override.body.attributes.map((a) => [a.name, a]));
  const overTypes = new Set(override.body.blocks.map((b) => b.type));
  for (const a of override.body.attributes) {
    fileOf.set(a, overrideFile);
  }
  for (const b of override.body.blocks) {
    fileOf.set(b, overrideFile);
  }
  const attributes: Attribute[] = [];
  for (const a of original.body.attributes) {
    attributes.push(overAttrs.get(a.name) ?? a);
    overAttrs.delete(a.name);
  }
  attributes.push(...overAttrs.values());
  const blocks = [...original.body.blocks.filter((b) => !overTypes.has(b.type)), ...override.body.blocks];
  // Built field by field: parser nodes compute `range` from their offsets, which a spread would drop.
  const body: Body = {
    kind: 'body',
    attributes,
    blocks,
    range: original.body.range,
    offset: original.body.offset,
    endOffset: original.body.endOffset,
  };
  return {
    kind: 'block',
    type: original.type,
    typeRange: original.typeRange,
    labels: original.labels,
    body,
    range: original.range,
    offset: original.offset,
    endOffset: original.endOffset,
  };
}
