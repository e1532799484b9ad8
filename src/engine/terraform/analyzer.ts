import type { AnalysisContext, AnalysisUnit, LanguageAnalyzer, UnitResult } from '../analyzer';
import { claimsArm } from '../arm/files';
import type { AnalysisError, ExtractedResource } from '../model';
import { dirname } from '../workspace/paths';
import { fileKind } from './config/files';
import { configFilesIn, loadTree } from './config/load-tree';
import type { GeneratedFile } from './config/module-config';
import { readTerragrunt } from './config/terragrunt';
import { environmentVarSources, rootVarSources, type VarSource } from './config/var-files';
import { FileCache, loadWanted } from './eval/file-functions';
import { analyzePlan, isPlanText } from './plan';
import { extractResources } from './resolve/extract';
import { addOwnProviders } from './resolve/module-calls';
import { ModuleInstance, type Workspace } from './resolve/module-instance';
import { terraformUnits } from './units';

/** Evaluation passes for file functions: `fileset` then `file` of each file found needs three. */
const MAX_FILE_PASSES = 4;
/** Resources handed on at a time when the caller takes them during the analysis (`emitResources`). */
const EMIT_BATCH = 5000;

async function analyzeUnit(unit: AnalysisUnit, ctx: AnalysisContext): Promise<UnitResult> {
  const errors: AnalysisError[] = [];
  let root = unit.key;
  let inputs = new Map<string, VarSource>();
  let generated: GeneratedFile[] = [];
  if (unit.files.includes(`${unit.key}/terragrunt.hcl`)) {
    const tg = await readTerragrunt(ctx, `${unit.key}/terragrunt.hcl`);
    errors.push(...tg.errors);
    if (!tg.moduleDir) {
      if (tg.remote) {
        errors.push({
          file: tg.remote.at.file,
          range: tg.remote.at.range,
          message: `the module of this Terragrunt unit is not read, so what it deploys is not in this report: ${tg.remote.reason}`,
          notRead: { kind: 'terragrunt-module', source: tg.remote.source },
        });
      }
      return { resources: [], errors, dependencies: [] };
    }
    root = tg.moduleDir;
    inputs = tg.inputs;
    generated = tg.generated;
  }
  const ownFiles = unit.files.filter((f) => f.startsWith(`${root}/`) && !f.slice(root.length + 1).includes('/'));
  // Terraform always reads the whole directory, even when only one of its files was asked for.
  const rootConfig = [
    ...new Set([...ownFiles.filter((f) => fileKind(f) === 'config'), ...(await configFilesIn(ctx, root))]),
  ];
  const tree = await loadTree(ctx, root, rootConfig, generated);
  const vars = await rootVarSources(ctx, root);
  errors.push(...vars.errors);
  // Lowest first, as Terraform sees them: TF_VAR_ variables of the shell (only with --env), Terragrunt's
  // inputs (which it passes as TF_VAR_ variables over the shell's), then variables files and --var.
  inputs = new Map([...environmentVarSources(ctx.config.environment), ...inputs, ...vars.sources]);
  for (const cfg of tree.modules.values()) {
    errors.push(...cfg.errors);
  }
  errors.push(...tree.errors);
  const cfg = tree.modules.get(root)!;
  // File functions read between passes: a pass that asked for files is run again once they are read.
  const cache = new FileCache(ctx.root ?? root);
  // Resources handed on to `ctx.emitResources` by earlier passes. A pass that asks for files is run
  // again, but what it extracted before its first such request depends on no file it lacked, so the
  // next pass extracts the same resources first, in the same order: they are skipped, not handed on twice.
  let handedOn = 0;
  for (let pass = 1; ; pass++) {
    const ws: Workspace = {
      modules: tree.modules,
      installed: tree.installed,
      deploying: new Set(),
      activeGuards: 0,
      environment: ctx.config.environment,
      files: { rootDir: root, cache },
    };
    const inst = new ModuleInstance(ws, cfg, null, [], inputs, new Map(), 0, true);
    ws.root = inst;
    addOwnProviders(inst);
    let resources: ExtractedResource[] = [];
    let index = 0;
    extractResources(inst, (r) => {
      if (index++ < handedOn) {
        return;
      }
      resources.push(r);
      // Only a batch extracted without a request for a missing file is final.
      if (ctx.emitResources && resources.length >= EMIT_BATCH && !cache.pending) {
        ctx.emitResources(resources);
        resources = [];
        handedOn = index;
      }
    });
    if (!cache.pending || pass === MAX_FILE_PASSES || ctx.signal?.aborted) {
      // What is not installed is said only where it would deploy something: the extraction reached the
      // call in an instance of its module, and its `count` or `for_each` is not known to be empty.
      for (const { call, error } of tree.notInstalled) {
        if (ws.deploying?.has(call)) {
          errors.push(error);
        }
      }
      return { resources, errors, dependencies: [] };
    }
    await loadWanted(cache, ctx);
  }
}

/** A JSON file that may be a plan (`terraform show -json`): the same names an ARM template may have. */
const mayBePlan = (path: string) => fileKind(path) === undefined && claimsArm(path);

/**
 * Units: one per root module, and one per plan file. A plan in a root module's directory describes that
 * module's resources exactly, so the plan wins: the module is not also analysed from configuration
 * (each placement from a plan names the plan in its provenance).
 */
async function units(files: string[], ctx: AnalysisContext): Promise<AnalysisUnit[]> {
  const plans: string[] = [];
  for (const f of files.filter(mayBePlan)) {
    const text = await ctx.readText(f);
    if (text !== undefined && isPlanText(text)) {
      plans.push(f);
    }
  }
  const modules = await terraformUnits(
    files.filter((f) => !mayBePlan(f)),
    ctx,
  );
  // The plan's unit also holds the configuration it replaces, so that an edit there re-runs the plan's unit.
  const replaced = new Map(modules.map((u) => [u.key, u]));
  const planUnits = plans.map((p) => ({
    language: 'terraform' as const,
    key: p,
    files: [p, ...(replaced.get(dirname(p))?.files ?? [])],
  }));
  const planDirs = new Set(plans.map(dirname));
  return [...modules.filter((u) => !planDirs.has(u.key)), ...planUnits];
}

async function analyze(unit: AnalysisUnit, ctx: AnalysisContext): Promise<UnitResult> {
  if (!mayBePlan(unit.key)) {
    return analyzeUnit(unit, ctx);
  }
  const text = await ctx.readText(unit.key);
  const replaces = unit.files.length > 1 ? dirname(unit.key) : undefined;
  const plan = text === undefined ? { resources: [], errors: [] } : analyzePlan(unit.key, text, replaces);
  return { ...plan, dependencies: [unit.key] };
}

/** Terraform and OpenTofu: module-aware resolution of providers and regions over our own HCL parser, and plans. */
export const terraformAnalyzer: LanguageAnalyzer = {
  language: 'terraform',
  // (`mayBePlan` without asking `fileKind` twice: discovery asks this of every file name.)
  claims: (path) => fileKind(path) !== undefined || claimsArm(path),
  units,
  analyze,
};
