import type { AnalysisContext } from '../../analyzer';
import type { AnalysisError } from '../../model';
import { MAX_SOURCE, quoteValue, shortValue } from '../../text/quote';
import { join } from '../../workspace/paths';
import { fileKind } from './files';
import { type GeneratedFile, loadModule, type ModuleCallDecl, type ModuleConfig } from './module-config';

/** Registry and Git modules are read only where `terraform init` installed them. */
export interface ModuleTree {
  modules: Map<string, ModuleConfig>;
  /** Module key path (`vpc`, `vpc.subnets`) → installed directory, from `.terraform/modules/modules.json`. */
  installed: Map<string, string>;
  /** Problems of the tree itself (a called directory without Terraform files); each module has its own. */
  errors: AnalysisError[];
  /**
   * Module calls whose module `terraform init` has not installed, with what to report about each: reported
   * only if the analysis finds that the call deploys something (a `count` of 0 deploys nothing).
   */
  notInstalled: Array<{ call: ModuleCallDecl; error: AnalysisError }>;
}

const MAX_DIRS = 200;

/**
 * A registry or Git module that `terraform init` has not installed: a scan never downloads, so what it
 * deploys cannot be listed. Said at its `source`, so that the report's count is not read as complete.
 */
function notInstalled(call: ModuleCallDecl): AnalysisError {
  const source = call.block.body.attributes.find((a) => a.name === 'source');
  return {
    file: call.file,
    range: source?.range ?? call.block.typeRange,
    message:
      `module "${call.name}" is not installed (run terraform init), so what it deploys is not in this report; ` +
      `it comes from ${quoteValue(call.source ?? '')}`,
    notRead: { kind: 'terraform-module', source: shortValue(call.source ?? '', MAX_SOURCE) },
  };
}

/** Configuration files of a directory, by listing it (child modules may lie outside the scanned paths). */
export async function configFilesIn(ctx: AnalysisContext, dir: string): Promise<string[]> {
  return (await ctx.listDir(dir))
    .filter((e) => e.type !== 'directory' && fileKind(e.name) === 'config')
    .map((e) => `${dir}/${e.name}`);
}

async function readInstalled(ctx: AnalysisContext, root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const dir = `${root}/.terraform/modules`;
  // The root's listing is at hand (discovery made it): most root modules have no `.terraform`, and a
  // failed listing costs a system call and an exception (1,243 of them on a scan of 42 repositories).
  if (
    !(await ctx.listDir(root)).some((e) => e.name === '.terraform') ||
    !(await ctx.listDir(dir)).some((e) => e.name === 'modules.json')
  ) {
    return out;
  }
  try {
    const doc = JSON.parse((await ctx.readText(`${dir}/modules.json`)) ?? '{}') as {
      Modules?: Array<{ Key?: string; Dir?: string }>;
    };
    for (const m of doc.Modules ?? []) {
      if (m.Key && m.Dir) {
        out.set(m.Key, join(root, m.Dir));
      }
    }
  } catch {
    // A damaged modules.json only means registry modules stay unresolved.
  }
  return out;
}

/**
 * Loads a root module and every module it calls that we can read: local paths, and registry
 * modules listed in `.terraform/modules/modules.json`. Each directory is loaded once.
 */
export async function loadTree(
  ctx: AnalysisContext,
  root: string,
  rootFiles?: string[],
  generated: GeneratedFile[] = [],
): Promise<ModuleTree> {
  const tree: ModuleTree = {
    modules: new Map(),
    installed: await readInstalled(ctx, root),
    errors: [],
    notInstalled: [],
  };
  const queue: Array<{
    dir: string;
    keyPath: string[];
    files?: string[];
    from?: { cfg: ModuleConfig; call: ModuleCallDecl };
  }> = [{ dir: root, keyPath: [], files: rootFiles }];
  while (queue.length > 0 && tree.modules.size < MAX_DIRS) {
    const { dir, keyPath, files, from } = queue.shift()!;
    if (ctx.signal?.aborted) {
      break;
    }
    const list = files ?? (await configFilesIn(ctx, dir));
    if (list.length === 0 && dir !== root && from) {
      // Terraform stops with "Unreadable module directory"; we report it once and analyse the rest.
      tree.errors.push({
        file: from.call.file,
        range: from.call.block.typeRange,
        message: `module "${from.call.name}": no Terraform files in ${from.call.source ?? dir}`,
      });
    }
    const cfg = await loadModule(ctx, dir, list, dir === root ? generated : []);
    tree.modules.set(dir, cfg);
    if (keyPath.length > 12) {
      continue;
    }
    for (const call of cfg.modules.values()) {
      if (!call.source) {
        continue;
      }
      const path = [...keyPath, call.name];
      const target =
        call.source.startsWith('./') || call.source.startsWith('../')
          ? join(dir, call.source)
          : tree.installed.get(path.join('.'));
      if (!target) {
        tree.notInstalled.push({ call, error: notInstalled(call) });
      } else if (!tree.modules.has(target) && !queue.some((q) => q.dir === target)) {
        queue.push({ dir: target, keyPath: path, from: { cfg, call } });
      }
    }
  }
  return tree;
}
