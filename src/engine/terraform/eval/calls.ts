import type { Expression } from '../parser';
import { parseTemplateText } from '../parser';
import { type Env, evaluate, type Scope } from './evaluate';
import { callFileFunction, isFileFunction } from './file-functions';
import { callFunction } from './functions';
import { bool, failure, inherit, str, unknown, type Val } from './values';

/**
 * Function calls: `try`/`can` (which evaluate their arguments one at a time), Terraform's file
 * functions and `templatefile` (which need the scope's file access), and the function library.
 */
export function call(name: string, args: Expression[], expandFinal: boolean, env: Env): Val {
  if (name === 'try' || name === 'can') {
    for (const a of args) {
      const v = evaluate(a, env);
      if (name === 'can') {
        return v.t === 'unknown' ? (v.error ? bool(false) : v) : bool(true);
      }
      if (v.t !== 'unknown' || !v.error) {
        return v;
      }
    }
    return failure('try() found no argument without errors');
  }
  const vals = args.map((a) => evaluate(a, env));
  if (expandFinal && vals.length > 0) {
    const last = vals.pop()!;
    if (last.t === 'unknown') {
      return last;
    }
    vals.push(...(last.t === 'list' ? last.items : []));
  }
  if (isFileFunction(name)) {
    const files = env.scope.files;
    return files ? callFileFunction(name, vals, files) : unknown(`the function ${name}() is not evaluated here`);
  }
  if (name === 'templatefile') {
    return templateFile(vals, env);
  }
  const result = callFunction(name, vals);
  return SELECTING.has(name) ? result : anonymous(result);
}

/**
 * Functions whose result is one of their arguments or of its elements, unchanged: a resource attribute
 * known only after apply stays that attribute through them. Every other function builds a new value
 * (`format("arn:aws:s3:::%s", …)` is not the bucket it mentions).
 */
const SELECTING = new Set(['coalesce', 'element', 'one', 'lookup', 'tolist', 'toset', 'flatten', 'values', 'concat']);

/** The value without the resource identity of an attribute known only after apply (see `ResourceRef`). */
export function anonymous(v: Val): Val {
  return v.t === 'unknown' && v.of ? { t: 'unknown', reason: v.reason, o: v.o } : v;
}

/**
 * `templatefile(path, vars)`: the file's text rendered as an HCL template in which only `vars` are
 * visible (bare names), as Terraform renders it. Another `templatefile` inside is refused, as Terraform does.
 */
function templateFile(vals: Val[], env: Env): Val {
  const files = env.scope.files;
  if (!files || env.scope.inTemplate) {
    return unknown('the function templatefile() is not evaluated here');
  }
  const [pathVal, varsVal] = vals;
  const text = callFileFunction('file', pathVal ? [pathVal] : [], files);
  if (text.t !== 'str') {
    return text;
  }
  if (varsVal?.t === 'unknown') {
    return varsVal;
  }
  if (varsVal?.t !== 'map') {
    return failure('templatefile() expects a path and a map of variables');
  }
  const parsed = parseTemplateText(text.v);
  if (parsed.errors.length > 0) {
    return failure(`templatefile(): the template has a syntax error: ${parsed.errors[0].message}`);
  }
  const file = text.o.steps[0]?.location?.file ?? env.file;
  const scope: Scope = {
    variable: (n) => failure(`var.${n} cannot be used in a template; pass it in the variables map`),
    local: (n) => failure(`local.${n} cannot be used in a template; pass it in the variables map`),
    reference: (root) => {
      const v = varsVal.entries.get(root);
      return { value: v ? inherit(varsVal, v) : failure(`the template variables have no "${root}"`), used: 0 };
    },
    files,
    moduleDir: env.scope.moduleDir,
    inTemplate: true,
  };
  const out = evaluate(parsed.expr, { scope, file });
  return out.t === 'str' ? str(out.v, { steps: [...text.o.steps, ...out.o.steps], loc: out.o.loc }) : out;
}
