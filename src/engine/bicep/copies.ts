import { azureCopies, hasCopyRules, type TemplateContext } from '../azure/copies';
import type { ExtractedCopy, RegionResolution } from '../model';
import type { ObjectProperty, ResourceDecl } from './ast';
import { bareType, evaluate, resourceObject } from './evaluate';
import type { Scope } from './scope';

/** The copies a Bicep resource's properties ask for, by the rules shared with ARM JSON. */
export function bicepCopies(
  type: string,
  props: readonly ObjectProperty[],
  scope: Scope,
  primary: RegionResolution,
  self?: { symbol: string; nested: readonly ResourceDecl[] },
): ExtractedCopy[] {
  if (!hasCopyRules(type)) {
    return [];
  }
  const reader =
    (ps: readonly ObjectProperty[], within: Scope = scope) =>
    (name: string) => {
      const p = ps.find((x) => x.key === name);
      return p ? evaluate(p.value, within) : undefined;
    };
  const tpl: TemplateContext = {
    // `secondary.id` names the resource `secondary` the template deploys.
    named: (id) => {
      const res = id.res;
      return res && { label: res.symbol, location: () => res.location() };
    },
    isSelf: (id) => id.res !== undefined && id.res.symbol === self?.symbol && id.res.type === type.toLowerCase(),
    // Resources of the file (top level and nested, not loops), read in the file's scope.
    others(otherType) {
      const out: ReturnType<TemplateContext['others']> = [];
      const visit = (decl: ResourceDecl, parentType: string | undefined) => {
        const t = bareType(decl.typeString);
        const full = parentType !== undefined && !t.includes('/') ? `${parentType}/${t}` : t;
        const body = resourceObject(decl.value);
        if (decl.value.kind === 'for' || body?.kind !== 'object') {
          return;
        }
        if (full === otherType && decl.name.name !== self?.symbol && !decl.existing) {
          const declared = { description: decl.name.name, location: scope.fs.loc(decl.keywordStart, decl.typeEnd) };
          out.push({ read: reader(body.properties, { fs: scope.fs }), declared });
        }
        body.resources.forEach((child) => visit(child, full));
      };
      for (const decl of self ? scope.fs.resources.values() : []) {
        visit(decl, undefined);
      }
      return out;
    },
    // Children nested in the resource's body, or declared in the file with `parent: <this resource>`.
    children(childType) {
      const out: ReturnType<TemplateContext['children']> = [];
      const add = (decl: ResourceDecl, full: string) => {
        const body = resourceObject(decl.value);
        if (full === childType && body?.kind === 'object') {
          out.push({
            read: reader(body.properties),
            declared: {
              description: `child ${decl.name.name}`,
              location: scope.fs.loc(decl.keywordStart, decl.typeEnd),
            },
          });
        }
      };
      for (const child of self?.nested ?? []) {
        const t = bareType(child.typeString);
        add(child, t.includes('/') ? t : `${type.toLowerCase()}/${t}`);
      }
      for (const decl of self ? scope.fs.resources.values() : []) {
        const body = resourceObject(decl.value);
        const parent = body?.kind === 'object' ? body.properties.find((p) => p.key === 'parent')?.value : undefined;
        if (parent?.kind === 'ident' && parent.name === self?.symbol) {
          const t = bareType(decl.typeString);
          add(decl, t.includes('/') ? t : `${type.toLowerCase()}/${t}`);
        }
      }
      return out;
    },
  };
  return azureCopies(type, reader(props), primary, tpl);
}
