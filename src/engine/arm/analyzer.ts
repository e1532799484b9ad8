import type { AnalysisContext, AnalysisUnit, LanguageAnalyzer, UnitResult } from '../analyzer';
import { configuredTarget, configuredVars } from '../azure/configured-target';
import { deploymentObject, resourceGroupObject } from '../azure/functions';
import type { Value } from '../azure/value';
import type { AnalysisError, ExtractedResource } from '../model';
import { basename, dirname } from '../workspace/paths';
import { collectResourceGroups, followDeployment, type PendingLink } from './deployments';
import { type ArmDocument, locate, prop, stringAt } from './document';
import { unitBudget } from './evaluate';
import { claimsArm, loadArm, matchParameterFiles } from './files';
import { linkedFiles } from './linked';
import { parameterFileValues, templateScope } from './scope';
import { type Candidate, type Walk, type WalkFrame, walkResources } from './walk';

/** Work budget per template and parameter file (function calls evaluated). */
const BUDGET = 200_000;

async function isCompiledBicep(ctx: AnalysisContext, path: string, root: import('jsonc-parser').Node | undefined) {
  const generator = stringAt(prop(prop(root, 'metadata'), '_generator'), 'name');
  if (
    generator?.toLowerCase() !== 'bicep' ||
    ctx.config.compiledArm !== 'prefer-bicep' ||
    !ctx.config.languages.bicep
  ) {
    return false;
  }
  const source = `${basename(path).replace(/\.jsonc?$/i, '')}.bicep`;
  return (await ctx.listDir(dirname(path))).some((e) => e.name === source);
}

async function units(files: string[], ctx: AnalysisContext): Promise<AnalysisUnit[]> {
  const templates: string[] = [];
  const params: string[] = [];
  for (const file of files) {
    if (ctx.signal?.aborted) {
      break;
    }
    const doc = await loadArm(ctx, file);
    if (!doc) {
      // Unreadable, binary or too large: a unit of its own so that the reason reaches `errors`.
      templates.push(file);
    } else if (doc.kind === 'template' && !(await isCompiledBicep(ctx, file, doc.root))) {
      templates.push(file);
    } else if (doc.kind === 'parameters') {
      params.push(file);
    }
  }
  const linked = new Set<string>();
  for (const t of templates) {
    const doc = await loadArm(ctx, t);
    if (doc?.hasLinks) {
      linkedFiles(t, doc.root).forEach((l) => l !== t && linked.add(l));
    }
  }
  const standalone = templates.filter((t) => !linked.has(t));
  const perDir = new Map<string, number>();
  standalone.forEach((t) => perDir.set(dirname(t), (perDir.get(dirname(t)) ?? 0) + 1));
  return standalone.map((t) => ({
    language: 'arm',
    key: t,
    files: [t, ...matchParameterFiles(t, params, perDir.get(dirname(t)) ?? 0)],
  }));
}

function regionKey(r: ExtractedResource): string {
  return r.region.kind === 'known' ? `=${r.region.value.toLowerCase()}` : `?${r.region.reason}`;
}

/** One placement per resource and distinct region; instances are named only when their regions differ. */
function merge(candidates: Candidate[]): ExtractedResource[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const group = groups.get(c.resource.address);
    if (!group) {
      groups.set(c.resource.address, [c]);
    } else if (!group.some((g) => regionKey(g.resource) === regionKey(c.resource))) {
      group.push(c);
    }
  }
  const out: ExtractedResource[] = [];
  for (const group of groups.values()) {
    for (const c of group) {
      if (group.length > 1 && c.instance.length > 0) {
        const key = c.instance.join(',');
        out.push({ ...c.resource, address: `${c.resource.address}[${key}]`, instanceKey: key });
      } else {
        out.push(c.resource);
      }
    }
  }
  return out;
}

async function analyze(unit: AnalysisUnit, ctx: AnalysisContext): Promise<UnitResult> {
  const [file, ...paramFiles] = unit.files;
  const errors: AnalysisError[] = [];
  const dependencies = [...unit.files];
  const doc = await loadArm(ctx, file);
  if (!doc || doc.kind !== 'template' || !doc.root) {
    return { resources: [], errors: doc?.errors ?? [], dependencies };
  }
  errors.push(...doc.errors);
  const variants: Array<string | undefined> = paramFiles.length > 0 ? paramFiles : [undefined];
  const candidates: Candidate[] = [];
  for (const paramFile of variants) {
    if (ctx.signal?.aborted) {
      break;
    }
    const inputs = new Map<string, Value>();
    if (paramFile) {
      const pdoc = await loadArm(ctx, paramFile);
      errors.push(...(pdoc?.errors ?? []));
      if (pdoc?.kind === 'parameters') {
        parameterFileValues(pdoc, basename(paramFile)).forEach((v, k) => inputs.set(k, v));
      }
    }
    configuredVars(ctx.config, (k) => `parameter '${k}' set by --var or the settings`).forEach((v, k) =>
      inputs.set(k.toLowerCase(), v),
    );
    const out: Candidate[] = [];
    const pending: PendingLink[] = [];
    const walk: Walk = {
      out,
      errors,
      resourceGroups: new Map(),
      kinds: new Map(),
      deployment: (f, r, n, a, s, i) => followDeployment(pending, f, r, n, a, s, i),
    };
    const { deploymentLocation, resourceGroupLocation } = configuredTarget(ctx.config);
    const scope = templateScope(doc, doc.root, {
      params: inputs,
      resourceGroup: () => resourceGroupObject(resourceGroupLocation),
      deployment: () => deploymentObject(deploymentLocation, file),
      budget: unitBudget(BUDGET),
    });
    const frame: WalkFrame = { walk, doc, scope, prefix: '', module: null, instance: [], depth: 0 };
    collectResourceGroups(frame, prop(doc.root, 'resources'));
    walkResources(frame, prop(doc.root, 'resources'));
    await followLinks(ctx, pending, dependencies, errors, file);
    const tag = variants.length > 1 && paramFile ? [basename(paramFile)] : [];
    for (const c of out) {
      candidates.push(tag.length > 0 ? { ...c, instance: [...tag, ...c.instance] } : c);
    }
  }
  return { resources: merge(candidates), errors, dependencies };
}

