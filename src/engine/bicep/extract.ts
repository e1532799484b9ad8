import { armModuleResources } from '../arm/analyzer';
import type { ArmDocument } from '../arm/document';
import { deploymentObject, resourceGroupObject } from '../azure/functions';
import { classifyAzureType, isDeployment, placedWithoutLocation, regionFrom } from '../azure/resource-kinds';
import { toText, unknown, type Value, withProvenance, withStep } from '../azure/value';
import type { AnalysisError, ExtractedResource, ProvenanceStep } from '../model';
import { MAX_SOURCE, shortValue } from '../text/quote';
import type { Expr, ModuleDecl, ObjectExpr, ResourceDecl } from './ast';
import { bicepCopies } from './copies';
import { bareType, deployedByCaller, evaluate, resourceObject } from './evaluate';
import { isArmModulePath, localModulePath, MAX_FILES, REMOTE_MODULE } from './load';
import { FileScope, type Inputs, type ParsedDoc, type Scope, withLocals } from './scope';

/** Local modules nested deeper than this are not followed (a cycle is reported before that). */
const MAX_MODULE_DEPTH = 20;

/** Loops multiplied through modules could list without end: stop at this many instances per template. */
const MAX_PLACEMENTS = 100_000;

export interface ExtractContext {
  docs: ReadonlyMap<string, ParsedDoc>;
  /** ARM templates that modules deploy (`module m './nested.json'`), by path. */
  armDocs?: ReadonlyMap<string, ArmDocument>;
  /** Files that could not be read (the loader reported the references to them). */
  unread?: ReadonlySet<string>;
  errors: AnalysisError[];
  /** Appended to every address, e.g. `@prod.bicepparam` when one template is analysed per parameter file. */
  suffix: string;
  out: ExtractedResource[];
  /** Set once the instance limit was reached (and reported). */
  truncated?: boolean;
  /** From the configuration: `deployment().location` and the target resource group's location. */
  deploymentLocation?: Value;
  resourceGroupLocation?: Value;
}

interface ModuleInfo {
  /** `module.storage.` or '' at the root. */
  prefix: string;
  /** Files of the module chain, to detect cycles. */
  chain: string[];
}

interface Instance {
  scope: Scope;
  body: ObjectExpr;
  index?: number;
  key?: string;
}

interface ParentInfo {
  name: string;
  address: string;
  type: string;
  region?: Value;
  existing: boolean;
}

/** Resolves every resource of a template (and of its local modules) given the values of its parameters. */
export function extractTemplate(doc: ParsedDoc, inputs: Inputs, ctx: ExtractContext): void {
  const fs = new FileScope(doc, inputs);
  fs.deploymentLocation = ctx.deploymentLocation;
  fs.resourceGroupLocation = ctx.resourceGroupLocation;
  walkFile(fs, { prefix: '', chain: [doc.path] }, ctx);
}

function walkFile(fs: FileScope, mod: ModuleInfo, ctx: ExtractContext): void {
  for (const s of fs.doc.file.statements) {
    if (s.kind === 'resource') {
      walkResource(s, { fs }, undefined, mod, ctx);
    } else if (s.kind === 'module') {
      walkModule(s, { fs }, mod, ctx);
    }
  }
}

/** The instances a resource or module body produces: one per loop value whose condition is not known false. */
function instances(value: Expr, scope: Scope): Instance[] {
  const out: Instance[] = [];
  const add = (body: Expr, s: Scope, index?: number, key?: string) => {
    let b = body;
    if (b.kind === 'if') {
      const c = evaluate(b.cond, s);
      if (c.k === 'bool' && !c.v) {
        return;
      }
      b = b.body;
    }
    if (b.kind === 'object') {
      out.push({ scope: s, body: b, index, key });
    }
  };
  if (value.kind !== 'for') {
    add(value, scope);
    return out;
  }
  const iter = evaluate(value.iterable, scope);
  const loc = scope.fs.loc(value.start, value.iterable.end);
  if (iter.k === 'array') {
    iter.items.forEach((item, i) => {
      const locals = new Map<string, Value>();
      const key = toText(item) ?? String(i);
      if (value.item) {
        const step: ProvenanceStep = { description: `loop value ${JSON.stringify(key)}`, location: loc };
        locals.set(value.item.name, withStep(withProvenance(item, item.prov ?? iter.prov, item.loc), step));
      }
      if (value.index) {
        locals.set(value.index.name, { k: 'number', v: i });
      }
      add(value.body, withLocals(scope, locals), i, key);
    });
    return out;
  }
  const reason =
    iter.k === 'unknown'
      ? `it comes from a loop whose values are not known statically (${iter.reason})`
      : 'it comes from a loop over a value that is not an array';
  const locals = new Map<string, Value>();
  for (const id of [value.item, value.index]) {
    if (id) {
      locals.set(id.name, unknown(reason));
    }
  }
  add(value.body, withLocals(scope, locals));
  return out;
}

