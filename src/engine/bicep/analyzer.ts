import type { AnalysisContext, AnalysisUnit, LanguageAnalyzer, UnitResult } from '../analyzer';
import { armModuleResources } from '../arm/analyzer';
import type { ArmDocument } from '../arm/document';
import { loadArm, matchParameterFiles, parameterDirs } from '../arm/files';
import { parameterFileValues } from '../arm/scope';
import { configuredTarget, configuredVars } from '../azure/configured-target';
import { deploymentObject, resourceGroupObject } from '../azure/functions';
import type { Value } from '../azure/value';
import type { AnalysisError, ExtractedResource } from '../model';
import { MAX_SOURCE, shortValue } from '../text/quote';
import { basename, dirname } from '../workspace/paths';
import { extractTemplate } from './extract';
import { isArmModulePath, loadAll, loadDoc, reachable, references, REMOTE_MODULE, usingPath } from './load';
import { paramFileInputs } from './param-file';
import type { ParsedDoc } from './scope';

const isParamFile = (p: string) => p.endsWith('.bicepparam');

/** Text that may declare a module or extend a parameters file (a false match only costs a parse). */
const MAY_REFERENCE = /\b(?:module|extends)\b/;

/** The local modules among a template's references (a template has no `extends`), without itself. */
const localModulesOf = (refs: string[] | undefined, self: string) => (refs ?? []).filter((m) => m !== self);

/**
 * Bicep: one unit per entry file (a `.bicep` file that no other scanned file uses as a local module),
 * with its local modules, the `.bicepparam` files that name it in `using` and the JSON parameters files
 * (`deploymentParameters.json` schema) that ARM's naming rule gives it (`main.parameters.json`,
 * `main.parameters.prod.json`, ..., beside it or in its `parameters` folder), which
 * `az deployment ... --template-file main.bicep --parameters ...` applies alike. A template with several
 * parameter files is resolved once per parameter file; addresses then end with `@<file>`.
 */