/**
 * The resources of an ARM template that a Bicep file deploys as a module (`module m './nested.json'`),
 * with the parameters the module passes (keys as written), under the module's address prefix. Inline
 * nested deployments are followed; a linked template inside it is reported where it is linked and not
 * followed (the Bicep analysis has not read it).
 */
export function armModuleResources(
  doc: ArmDocument,
  opts: {
    params: ReadonlyMap<string, Value>;
    /** `module.storage.`, or '' for a template deployed on its own (with `.bicepparam` files). */
    prefix: string;
    /** Appended to every address (`@prod.bicepparam` when a template is analysed per parameters file). */
    suffix: string;
    resourceGroup: () => Value;
    deployment: () => Value;
    errors: AnalysisError[];
  },
): ExtractedResource[] {
  if (!doc.root) {
    return [];
  }
  const out: Candidate[] = [];
  const pending: PendingLink[] = [];
  const walk: Walk = {
    out,
    errors: opts.errors,
    resourceGroups: new Map(),
    kinds: new Map(),
    deployment: (f, r, n, a, s, i) => followDeployment(pending, f, r, n, a, s, i),
  };
  const params = new Map<string, Value>();
  opts.params.forEach((v, k) => params.set(k.toLowerCase(), v));
  const scope = templateScope(doc, doc.root, {
    params,
    resourceGroup: opts.resourceGroup,
    deployment: opts.deployment,
    budget: unitBudget(BUDGET),
  });
  const module = opts.prefix === '' ? null : opts.prefix.slice(0, -1);
  const frame: WalkFrame = { walk, doc, scope, prefix: opts.prefix, module, instance: [], depth: 0 };
  collectResourceGroups(frame, prop(doc.root, 'resources'));
  walkResources(frame, prop(doc.root, 'resources'));
  for (const link of pending) {
    opts.errors.push({
      file: link.from.doc.file,
      range: locate(link.from.doc, link.at).range,
      message: `linked template not followed: ${link.written} is linked from a template that a Bicep module deploys`,
    });
  }
  const merged = merge(out);
  return opts.suffix ? merged.map((r) => ({ ...r, address: r.address + opts.suffix })) : merged;
}

/** Loads and walks linked local templates (which may link further), each file at most once per chain. */
async function followLinks(
  ctx: AnalysisContext,
  pending: PendingLink[],
  dependencies: string[],
  errors: AnalysisError[],
  root: string,
): Promise<void> {
  let followed = 0;
  while (pending.length > 0 && followed++ < 64 && !ctx.signal?.aborted) {
    const link = pending.shift()!;
    if (link.path === root || link.from.depth >= 8) {
      continue;
    }
    if (!dependencies.includes(link.path)) {
      dependencies.push(link.path);
    }
    const doc = await loadArm(ctx, link.path);
    if (!doc) {
      // A file that exists but cannot be read also has an error of its own (binary, too large, outside).
      errors.push({
        file: link.from.doc.file,
        range: locate(link.from.doc, link.at).range,
        message: `linked template ${ctx.isMissing(link.path) ? 'not found' : 'cannot be read'}: ${link.written}`,
      });
      continue;
    }
    if (doc.kind !== 'template' || !doc.root) {
      errors.push(...doc.errors);
      continue;
    }
    const scope = templateScope(doc, doc.root, {
      params: link.params,
      resourceGroup: link.resourceGroup,
      deployment: link.deployment,
      budget: link.from.scope.budget,
    });
    const frame: WalkFrame = {
      ...link.from,
      doc,
      scope,
      prefix: link.prefix,
      module: link.module,
      instance: link.instance,
      depth: link.from.depth + 1,
    };
    collectResourceGroups(frame, prop(doc.root, 'resources'));
    walkResources(frame, prop(doc.root, 'resources'));
  }
}

/** ARM JSON templates: `$schema`-detected templates with their parameter files, nested and linked deployments. */
export const armAnalyzer: LanguageAnalyzer = {
  language: 'arm',
  claims: claimsArm,
  units,
  analyze,
};
