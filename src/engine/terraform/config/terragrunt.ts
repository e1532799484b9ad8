import type { AnalysisContext } from '../../analyzer';
import type { AnalysisError } from '../../model';
import { dirname, join } from '../../workspace/paths';
import { type Scope, evaluate } from '../eval/evaluate';
import { type Val, asString, unknown, withStep } from '../eval/values';
import { literalString } from '../parser';
import { loadFile } from './files';
import type { VarSource } from './var-files';

/** What a `terragrunt.hcl` contributes: the module it runs and the inputs it passes as variables. */
export interface TerragruntUnit {
  /** The module directory: `terraform { source = "../modules//vpc" }` when local, else the file's own directory. */
  moduleDir?: string;
  /** Why the module cannot be read (a remote source). */
  remote?: string;
  inputs: Map<string, VarSource>;
  errors: AnalysisError[];
}

function isLocal(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source.startsWith('/');
}

/** Reads a `terragrunt.hcl`. Terragrunt functions (`find_in_parent_folders`, ...) stay unknown. */
export async function readTerragrunt(ctx: AnalysisContext, path: string): Promise<TerragruntUnit> {
  const dir = dirname(path);
  const out: TerragruntUnit = { inputs: new Map(), errors: [] };
  const file = await loadFile(ctx, path);
  if (!file) {
    return out;
  }
  out.errors.push(...file.errors.map((e) => ({ file: path, range: e.range, message: e.message })));
  const body = file.body;
  const tf = body.blocks.find((b) => b.type === 'terraform');
  const srcAttr = tf?.body.attributes.find((a) => a.name === 'source');
  const source = srcAttr ? literalString(srcAttr.expr) : undefined;
  if (!srcAttr) {
    out.moduleDir = dir;
  } else if (source && isLocal(source)) {
    // `//` separates the directory to copy from the subdirectory to run; for reading they are one path.
    out.moduleDir = join(dir, source.replace('//', '/').split('?')[0]);
  } else {
    out.remote = source ?? 'a computed source';
  }
  const localAttrs = new Map(
    body.blocks.filter((b) => b.type === 'locals').flatMap((b) => b.body.attributes.map((a) => [a.name, a])),
  );
  const active = new Set<string>();
  const scope: Scope = {
    variable: (n) => unknown(`var.${n} is not available in terragrunt.hcl`),
    local: (n): Val => {
      const a = localAttrs.get(n);
      if (!a || active.has(n)) {
        return unknown(a ? `local.${n} refers to itself` : `local.${n} is not declared in terragrunt.hcl`);
      }
      active.add(n);
      try {
        return withStep(evaluate(a.expr, { scope, file: path }), {
          description: `local.${n} in terragrunt.hcl`,
          location: { file: path, range: a.range },
        });
      } finally {
        active.delete(n);
      }
    },
    reference: () => undefined,
  };
  const inputs = body.attributes.find((a) => a.name === 'inputs');
  if (inputs?.expr.kind === 'object') {
    for (const item of inputs.expr.items) {
      const key =
        item.key.kind === 'scopeTraversal' ? item.key.root : asString(evaluate(item.key, { scope, file: path }));
      if (key) {
        out.inputs.set(key, () =>
          withStep(evaluate(item.value, { scope, file: path }), {
            description: `inputs.${key} in terragrunt.hcl`,
            location: { file: path, range: item.range },
          }),
        );
      }
    }
  }
  return out;
}
