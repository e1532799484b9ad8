import type { AnalysisContext, AnalysisUnit } from '../analyzer';
import { basename, dirname } from '../workspace/paths';
import { findRootCallers, treeFiles } from './callers';
import { fileKind } from './config/files';
import { localModuleTargets } from './config/module-config';
import { readTerragrunt } from './config/terragrunt';

/**
 * Groups Terraform files into units, one per root module. A directory that another scanned directory
 * calls as a local module (`source = "./..."`), or that a `terragrunt.hcl` runs, is analysed in the
 * context of its callers, with their inputs, and is not a root of its own. Directories only reachable
 * through a cycle of calls are roots, so nothing is ever dropped.
 *
 * A unit's `files` are its own files plus those of the local modules it calls (transitively): its
 * results include those modules' resources, so diagnostics and suppression comments in them belong
 * to it. A module called by two roots appears in both units (one placement per calling context).
 */
export async function terraformUnits(files: string[], ctx: AnalysisContext): Promise<AnalysisUnit[]> {
  const dirs = new Set(files.map(dirname));
  if (dirs.size === 1 && files.some((f) => fileKind(f) === 'config')) {
    // The editor asks about one directory: if it is a child module, analyse it from its callers.
    const [dir] = dirs;
    const roots = await findRootCallers(ctx, dir);
    if (roots.length > 0) {
      const tree = new Set<string>();
      for (const root of roots) {
        for (const f of await treeFiles(ctx, root)) {
          tree.add(f);
        }
      }
      const units = await groupUnits([...tree], ctx);
      const wanted = units.filter((u) => files.some((f) => u.files.includes(f)));
      if (wanted.length > 0) {
        return wanted;
      }
    }
  }
  return groupUnits(files, ctx);
}

async function groupUnits(files: string[], ctx: AnalysisContext): Promise<AnalysisUnit[]> {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const d = dirname(f);
    byDir.set(d, [...(byDir.get(d) ?? []), f]);
  }
  const edges = new Map<string, string[]>();
  const called = new Set<string>();
  const moduleDirs: string[] = [];
  const terragrunt: string[] = [];
  for (const [dir, paths] of [...byDir].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const targets: string[] = [];
    if (paths.some((p) => basename(p) === 'terragrunt.hcl')) {
      terragrunt.push(dir);
      const tg = await readTerragrunt(ctx, `${dir}/terragrunt.hcl`);
      if (tg.moduleDir) {
        targets.push(tg.moduleDir);
        called.add(tg.moduleDir);
      }
    }
    if (paths.some((p) => fileKind(p) === 'config')) {
      moduleDirs.push(dir);
      for (const target of await localModuleTargets(ctx, dir, paths)) {
        if (target !== dir) {
          targets.push(target);
          called.add(target);
        }
      }
    }
    edges.set(dir, targets);
  }
  const roots = [...terragrunt, ...moduleDirs.filter((d) => !called.has(d) && !terragrunt.includes(d))];
  const reach = (root: string): Set<string> => {
    const seen = new Set<string>([root]);
    const stack = [root];
    while (stack.length > 0) {
      for (const next of edges.get(stack.pop()!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen;
  };
  const covered = new Set<string>();
  const units: AnalysisUnit[] = [];
  const add = (root: string) => {
    const dirs = reach(root);
    dirs.forEach((d) => covered.add(d));
    const unitFiles = [...dirs].flatMap((d) => byDir.get(d) ?? []);
    units.push({ language: 'terraform', key: root, files: unitFiles });
  };
  roots.forEach(add);
  for (const d of moduleDirs) {
    if (!covered.has(d)) {
      add(d);
    }
  }
  return units;
}