export const bicepAnalyzer: LanguageAnalyzer = {
  language: 'bicep',
  claims: (path) => path.endsWith('.bicep') || isParamFile(path),

  async units(files, ctx): Promise<AnalysisUnit[]> {
    const templates = files.filter((f) => !isParamFile(f));
    // Each file is parsed once here; only what it references is kept, so grouping a large workspace
    // neither parses twice nor holds every syntax tree.
    const refs = new Map<string, string[] | undefined>();
    const refsOf = async (path: string): Promise<string[] | undefined> => {
      if (!refs.has(path)) {
        const text = await ctx.readText(path);
        if (text === undefined) {
          refs.set(path, undefined);
        } else if (isArmModulePath(path) || !MAY_REFERENCE.test(text)) {
          // An ARM template deployed as a module (one of this unit's files, so that it is not analysed on its
          // own as well) references nothing Bicep follows; a file without either word has no module or
          // `extends` statement. Neither needs a parse (nor keeps a tree until the file's unit runs).
          refs.set(path, []);
        } else {
          const doc = await loadDoc(path, ctx);
          refs.set(path, doc ? references(doc) : undefined);
        }
      }
      return refs.get(path);
    };
    const usedAsModule = new Set<string>();
    for (const f of templates) {
      for (const m of localModulesOf(await refsOf(f), f)) {
        usedAsModule.add(m);
      }
    }
    const paramsOf = new Map<string, string[]>();
    const orphans: AnalysisUnit[] = [];
    for (const f of files.filter(isParamFile)) {
      const doc = await loadDoc(f, ctx);
      const t = doc && usingPath(doc);
      if (t) {
        paramsOf.set(t, [...(paramsOf.get(t) ?? []), f]);
      } else if (doc && remoteUsing(doc)) {
        // Its template comes from a registry: a unit of its own, whose analysis says that it is not read.
        orphans.push({ language: 'bicep', key: f, files: [f] });
      }
    }
    const entries = templates.filter((f) => !usedAsModule.has(f));
    // How many entries each folder holds: a plain `parameters.json` belongs to the only one.
    const entriesIn = new Map<string, number>();
    entries.forEach((e) => entriesIn.set(dirname(e), (entriesIn.get(dirname(e)) ?? 0) + 1));
    const jsonOf = new Map<string, string[]>();
    for (const t of templates) {
      const json = await jsonParameterFiles(t, usedAsModule.has(t) ? 0 : (entriesIn.get(dirname(t)) ?? 1), ctx);
      if (json.length > 0) {
        jsonOf.set(t, json);
      }
    }
    // A template that other files use as a module and that parameters files name is also deployed on its
    // own, with them (`az deployment ... --template-file hub.bicep --parameters hub.parameters.json`).
    for (const t of templates) {
      if (usedAsModule.has(t) && (jsonOf.has(t) || paramsOf.has(t))) {
        entries.push(t);
      }
    }
    const found = new Set(files);
    for (const [t, params] of paramsOf) {
      if (isArmModulePath(t) && (await ctx.readText(t)) !== undefined) {
        // An ARM template that parameters files name (`using './main.json'`): analysed with them, in a unit
        // keyed by the first of them, so that it is not also analysed alone with its parameters unknown.
        orphans.push({ language: 'bicep', key: params[0], files: [...params, t] });
        continue;
      }
      if (entries.includes(t)) {
        continue;
      }
      if (found.has(t) || (await ctx.readText(t)) !== undefined || !ctx.isMissing(t)) {
        // Outside the scanned paths or excluded, but there: read for its parameter files.
        entries.push(t);
      } else {
        // The template a parameters file names does not exist: each such file is a unit of its own,
        // whose analysis reports that at its `using` statement.
        for (const pf of params) {
          orphans.push({ language: 'bicep', key: pf, files: [pf] });
        }
      }
    }
    const units: AnalysisUnit[] = [];
    const covered = new Set<string>();
    const addUnit = async (entry: string) => {
      const modules = (await reachable([entry], refsOf, ctx.signal)).filter((k) => k !== entry);
      modules.forEach((m) => covered.add(m));
      covered.add(entry);
      units.push({
        language: 'bicep',
        key: entry,
        files: [entry, ...modules, ...(paramsOf.get(entry) ?? []), ...(jsonOf.get(entry) ?? [])],
      });
    };
    for (const entry of entries) {
      await addUnit(entry);
    }
    // Files that only use each other as modules (a cycle) reach no entry: the first of them becomes one.
    for (const f of templates) {
      if (!covered.has(f)) {
        await addUnit(f);
      }
    }
    return [...units, ...orphans];
  },

  async analyze(unit, ctx): Promise<UnitResult> {
    const entry = unit.key;
    if (isParamFile(entry)) {
      const arm = unit.files.find(isArmModulePath);
      return arm ? armTemplateWithParams(arm, unit.files.filter(isParamFile), ctx) : missingTemplate(entry, ctx);
    }
    const paramFiles = unit.files.filter(isParamFile);
    const { docs, armDocs, errors, unread } = await loadAll([entry, ...paramFiles], ctx);
    const jsonParams = await jsonParametersOf(unit, ctx);
    const doc = docs.get(entry);
    const resources: ExtractedResource[] = [];
    const dependencies = [...docs.keys(), ...armDocs.keys(), ...jsonParams.keys()];
    for (const p of jsonParams.values()) {
      errors.push(...p.errors);
    }
    if (!doc) {
      return { resources, errors, dependencies };
    }
    const sets = parameterSets(paramFiles, docs, ctx, jsonParams, declaredParams(doc));
    if (sets.length === 0) {
      sets.push({ inputs: configuredVars(ctx.config, (name) => `--var ${name}`), suffix: '' });
    }
    const target = configuredTarget(ctx.config);
    for (const set of sets) {
      extractTemplate(doc, set.inputs, {
        docs,
        armDocs,
        unread,
        errors,
        suffix: set.suffix,
        out: resources,
        ...target,
      });
    }
    return { resources, errors, dependencies };
  },
};

/**
 * The inputs of each readable parameters file (`.bicepparam` files, then JSON parameters files), `--var`
 * values over them, and the suffix its addresses get (`@dev.bicepparam` when a template has several).
 * A JSON parameters file names parameters as Resource Manager matches them, whatever their case: its
 * values go to the template's parameters of those names (`declared`).
 */
function parameterSets(
  paramFiles: string[],
  docs: ReadonlyMap<string, ParsedDoc>,
  ctx: AnalysisContext,
  jsonParams: ReadonlyMap<string, ArmDocument> = new Map(),
  declared: readonly string[] = [],
): Array<{ inputs: Map<string, Value>; suffix: string }> {
  const cli = configuredVars(ctx.config, (name) => `--var ${name}`);
  const sets: Array<{ inputs: Map<string, Value>; suffix: string }> = [];
  const several = paramFiles.length + jsonParams.size > 1;
  for (const pf of paramFiles) {
    const pdoc = docs.get(pf);
    if (pdoc) {
      const inputs = paramFileInputs(pdoc, docs);
      cli.forEach((v, k) => inputs.set(k, v));
      sets.push({ inputs, suffix: several ? `@${basename(pf)}` : '' });
    }
  }
  for (const [pf, pdoc] of jsonParams) {
    const byLowerName = parameterFileValues(pdoc, basename(pf));
    const inputs = new Map<string, Value>();
    for (const name of declared) {
      const v = byLowerName.get(name.toLowerCase());
      if (v) {
        inputs.set(name, v);
      }
    }
    cli.forEach((v, k) => inputs.set(k, v));
    sets.push({ inputs, suffix: several ? `@${basename(pf)}` : '' });
  }
  return sets;
}