/** `blobServices` nested in `Microsoft.Storage/storageAccounts` is `Microsoft.Storage/storageAccounts/blobServices`. */
function fullType(typeString: string, parentType?: string): string {
  const t = typeString.split('@')[0];
  return parentType !== undefined && !t.includes('/') ? `${parentType}/${t}` : t;
}

function walkResource(
  decl: ResourceDecl,
  scope: Scope,
  parent: ParentInfo | undefined,
  mod: ModuleInfo,
  ctx: ExtractContext,
): void {
  if (ctx.truncated) {
    return;
  }
  const fs = scope.fs;
  const type = fullType(decl.typeString, parent?.type);
  if (isDeployment(type)) {
    // A deployment declared as a resource (`Microsoft.Resources/deployments`) holds no data; as in ARM
    // templates it is not a placement. (Its inline template, written in ARM JSON, is not read.)
    return;
  }
  const info = classifyAzureType(type);
  const name = decl.name.name;
  for (const inst of instances(decl.value, scope)) {
    const props = inst.body.properties;
    const locProp = props.find((p) => p.key === 'location');
    const parentProp = props.find((p) => p.key === 'parent');
    // The parent this resource lives in: the enclosing resource, or the one `parent:` names.
    const parentRef = parentProp ? resolveParent(parentProp.value, fs) : undefined;
    const parentName = parentProp ? parentRef?.name : parent?.name;
    const parentExisting = parentProp ? parentRef?.existing === true : parent?.existing === true;
    let region: Value | undefined;
    if (locProp) {
      region = evaluate(locProp.value, inst.scope);
    } else if (info.inheritsLocation && !parentExisting) {
      // A child or extension resource without a location lives where its parent lives: the parent is
      // the placement (as for ARM templates, see resource-kinds.ts), so this one is not listed.
      region = undefined;
    } else if (parentExisting) {
      const where = parentProp ? fs.loc(parentProp.value.start, parentProp.value.end) : undefined;
      // A resource that lives where its parent lives, in an existing parent that the calling template
      // deploys, has that resource's region.
      const viaCaller = !info.inheritsLocation
        ? undefined
        : parentProp
          ? existingParentRegion(parentProp.value, fs)
          : parent?.region;
      // Placed with its parent, listed when the calling template deploys that parent in a known region;
      // otherwise the parent's own placement (wherever it is deployed) holds this one: not listed, not CAL002.
      region =
        viaCaller?.k === 'string'
          ? withStep(viaCaller, { description: `inherited from ${parentName}`, location: where })
          : undefined;
    } else if (decl.existing && !parent) {
      // Not listed itself; resources nested in it take this region (see existingParentRegion).
      region = deployedByCaller(decl, fs);
    }
    let address = parent ? `${parent.address}::${name}` : `${mod.prefix}${name}`;
    if (inst.index !== undefined) {
      address += `[${inst.index}]`;
    }
    const isGlobal = info.global || (region?.k === 'string' && region.v.toLowerCase() === 'global');
    const emit = !decl.existing && (region !== undefined || placedWithoutLocation(info));
    if (emit && ctx.out.length >= MAX_PLACEMENTS) {
      if (!ctx.truncated) {
        ctx.truncated = true;
        ctx.errors.push({
          file: fs.doc.path,
          message: `more than ${MAX_PLACEMENTS} resource instances; the rest are not listed`,
        });
      }
      return;
    }
    if (emit) {
      const provenance = region?.prov ?? [];
      if (provenance.length === 0 && region?.loc) {
        provenance.push({ description: `location of ${name}`, location: region.loc });
      }
      const resolved = regionFrom(region, name, isGlobal);
      ctx.out.push({
        language: 'bicep',
        file: fs.doc.path,
        range: fs.doc.lines.range(decl.keywordStart, decl.end),
        headerRange: fs.doc.lines.range(decl.keywordStart, decl.typeEnd),
        type,
        name,
        address: address + ctx.suffix,
        module: mod.prefix === '' ? null : mod.prefix.slice(0, -1),
        provider: 'azure',
        region: resolved,
        regionLocation: region?.k === 'string' ? region.loc : undefined,
        provenance,
        dataClass: info.dataClass,
        global: isGlobal,
        instanceKey: inst.key,
        copies: bicepCopies(type, props, inst.scope, resolved, { symbol: name, nested: inst.body.resources }),
      });
    }
    for (const child of inst.body.resources) {
      walkResource(child, inst.scope, { name, address, type, region, existing: decl.existing }, mod, ctx);
    }
  }
}

