import type { Node } from 'jsonc-parser';

import { azureCopies, hasCopyRules, type TemplateContext } from '../azure/copies';
import type { Value } from '../azure/value';
import type { ExtractedCopy, RegionResolution } from '../model';
import { type ArmDocument, entries, locate, prop, stringAt } from './document';
import type { Scope } from './evaluate';
import { nodeToVal } from './node-value';

/** What the copy rules of one resource read from the template around it. */
interface Around {
  doc: ArmDocument;
  scope: Scope;
  /** The template's top-level `resources`. */
  resources: Node | undefined;
}

/** Every resource of the template (top level and nested), with its full type and name as written. */
function* allResources(
  list: Node | undefined,
  parent?: { type: string; name: string },
): Generator<{ node: Node; type: string; name: Node | undefined; parent?: { type: string; name: string } }> {
  const items = !list ? [] : list.type === 'object' ? entries(list).map(([, v]) => v) : (list.children ?? []);
  for (const node of items) {
    const raw = node.type === 'object' ? stringAt(node, 'type') : undefined;
    if (!raw) {
      continue;
    }
    const relative = parent !== undefined && !raw.split('/')[0].includes('.');
    const type = relative ? `${parent.type}/${raw}` : raw;
    yield { node, type, name: prop(node, 'name'), parent };
    yield* allResources(prop(node, 'resources'), { type, name: stringAt(node, 'name') ?? '' });
  }
}

function nameOf(around: Around, name: Node | undefined): string | undefined {
  const v = name ? nodeToVal(around.doc, name, around.scope) : undefined;
  return v?.k === 'string' ? v.v : undefined;
}

/** The location of the resource of `type` and `name` that the template declares, when it does. */
function locationOf(around: Around, type: string, name: string): Value | undefined {
  for (const r of allResources(around.resources)) {
    if (r.type.toLowerCase() !== type.toLowerCase()) {
      continue;
    }
    const own = nameOf(around, r.name);
    const full = r.parent && own !== undefined && !own.includes('/') ? `${r.parent.name}/${own}` : own;
    if (full?.toLowerCase() === name.toLowerCase()) {
      const loc = prop(r.node, 'location');
      return loc ? nodeToVal(around.doc, loc, around.scope) : undefined;
    }
  }
  return undefined;
}

/** The copies an ARM resource's properties ask for, by the rules shared with Bicep. */
export function armCopies(
  type: string,
  doc: ArmDocument,
  res: Node,
  scope: Scope,
  primary: RegionResolution,
  resources?: Node,
): ExtractedCopy[] {
  if (!hasCopyRules(type)) {
    return [];
  }
  const around: Around = { doc, scope, resources };
  const reader = (node: Node) => (name: string) => {
    const p = prop(node, name);
    return p ? nodeToVal(doc, p, scope) : undefined;
  };
  const tpl: TemplateContext = {
    // `resourceId('Microsoft.Sql/servers', 'b')` names the server `b` when the template declares it.
    named: (id) => {
      const names = id.names;
      return names && { label: names.name, location: () => locationOf(around, names.type, names.name) };
    },
    isSelf: (id) =>
      id.names?.type.toLowerCase() === type.toLowerCase() &&
      id.names.name.toLowerCase() === nameOf(around, prop(res, 'name'))?.toLowerCase(),
    others(otherType) {
      return [...allResources(resources)]
        .filter((r) => r.node !== res && r.type.toLowerCase() === otherType && prop(r.node, 'existing')?.value !== true)
        .map((r) => ({
          read: reader(r.node),
          declared: { description: `${r.type} ${nameOf(around, r.name) ?? ''}`.trim(), location: locate(doc, r.node) },
        }));
    },
    // Children nested in the resource, or declared beside it with a name that starts with its own.
    children(childType) {
      const own = nameOf(around, prop(res, 'name'));
      const out: ReturnType<TemplateContext['children']> = [];
      for (const r of allResources(prop(res, 'resources'), { type, name: own ?? '' })) {
        if (r.type.toLowerCase() === childType) {
          out.push({
            read: reader(r.node),
            declared: { description: `child ${r.type}`, location: locate(doc, r.node) },
          });
        }
      }
      for (const r of allResources(resources)) {
        const name = r.parent ? undefined : nameOf(around, r.name);
        if (r.type.toLowerCase() === childType && own && name?.toLowerCase().startsWith(`${own.toLowerCase()}/`)) {
          out.push({
            read: reader(r.node),
            declared: { description: `${r.type} ${name}`, location: locate(doc, r.node) },
          });
        }
      }
      return out;
    },
  };
  return azureCopies(type, reader(res), primary, tpl);
}
