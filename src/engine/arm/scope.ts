import type { Node } from 'jsonc-parser';

import { unknown, type Value, withStep } from '../azure/value';
import { MAX_EVAL_DEPTH, tooDeep } from '../evaluation';
import { type ArmDocument, entries, locate, prop } from './document';
import type { Scope, UnitBudget } from './evaluate';
import { nodeToVal } from './node-value';

/** Values given to a template from outside: a parameter file, `--var`, or a nested deployment's `parameters`. */
export interface TemplateInputs {
  /** Lower-case parameter name → value, with its provenance already attached. */
  params: Map<string, Value>;
  resourceGroup: () => Value;
  deployment: () => Value;
  budget: UnitBudget;
}

/** A template's evaluation scope: parameters (input, else default), variables, memoised and cycle-safe. */
export function templateScope(doc: ArmDocument, template: Node, inputs: TemplateInputs): Scope {
  const paramDecls = new Map(entries(prop(template, 'parameters')).map(([k, v]) => [k.toLowerCase(), { k, v }]));
  const varDecls = new Map(entries(prop(template, 'variables')).map(([k, v]) => [k.toLowerCase(), { k, v }]));
  const memo = new Map<string, Value>();
  const active = new Set<string>();

  const resolve = (key: string, compute: () => Value): Value => {
    const hit = memo.get(key);
    if (hit) {
      return hit;
    }
    if (active.has(key)) {
      return unknown(`${key.replace(':', " '")}' refers to itself`);
    }
    // One budget for the unit, so chains through nested templates cannot exhaust the stack either.
    if (inputs.budget.chain >= MAX_EVAL_DEPTH) {
      return unknown(tooDeep(`${key.replace(':', " '")}'`));
    }
    active.add(key);
    inputs.budget.chain++;
    try {
      const val = compute();
      memo.set(key, val);
      return val;
    } finally {
      active.delete(key);
      inputs.budget.chain--;
    }
  };

  const scope: Scope = {
    loops: [],
    budget: inputs.budget,
    resourceGroup: inputs.resourceGroup,
    deployment: inputs.deployment,
    parameter(name) {
      const lower = name.toLowerCase();
      return resolve(`parameter:${lower}`, () => {
        const given = inputs.params.get(lower);
        const decl = paramDecls.get(lower);
        if (given) {
          return given;
        }
        if (!decl) {
          return unknown(`parameter '${name}' is not declared`);
        }
        const def = prop(decl.v, 'defaultValue');
        if (def) {
          const step = { description: `parameter '${decl.k}' default`, location: locate(doc, def) };
          return withStep(nodeToVal(doc, def, scope), step);
        }
        return unknown(
          `parameter '${decl.k}' has no default value and no parameter file sets it; the region is chosen at deployment`,
          locate(doc, decl.v),
        );
      });
    },
    variable(name) {
      const lower = name.toLowerCase();
      return resolve(`variable:${lower}`, () => {
        const decl = varDecls.get(lower);
        if (!decl) {
          return unknown(`variable '${name}' is not declared`);
        }
        return withStep(nodeToVal(doc, decl.v, scope), {
          description: `variable '${decl.k}'`,
          location: locate(doc, decl.v),
        });
      });
    },
  };
  return scope;
}

/** Reads a parameter file's `parameters` into inputs; Key Vault references are known only at deployment. */
export function parameterFileValues(doc: ArmDocument, name: string): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [key, entry] of entries(prop(doc.root, 'parameters'))) {
    const value = prop(entry, 'value');
    const where = locate(doc, value ?? entry);
    if (value) {
      out.set(
        key.toLowerCase(),
        withStep(nodeToVal(doc, value, undefined), { description: `parameter '${key}' in ${name}`, location: where }),
      );
    } else if (prop(entry, 'reference')) {
      out.set(key.toLowerCase(), unknown(`parameter '${key}' is read from Key Vault at deployment (${name})`, where));
    }
  }
  return out;
}
