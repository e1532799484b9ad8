import type { AnalysisContext } from '../../analyzer';
import type { AnalysisError } from '../../model';
import { basename, dirname, join } from '../../workspace/paths';
import type { Scope } from '../eval/evaluate';
import { evaluate } from '../eval/evaluate';
import { str, type Val, withStep } from '../eval/values';
import { loadFile } from './files';

/** A value assigned to a root module variable from outside the configuration. */
export type VarSource = () => Val;

/** tfvars files may not refer to anything; this scope makes every reference unknown. */
const EMPTY_SCOPE: Scope = {
  variable: (n) => ({ t: 'unknown', reason: `var.${n} cannot be used in a variables file`, o: { steps: [] } }),
  local: (n) => ({ t: 'unknown', reason: `local.${n} cannot be used in a variables file`, o: { steps: [] } }),
  reference: () => undefined,
};

async function exists(ctx: AnalysisContext, path: string): Promise<boolean> {
  const entries = await ctx.listDir(dirname(path));
  return entries.some((e) => e.name === basename(path) && e.type !== 'directory');
}

async function addFile(
  ctx: AnalysisContext,
  path: string,
  label: string,
  out: Map<string, VarSource>,
  errors: AnalysisError[],
): Promise<void> {
  const file = await loadFile(ctx, path);
  if (!file) {
    return;
  }
  errors.push(...file.errors.map((e) => ({ file: path, range: e.range, message: e.message })));
  for (const a of file.body.attributes) {
    out.set(a.name, () =>
      withStep(evaluate(a.expr, { scope: EMPTY_SCOPE, file: path }), {
        description: `var.${a.name} in ${label}`,
        location: { file: path, range: a.range },
      }),
    );
  }
}

/** `TF_VAR_name` environment variables (with `--env`): the lowest-precedence source of a root variable. */
export function environmentVarSources(
  environment: Readonly<Record<string, string>> | undefined,
): Map<string, VarSource> {
  const sources = new Map<string, VarSource>();
  for (const [key, value] of Object.entries(environment ?? {})) {
    if (key.startsWith('TF_VAR_') && key.length > 'TF_VAR_'.length) {
      const name = key.slice('TF_VAR_'.length);
      sources.set(name, () =>
        withStep(str(value), { description: `var.${name} from ${key} in the environment (--env)` }),
      );
    }
  }
  return sources;
}

/**
 * The values a root module's variables receive from outside, later sources winning as in Terraform:
 * `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` in lexical order, the var files
 * chosen in the settings or with `--var-file` (in that order), then `--var`. Other `.tfvars` files
 * are never read unless chosen.
 */
export async function rootVarSources(
  ctx: AnalysisContext,
  dir: string,
): Promise<{ sources: Map<string, VarSource>; errors: AnalysisError[] }> {
  const sources = new Map<string, VarSource>();
  const errors: AnalysisError[] = [];
  const names = (await ctx.listDir(dir)).filter((e) => e.type !== 'directory').map((e) => e.name);
  const auto = names.filter((n) => /\.auto\.tfvars(\.json)?$/.test(n)).sort();
  for (const name of ['terraform.tfvars', 'terraform.tfvars.json', ...auto]) {
    if (names.includes(name)) {
      await addFile(ctx, `${dir}/${name}`, name, sources, errors);
    }
  }
  for (const vf of ctx.config.varFiles) {
    const path = join(dir, vf);
    if (await exists(ctx, path)) {
      await addFile(ctx, path, basename(path), sources, errors);
    }
  }
  for (const [name, value] of Object.entries(ctx.config.vars)) {
    sources.set(name, () => withStep(str(value), { description: `--var ${name}` }));
  }
  return { sources, errors };
}