/** The names of the parameters a Bicep template declares. */
function declaredParams(doc: ParsedDoc): string[] {
  return doc.file.statements.flatMap((s) => (s.kind === 'param' ? [s.name.name] : []));
}

/**
 * The JSON parameters files of a Bicep template, by the naming rule of ARM templates (see
 * {@link matchParameterFiles}); `entriesInDir` is how many entry templates its folder holds (a plain
 * `parameters.json` belongs to the only one). Only files with the `deploymentParameters.json` schema.
 */
async function jsonParameterFiles(template: string, entriesInDir: number, ctx: AnalysisContext): Promise<string[]> {
  const candidates: string[] = [];
  for (const dir of parameterDirs(dirname(template))) {
    for (const e of await ctx.listDir(dir)) {
      if (e.type === 'file' && /\.jsonc?$/i.test(e.name)) {
        candidates.push(`${dir}/${e.name}`);
      }
    }
  }
  const out: string[] = [];
  for (const f of matchParameterFiles(template, candidates, entriesInDir)) {
    if ((await loadArm(ctx, f))?.kind === 'parameters') {
      out.push(f);
    }
  }
  return out;
}

/** The JSON parameters files among a unit's files (its ARM JSON modules are templates), read. */
async function jsonParametersOf(unit: AnalysisUnit, ctx: AnalysisContext): Promise<Map<string, ArmDocument>> {
  const out = new Map<string, ArmDocument>();
  for (const f of unit.files) {
    if (isArmModulePath(f)) {
      const doc = await loadArm(ctx, f);
      if (doc?.kind === 'parameters') {
        out.set(f, doc);
      }
    }
  }
  return out;
}

/**
 * An ARM JSON template that `.bicepparam` files name: walked by the ARM side of the evaluator once per
 * parameters file (addresses end with `@<file>` when there are several), as a Bicep template would be.
 */
async function armTemplateWithParams(
  template: string,
  paramFiles: string[],
  ctx: AnalysisContext,
): Promise<UnitResult> {
  const { docs, armDocs, errors } = await loadAll([template, ...paramFiles], ctx);
  const dependencies = [...docs.keys(), ...armDocs.keys()];
  const arm = armDocs.get(template);
  const resources: ExtractedResource[] = [];
  if (!arm) {
    for (const pf of paramFiles) {
      const pdoc = docs.get(pf);
      const using = pdoc?.file.statements.find((s) => s.kind === 'using');
      if (pdoc && using?.kind === 'using') {
        errors.push({
          file: pf,
          range: pdoc.lines.range(using.pathStart, using.pathEnd),
          message: `the template of this parameters file is neither a Bicep file nor an ARM template: ${using.path ?? ''}`,
        });
      }
    }
    return { resources, errors, dependencies };
  }
  const target = configuredTarget(ctx.config);
  for (const { inputs, suffix } of parameterSets(paramFiles, docs, ctx)) {
    const found = armModuleResources(arm, {
      params: inputs,
      prefix: '',
      suffix,
      resourceGroup: () => resourceGroupObject(target.resourceGroupLocation),
      deployment: () => deploymentObject(target.deploymentLocation, template),
      errors,
    });
    for (const r of found) {
      resources.push(r);
    }
  }
  return { resources, errors, dependencies };
}

/** Whether a parameters file's `using` names a registry (`br:`) or template spec (`ts:`) template. */
function remoteUsing(doc: ParsedDoc): boolean {
  const using = doc.file.statements.find((s) => s.kind === 'using');
  return using?.kind === 'using' && using.path !== undefined && REMOTE_MODULE.test(using.path);
}

/**
 * A parameters file whose template does not exist, or comes from a registry (see `units`): said where
 * its `using` names it.
 */
async function missingTemplate(paramFile: string, ctx: AnalysisContext): Promise<UnitResult> {
  const doc = await loadDoc(paramFile, ctx);
  const errors: AnalysisError[] = [];
  const using = doc?.file.statements.find((s) => s.kind === 'using');
  if (doc && using?.kind === 'using' && using.path !== undefined) {
    const range = doc.lines.range(using.pathStart, using.pathEnd);
    errors.push(
      REMOTE_MODULE.test(using.path)
        ? {
            file: paramFile,
            range,
            message:
              'the template of this parameters file is not read, so what it deploys is not in this report: ' +
              'registry (br:) and template spec (ts:) templates are never downloaded',
            notRead: { kind: 'bicep-registry-template', source: shortValue(using.path, MAX_SOURCE) },
          }
        : {
            file: paramFile,
            range,
            message: `template file not found: ${using.path}; the parameters are not applied to any template`,
          },
    );
  }
  const template = doc && usingPath(doc);
  return { resources: [], errors, dependencies: template ? [paramFile, template] : [paramFile] };
}