/**
 * The location of the resource group a module deploys to: a resource group declared in the calling file
 * (`scope: rg`), else the caller's own resource group when that is known.
 */
function targetResourceGroup(inst: Instance, fs: FileScope): Value | undefined {
  const scopeProp = inst.body.properties.find((p) => p.key === 'scope');
  if (!scopeProp) {
    return fs.resourceGroupLocation;
  }
  const e = scopeProp.value;
  if (isOwnResourceGroup(e)) {
    return fs.resourceGroupLocation;
  }
  const decl = e.kind === 'ident' ? fs.resources.get(e.name) : undefined;
  if (!decl || decl.existing || bareType(decl.typeString) !== 'microsoft.resources/resourcegroups') {
    return undefined;
  }
  const location = evaluate(
    {
      kind: 'member',
      object: e,
      name: { name: 'location', start: e.start, end: e.end },
      safe: false,
      start: e.start,
      end: e.end,
    },
    inst.scope,
  );
  return withStep(location, { description: `resource group ${decl.name.name}`, location: fs.loc(e.start, e.end) });
}

/** `scope: resourceGroup()`: the caller's own resource group. */
function isOwnResourceGroup(e: Expr): boolean {
  return e.kind === 'call' && e.args.length === 0 && e.name.toLowerCase() === 'resourcegroup';
}

/**
 * The region of an existing parent named by `parent:` (`sa`, `sa::blobs`) when the calling template
 * deploys its outermost resource, and every resource nested on the way lives where its parent does.
 */
function existingParentRegion(e: Expr, fs: FileScope): Value | undefined {
  const path: string[] = [];
  let root = e;
  while (root.kind === 'resourceAccess') {
    path.unshift(root.name.name);
    root = root.object;
  }
  const top = root.kind === 'ident' ? fs.resources.get(root.name) : undefined;
  if (!top) {
    return undefined;
  }
  let decl = top;
  let type = bareType(top.typeString);
  for (const step of path) {
    const body = resourceObject(decl.value);
    const nested = body?.kind === 'object' ? body.resources.find((r) => r.name.name === step) : undefined;
    if (!nested) {
      return undefined;
    }
    type = fullType(nested.typeString, type).toLowerCase();
    if (!classifyAzureType(type).inheritsLocation) {
      return undefined;
    }
    decl = nested;
  }
  return deployedByCaller(top, fs);
}

/** The resource a `parent:` value names (`sa`, `sa::blobs`), and whether it or an enclosing one is `existing`. */
function resolveParent(e: Expr, fs: FileScope): { name: string; existing: boolean } | undefined {
  if (e.kind === 'ident') {
    const d = fs.resources.get(e.name);
    return d && { name: e.name, existing: d.existing };
  }
  if (e.kind === 'resourceAccess') {
    const outer = resolveParent(e.object, fs);
    return outer && { name: `${outer.name}::${e.name.name}`, existing: outer.existing };
  }
  return undefined;
}

/**
 * The parameters a module instance is given, each evaluated (in the caller's scope) when the module
 * first reads it: most parameters never decide a region, and a module is instantiated once per caller.
 */
class ModuleInputs implements Inputs {
  private readonly values = new Map<string, Value>();
  private readonly deferred = new Map<string, () => Value>();

  set(key: string, value: Value): void {
    this.values.set(key, value);
    this.deferred.delete(key);
  }

  defer(key: string, compute: () => Value): void {
    this.deferred.set(key, compute);
    this.values.delete(key);
  }

  get(key: string): Value | undefined {
    const compute = this.deferred.get(key);
    if (compute) {
      this.deferred.delete(key);
      this.values.set(key, compute());
    }
    return this.values.get(key);
  }

  /** Every parameter, evaluated: what an ARM template deployed as the module receives. */
  all(): Map<string, Value> {
    for (const key of [...this.deferred.keys()]) {
      this.get(key);
    }
    return new Map(this.values);
  }
}

