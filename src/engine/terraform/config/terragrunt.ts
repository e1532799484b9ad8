import type { AnalysisContext } from '../../analyzer';
import type { AnalysisError, SourceLocation } from '../../model';
import { MAX_SOURCE, quoteValue, shortValue } from '../../text/quote';
import { basename, dirname, join } from '../../workspace/paths';
import { evaluate, type Scope } from '../eval/evaluate';
import { asString, unknown, type Val, withStep } from '../eval/values';
import { type Attribute, type Expression, literalString, parseHcl } from '../parser';
import { loadFile } from './files';
import type { GeneratedFile } from './module-config';
import type { VarSource } from './var-files';

/** What a `terragrunt.hcl` contributes: the module it runs and the inputs it passes as variables. */
export interface TerragruntUnit {
  /** The module directory: `terraform { source = "../modules//vpc" }` when local, else the file's own directory. */
  moduleDir?: string;
  /** A module that is not read because its source is remote (or computed). */
  remote?: {
    /** Where the source comes from, or that it is not known statically. */
    reason: string;
    /** The source as written (shortened), when it is known. */
    source?: string;
    /** Where it is written (this file's `terraform` block, or an included file's). */
    at: SourceLocation;
  };
  inputs: Map<string, VarSource>;
  errors: AnalysisError[];
  /** The file read. */
  file?: string;
  /** `generate` blocks whose contents could be evaluated (typically the provider configuration). */
  generated: GeneratedFile[];
}

function isLocal(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source.startsWith('/');
}

const MAX_INCLUDE_DEPTH = 3;

function literalAttrOf(attrs: Attribute[], name: string): string | undefined {
  const a = attrs.find((x) => x.name === name);
  return a ? literalString(a.expr) : undefined;
}

/** `find_in_parent_folders("root.hcl")`: the nearest ancestor directory holding that file (default `terragrunt.hcl`). */
async function findInParents(ctx: AnalysisContext, dir: string, name: string): Promise<string | undefined> {
  let cur = dirname(dir);
  for (let i = 0; i < 12 && cur !== '/' && cur !== '.'; i++) {
    if ((await ctx.listDir(cur)).some((e) => e.name === name && e.type !== 'directory')) {
      return `${cur}/${name}`;
    }
    cur = dirname(cur);
  }
  return undefined;
}

/** The file an `include` block names, when it is a literal path or `find_in_parent_folders(...)`. */
async function includePath(ctx: AnalysisContext, dir: string, expr: Expression): Promise<string | undefined> {
  const lit = literalString(expr);
  if (lit) {
    return join(dir, lit);
  }
  if (expr.kind === 'functionCall' && expr.name === 'find_in_parent_folders') {
    const name = expr.args[0] ? literalString(expr.args[0]) : 'terragrunt.hcl';
    return name ? findInParents(ctx, dir, name) : undefined;
  }
  return undefined;
}

/**
 * Reads a `terragrunt.hcl`: its module (`terraform { source }`), its `inputs` (evaluated with its
 * `locals`), and those of the files it `include`s (found literally or with
 * `find_in_parent_folders`), the including file winning as in Terragrunt's shallow merge. Other
 * Terragrunt functions stay unknown.
 */
export async function readTerragrunt(ctx: AnalysisContext, path: string, depth = 0): Promise<TerragruntUnit> {
  const dir = dirname(path);
  const out: TerragruntUnit = { inputs: new Map(), errors: [], generated: [] };
  const file = await loadFile(ctx, path);
  if (!file) {
    return out;
  }
  out.errors.push(...file.errors.map((e) => ({ file: path, range: e.range, message: e.message })));
  const body = file.body;
  let inherited: TerragruntUnit | undefined;
  for (const inc of body.blocks.filter((b) => b.type === 'include')) {
    const pathAttr = inc.body.attributes.find((a) => a.name === 'path');
    const target = pathAttr && depth < MAX_INCLUDE_DEPTH ? await includePath(ctx, dir, pathAttr.expr) : undefined;
    if (target && target !== path) {
      const parent = await readTerragrunt(ctx, target, depth + 1);
      parent.inputs.forEach((v, k) => out.inputs.set(k, v));
      out.generated.push(...parent.generated);
      inherited ??= parent;
    }
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
  const tf = body.blocks.find((b) => b.type === 'terraform');
  const srcAttr = tf?.body.attributes.find((a) => a.name === 'source');
  const srcVal = srcAttr ? evaluate(srcAttr.expr, { scope, file: path }) : undefined;
  const source = srcVal?.t === 'str' ? srcVal.v : undefined;
  if (!srcAttr && inherited?.remote !== undefined) {
    // Without its own terraform block the unit runs the included file's module: here a remote one.
    out.remote = inherited.remote;
  } else if (!srcAttr) {
    // ... or a local one, or its own directory.
    out.moduleDir =
      inherited?.moduleDir && inherited.moduleDir !== dirname(inherited.file ?? '') ? inherited.moduleDir : dir;
  } else if (source && isLocal(source)) {
    // `//` separates the directory to copy from the subdirectory to run; for reading they are one path.
    out.moduleDir = join(dir, source.replace('//', '/').split('?')[0]);
  } else {
    out.remote = {
      reason:
        source !== undefined
          ? `it comes from ${quoteValue(source)}, which a scan never downloads`
          : 'its source is not known statically',
      source: source !== undefined ? shortValue(source, MAX_SOURCE) : undefined,
      at: { file: path, range: srcAttr.range },
    };
  }
  out.file = path;
  for (const g of body.blocks.filter((b) => b.type === 'generate')) {
    const name = literalAttrOf(g.body.attributes, 'path');
    const contents = g.body.attributes.find((a) => a.name === 'contents');
    const text = contents ? evaluate(contents.expr, { scope, file: path }) : undefined;
    if (!name || !name.endsWith('.tf') || text?.t !== 'str') {
      continue;
    }
    // Padding with the lines before the heredoc body keeps line numbers pointing into terragrunt.hcl.
    const padded = '\n'.repeat(contents!.expr.range.start.line + 1) + text.v;
    const file = ctx.parse(`${path}#${name}`, 'hcl', padded, (t) => parseHcl(t));
    out.generated = out.generated.filter((x) => x.name !== name);
    out.generated.push({ name, path, file });
  }
  const inputs = body.attributes.find((a) => a.name === 'inputs');
  if (inputs?.expr.kind === 'object') {
    for (const item of inputs.expr.items) {
      const key =
        item.key.kind === 'scopeTraversal' ? item.key.root : asString(evaluate(item.key, { scope, file: path }));
      if (key) {
        out.inputs.set(key, () =>
          withStep(evaluate(item.value, { scope, file: path }), {
            description: `inputs.${key} in ${basename(path)}`,
            location: { file: path, range: item.range },
          }),
        );
      }
    }
  }
  return out;
}
