import type { AnalysisContext } from '../analyzer';
import { dirname } from '../workspace/paths';
import { fileKind } from './config/files';
import { localModuleTargets } from './config/module-config';
import { readTerragrunt } from './config/terragrunt';

/** How far up, and how many callers deep, the editor looks for the root module of an edited child module. */
const MAX_UP = 4;
const MAX_CALLERS = 4;
/** How many levels below a module, and how many folders there at most, it looks for callers (`examples/x`). */
const MAX_DOWN = 2;
const MAX_DOWN_DIRS = 32;
/** How many calling contexts of one module the editor analyses it in. */
const MAX_ROOT_CALLERS = 16;

async function claimedIn(ctx: AnalysisContext, dir: string): Promise<string[]> {
  return (await ctx.listDir(dir))
    .filter((e) => e.type !== 'directory' && fileKind(e.name))
    .map((e) => `${dir}/${e.name}`);
}

async function calls(ctx: AnalysisContext, dir: string, target: string): Promise<boolean> {
  const files = await claimedIn(ctx, dir);
  if (files.some((f) => f.endsWith('/terragrunt.hcl'))) {
    const tg = await readTerragrunt(ctx, `${dir}/terragrunt.hcl`);
    if (tg.moduleDir === target && dir !== target) {
      return true;
    }
  }
  if (!files.some((f) => fileKind(f) === 'config')) {
    return false;
  }
  return (await localModuleTargets(ctx, dir, files, target)).includes(target);
}

/**
 * The folders below `dir`, a level at a time and by name within a level (at most {@link MAX_DOWN_DIRS}):
 * where a module repository keeps the examples that call it (`examples/complete` with `source = "../../"`).
 */
async function foldersBelow(ctx: AnalysisContext, dir: string): Promise<string[]> {
  const out: string[] = [];
  let level = [dir];
  for (let depth = 0; depth < MAX_DOWN && level.length > 0 && out.length < MAX_DOWN_DIRS; depth++) {
    const next: string[] = [];
    for (const d of level) {
      next.push(...(await subfolders(ctx, d)));
    }
    level = next.slice(0, MAX_DOWN_DIRS - out.length);
    out.push(...level);
  }
  return out;
}

/**
 * The directories near `dir` that call it as a local module, at most `limit`: those among its own folders
 * (the examples of a module repository); else those at the nearest level above that has any (the
 * ancestor itself or one of its folders, else one of theirs, at most {@link MAX_DOWN_DIRS} of those).
 */
async function callersOf(ctx: AnalysisContext, dir: string, limit: number): Promise<string[]> {
  const found: string[] = [];
  const search = async (candidates: string[]) => {
    for (const c of candidates) {
      if (found.length < limit && c !== dir && (await calls(ctx, c, dir))) {
        found.push(c);
      }
    }
  };
  await search(await foldersBelow(ctx, dir));
  let up = dir;
  for (let i = 0; i < MAX_UP && found.length === 0 && up !== '/' && up !== '.'; i++) {
    // Never above the workspace root: its parent may hold unrelated trees (a home folder, /tmp).
    if (ctx.root !== undefined && (up === ctx.root || !up.startsWith(`${ctx.root}/`))) {
      break;
    }
    up = dirname(up);
    // The ancestor and every folder in it; failing those, the folders one level further down (at most
    // MAX_DOWN_DIRS, by name): `envs/prod` calling `modules/store`.
    const children = await subfolders(ctx, up);
    await search([up, ...children]);
    if (found.length === 0) {
      const grandchildren: string[] = [];
      for (const c of children) {
        if (grandchildren.length >= MAX_DOWN_DIRS) {
          break;
        }
        grandchildren.push(...(await subfolders(ctx, c)).slice(0, MAX_DOWN_DIRS - grandchildren.length));
      }
      await search(grandchildren);
    }
  }
  return found;
}

/** The folders in `dir` (not hidden, not `node_modules`), by name. */
async function subfolders(ctx: AnalysisContext, dir: string): Promise<string[]> {
  return (await ctx.listDir(dir))
    .filter((e) => e.type === 'directory' && !e.name.startsWith('.') && e.name !== 'node_modules')
    .map((e) => `${dir}/${e.name}`)
    .sort();
}

/**
 * When the editor asks for the units of one directory that is a child module, the files of its
 * root module(s) are not in the request. This finds the outermost callers nearby (of each caller, the
 * caller's own nearest caller, and so on) so that the child is analysed in their contexts, as in a
 * full scan, where each calling root gives it a context of its own: a module repository whose wrapper
 * passes no items and whose examples set the region is placed by the examples. Empty when nothing
 * calls `dir`.
 */
export async function findRootCallers(ctx: AnalysisContext, dir: string): Promise<string[]> {
  const tops = new Set<string>();
  for (const first of await callersOf(ctx, dir, MAX_ROOT_CALLERS)) {
    let top = first;
    for (let i = 1; i < MAX_CALLERS; i++) {
      const [next] = await callersOf(ctx, top, 1);
      if (!next || next === dir) {
        break;
      }
      top = next;
    }
    tops.add(top);
  }
  return [...tops];
}

/** Every claimed file of `root` and of the local modules it calls, transitively. */
export async function treeFiles(ctx: AnalysisContext, root: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const queue = [root];
  while (queue.length > 0 && seen.size < 200) {
    const dir = queue.shift()!;
    if (seen.has(dir)) {
      continue;
    }
    seen.add(dir);
    const files = await claimedIn(ctx, dir);
    out.push(...files);
    if (files.some((f) => f.endsWith('/terragrunt.hcl'))) {
      const tg = await readTerragrunt(ctx, `${dir}/terragrunt.hcl`);
      if (tg.moduleDir) {
        queue.push(tg.moduleDir);
      }
    }
    queue.push(...(await localModuleTargets(ctx, dir, files)));
  }
  return out;
}