/** Module paths by declaration: a module is instantiated again for every caller, its path is the same. */
const modulePaths = new WeakMap<ModuleDecl, { from: string; path: string | undefined }>();

function modulePathOf(fromFile: string, decl: ModuleDecl): string | undefined {
  let hit = modulePaths.get(decl);
  if (!hit || hit.from !== fromFile) {
    hit = { from: fromFile, path: localModulePath(fromFile, decl.path) };
    modulePaths.set(decl, hit);
  }
  return hit.path;
}

function walkModule(decl: ModuleDecl, scope: Scope, mod: ModuleInfo, ctx: ExtractContext): void {
  const fs = scope.fs;
  const path = modulePathOf(fs.doc.path, decl);
  const pathLoc = fs.loc(decl.pathStart, decl.pathEnd);
  if (!path) {
    if (REMOTE_MODULE.test(decl.path)) {
      ctx.errors.push({
        file: fs.doc.path,
        range: pathLoc.range,
        message:
          `module ${decl.name.name} is not read, so what it deploys is not in this report: registry (br:) and ` +
          'template spec (ts:) modules are never downloaded',
        notRead: { kind: 'bicep-registry-module', source: shortValue(decl.path, MAX_SOURCE) },
      });
    }
    return;
  }
  const doc = ctx.docs.get(path);
  const arm = doc ? undefined : ctx.armDocs?.get(path);
  if (!doc && !arm) {
    if (!ctx.unread?.has(path) && !isArmModulePath(path)) {
      ctx.errors.push({
        file: fs.doc.path,
        range: pathLoc.range,
        message: `module ${decl.name.name} not followed: the template reaches more than ${MAX_FILES} files`,
      });
    }
    return;
  }
  if (mod.chain.includes(path) || mod.chain.length > MAX_MODULE_DEPTH) {
    ctx.errors.push({
      file: fs.doc.path,
      range: pathLoc.range,
      message: `module ${decl.name.name} refers back to itself; not followed`,
    });
    return;
  }
  const name = decl.name.name;
  for (const inst of instances(decl.value, scope)) {
    if (ctx.truncated) {
      return;
    }
    const inputs = new ModuleInputs();
    const paramsProp = inst.body.properties.find((p) => p.key === 'params');
    if (paramsProp) {
      const pv = paramsProp.value;
      if (pv.kind === 'object') {
        for (const sp of pv.spreads) {
          const v = evaluate(sp.kind === 'spread' ? sp.expr : sp, inst.scope);
          if (v.k === 'object') {
            v.props.forEach((val, key) => inputs.set(key, val));
          }
        }
        for (const p of pv.properties) {
          inputs.defer(p.key, () =>
            withStep(evaluate(p.value, inst.scope), {
              description: `module ${name} params.${p.key}`,
              location: fs.loc(p.value.start, p.value.end),
            }),
          );
        }
      } else {
        const v = evaluate(pv, inst.scope);
        if (v.k === 'object') {
          v.props.forEach((val, key) =>
            inputs.set(
              key,
              withStep(val, { description: `module ${name} params`, location: fs.loc(pv.start, pv.end) }),
            ),
          );
        }
      }
    }
    const prefix = `${mod.prefix}module.${name}${inst.index !== undefined ? `[${inst.index}]` : ''}.`;
    if (arm) {
      const resourceGroup = targetResourceGroup(inst, fs);
      const deploymentLocation = fs.deploymentLocation;
      const resources = armModuleResources(arm, {
        params: inputs.all(),
        prefix,
        suffix: ctx.suffix,
        resourceGroup: () => resourceGroupObject(resourceGroup),
        deployment: () => deploymentObject(deploymentLocation, path),
        errors: ctx.errors,
      });
      for (const r of resources) {
        ctx.out.push(r);
      }
      continue;
    }
    if (!doc) {
      return;
    }
    const child = new FileScope(doc, inputs);
    child.resourceGroupLocation = targetResourceGroup(inst, fs);
    child.deploymentLocation = fs.deploymentLocation;
    const scopeProp = inst.body.properties.find((p) => p.key === 'scope');
    if (!scopeProp || isOwnResourceGroup(scopeProp.value)) {
      // Deployed to the caller's resource group: an `existing` resource there may be one the caller deploys.
      child.target = fs.target;
    }
    walkFile(child, { prefix, chain: [...mod.chain, path] }, ctx);
  }
}
