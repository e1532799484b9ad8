import type { AnalysisContext } from '../../analyzer';
import type { AnalysisError } from '../../model';
import { basename, join } from '../../workspace/paths';
import { type Attribute, type Block, type Body, type File, literalString } from '../parser';
import { loadFile, selectConfigFiles } from './files';
import { mergeBlock } from './override';

/** A top-level block and the file it is declared in. */
export interface Decl {
  file: string;
  block: Block;
}

export interface ResourceDecl extends Decl {
  mode: 'managed' | 'data';
  type: string;
  name: string;
}

export interface ProviderDecl extends Decl {
  /** Local name (`aws`, `google-beta`, or a `required_providers` name). */
  localName: string;
  alias?: string;
}

export interface ModuleCallDecl extends Decl {
  name: string;
  source?: string;
  version?: string;
}

export interface AttrDecl {
  file: string;
  attr: Attribute;
}

/** A configuration file written by a tool before Terraform runs (Terragrunt `generate`), parsed already. */
export interface GeneratedFile {
  /** File name in the module directory. */
  name: string;
  /** Where its text is written (the `terragrunt.hcl`), for locations. */
  path: string;
  file: File;
}

/** One module directory as Terraform loads it: all its files merged, override files applied. */
export interface ModuleConfig {
  dir: string;
  /** Configuration files read, in load order. */
  files: string[];
  variables: Map<string, Decl>;
  locals: Map<string, AttrDecl>;
  providers: ProviderDecl[];
  /** `required_providers` local name → provider type (`mycloud` → `aws` for `source = "hashicorp/aws"`). */
  requiredProviders: Map<string, string>;
  resources: ResourceDecl[];
  /** `type.name` → declaration, managed resources and `data.type.name` for data sources. */
  byAddress: Map<string, ResourceDecl>;
  modules: Map<string, ModuleCallDecl>;
  outputs: Map<string, Decl>;
  errors: AnalysisError[];
  /** Attributes and nested blocks that came from an override file, mapped to that file. */
  fileOf: WeakMap<object, string>;
}

function attr(body: Body, name: string): Attribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

/** A literal string attribute of a block body. */
export function literalAttr(body: Body, name: string): string | undefined {
  const a = attr(body, name);
  return a ? literalString(a.expr) : undefined;
}

/** The file a node of `decl` came from (override files change it per attribute). */
export function fileFor(cfg: ModuleConfig, node: object, decl: { file: string }): string {
  return cfg.fileOf.get(node) ?? decl.file;
}

function blockKey(b: Block): string | undefined {
  switch (b.type) {
    case 'resource':
    case 'data':
      return b.labels.length >= 2 ? `${b.type}.${b.labels[0].value}.${b.labels[1].value}` : undefined;
    case 'variable':
    case 'module':
    case 'output':
      return b.labels.length >= 1 ? `${b.type}.${b.labels[0].value}` : undefined;
    case 'provider': {
      const alias = literalAttr(b.body, 'alias');
      return b.labels.length >= 1 ? `provider.${b.labels[0].value}.${alias ?? ''}` : undefined;
    }
    default:
      return undefined;
  }
}

function addTerraformBlock(cfg: ModuleConfig, block: Block): void {
  for (const rp of block.body.blocks.filter((b) => b.type === 'required_providers')) {
    for (const a of rp.body.attributes) {
      const e = a.expr;
      // `aws = { source = "hashicorp/aws" }`, or the legacy `aws = "~> 5.0"` (version only).
      if (e.kind === 'object') {
        const src = e.items.find(
          (i) => literalString(i.key) === 'source' || (i.key.kind === 'scopeTraversal' && i.key.root === 'source'),
        );
        const source = src && literalString(src.value);
        if (source) {
          cfg.requiredProviders.set(a.name, source.slice(source.lastIndexOf('/') + 1).toLowerCase());
        }
      }
    }
  }
}

function addBlock(cfg: ModuleConfig, file: string, block: Block, index: Map<string, Decl>): void {
  const key = blockKey(block);
  const decl: Decl = { file, block };
  switch (block.type) {
    case 'locals':
      for (const a of block.body.attributes) {
        cfg.locals.set(a.name, { file, attr: a });
      }
      return;
    case 'terraform':
      addTerraformBlock(cfg, block);
      return;
    case 'resource':
    case 'data': {
      if (!key) {
        return;
      }
      // Object literals with the fields written out: spreading `decl` here was the hottest line of loading.
      const r: ResourceDecl = {
        file,
        block,
        mode: block.type === 'data' ? 'data' : 'managed',
        type: block.labels[0].value,
        name: block.labels[1].value,
      };
      // Joined rather than concatenated: `+` builds a chain of string pieces, `join` one flat string, and
      // these keys live as long as the configuration (a third less memory for them).
      cfg.byAddress.set(block.type === 'data' ? ['data', r.type, r.name].join('.') : [r.type, r.name].join('.'), r);
      if (r.mode === 'managed') {
        cfg.resources.push(r);
      }
      break;
    }
    case 'variable':
      if (block.labels[0]) {
        cfg.variables.set(block.labels[0].value, decl);
      }
      break;
    case 'output':
      if (block.labels[0]) {
        cfg.outputs.set(block.labels[0].value, decl);
      }
      break;
    case 'provider':
      if (block.labels[0]) {
        cfg.providers.push({
          file,
          block,
          localName: block.labels[0].value,
          alias: literalAttr(block.body, 'alias'),
        });
      }
      break;
    case 'module':
      if (block.labels[0]) {
        cfg.modules.set(block.labels[0].value, {
          file,
          block,
          name: block.labels[0].value,
          source: literalAttr(block.body, 'source'),
          version: literalAttr(block.body, 'version'),
        });
      }
      break;
    default:
      return;
  }
  if (key) {
    index.set(key, decl);
  }
}

/** Replaces the declaration of `key` everywhere it is referenced after an override merged into it. */
function replaceDecl(cfg: ModuleConfig, old: Block, merged: Block): void {
  const swap = <T extends Decl>(d: T): T => (d.block === old ? { ...d, block: merged } : d);
  cfg.resources = cfg.resources.map(swap);
  cfg.providers = cfg.providers.map(swap);
  for (const m of [cfg.byAddress, cfg.variables, cfg.outputs, cfg.modules] as Map<string, Decl>[]) {
    for (const [k, d] of m) {
      m.set(k, swap(d));
    }
  }
  for (const [k, d] of cfg.modules) {
    if (d.block === merged) {
      cfg.modules.set(k, { ...d, source: literalAttr(merged.body, 'source') ?? d.source });
    }
  }
}

/**
 * Loads a module directory: every configuration file Terraform/OpenTofu would read (see
 * {@link selectConfigFiles}), parsed through the engine's cache, with override files merged in.
 * Syntax errors are collected; everything that parsed is kept.
 */
export async function loadModule(
  ctx: AnalysisContext,
  dir: string,
  claimed: string[],
  generated: GeneratedFile[] = [],
): Promise<ModuleConfig> {
  // A generated file replaces the module's file of the same name (Terragrunt writes it into the copy it runs).
  const replaced = new Set(generated.map((g) => `${dir}/${g.name}`));
  const { primary, overrides } = selectConfigFiles(claimed.filter((f) => !replaced.has(f)));
  const parsed = new Map<string, File | undefined>();
  for (const path of [...primary, ...overrides]) {
    parsed.set(path, await loadFile(ctx, path));
  }
  // A module called by many roots is loaded once per root: reuse the configuration built from the same trees.
  const key = generated.length === 0 ? [...parsed.values()].find((f) => f !== undefined) : undefined;
  const hit = key && built.get(key);
  if (hit && hit.dir === dir && sameParses(hit.parsed, parsed)) {
    return hit.cfg;
  }
  const cfg = buildModule(dir, primary, overrides, parsed, generated);
  if (key) {
    built.set(key, { dir, parsed, cfg });
  }
  return cfg;
}

/**
 * Configurations already built, keyed by the syntax tree of their first file and checked against every
 * file's tree: an edited file is parsed into a new tree, so a stale entry can never match. Callers must
 * treat a {@link ModuleConfig} as read-only.
 */
const built = new WeakMap<File, { dir: string; parsed: Map<string, File | undefined>; cfg: ModuleConfig }>();

function sameParses(a: Map<string, File | undefined>, b: Map<string, File | undefined>): boolean {
  if (a.size !== b.size) {
    return false;
  }
  for (const [path, file] of b) {
    if (!a.has(path) || a.get(path) !== file) {
      return false;
    }
  }
  return true;
}

function buildModule(
  dir: string,
  primary: string[],
  overrides: string[],
  parsed: Map<string, File | undefined>,
  generated: GeneratedFile[],
): ModuleConfig {
  const cfg: ModuleConfig = {
    dir,
    files: [...primary, ...overrides],
    variables: new Map(),
    locals: new Map(),
    providers: [],
    requiredProviders: new Map(),
    resources: [],
    byAddress: new Map(),
    modules: new Map(),
    outputs: new Map(),
    errors: [],
    fileOf: new WeakMap(),
  };
  const index = new Map<string, Decl>();
  for (const path of primary) {
    const file = parsed.get(path);
    if (!file) {
      continue;
    }
    cfg.errors.push(...file.errors.map((e) => ({ file: path, range: e.range, message: e.message })));
    for (const block of file.body.blocks) {
      addBlock(cfg, path, block, index);
    }
  }
  for (const g of generated) {
    cfg.errors.push(...g.file.errors.map((e) => ({ file: g.path, range: e.range, message: e.message })));
    for (const block of g.file.body.blocks) {
      addBlock(cfg, g.path, block, index);
    }
  }
  for (const path of overrides) {
    const file = parsed.get(path);
    if (!file) {
      continue;
    }
    cfg.errors.push(...file.errors.map((e) => ({ file: path, range: e.range, message: e.message })));
    for (const block of file.body.blocks) {
      if (block.type === 'locals' || block.type === 'terraform') {
        // Each local and each required provider overrides the one of the same name.
        for (const a of block.body.attributes) {
          cfg.fileOf.set(a, path);
        }
        addBlock(cfg, path, block, index);
        continue;
      }
      const key = blockKey(block);
      const target = key ? index.get(key) : undefined;
      if (!target) {
        // Terraform rejects an override of something that does not exist; report it, keep going.
        cfg.errors.push({
          file: path,
          range: block.typeRange,
          message: `override for ${key ?? block.type} has no original`,
        });
        continue;
      }
      const merged = mergeBlock(target.block, block, path, cfg.fileOf);
      replaceDecl(cfg, target.block, merged);
      index.set(key!, { file: target.file, block: merged });
    }
  }
  return cfg;
}

/**
 * Could `text` declare a module block? A `module` block starts with the word followed by a label or its
 * brace (references read `module.x`); in HCL JSON it is a `"module"` key. A file without a match calls
 * no module, so grouping never parses it. Matches inside comments or strings only cost a parse.
 */
export function mayCallModules(path: string, text: string): boolean {
  return path.endsWith('.json') ? /"module"\s*:/.test(text) : /\bmodule\b\s*["{A-Za-z_]/.test(text);
}

/**
 * Whether a file of `dir` may call `target` as a local module. Module sources are literal paths resolved
 * lexically, so a source that reaches a directory other than an ancestor of `dir` names that directory's
 * last segment: a file that does not contain it cannot call it.
 */
export function mayName(text: string, dir: string, target: string): boolean {
  return dir === target || dir.startsWith(`${target}/`) || text.includes(basename(target));
}

/**
 * The directories that `dir` calls as local modules (`source = "./..."` or `"../..."`), parsing only
 * the configuration files that may declare a module block: this is how files are grouped into units,
 * and it must stay cheap because it runs over every directory of a workspace. With `target`, only files
 * that may call that directory are parsed (the editor's search for the callers of one module).
 */
export async function localModuleTargets(
  ctx: AnalysisContext,
  dir: string,
  files: string[],
  target?: string,
): Promise<string[]> {
  const { primary, overrides } = selectConfigFiles(files);
  const candidates: string[] = [];
  for (const path of [...primary, ...overrides]) {
    const text = await ctx.readText(path);
    if (text !== undefined && mayCallModules(path, text) && (target === undefined || mayName(text, dir, target))) {
      candidates.push(path);
    }
  }
  if (candidates.length === 0) {
    return [];
  }
  const cfg = await loadModule(ctx, dir, candidates);
  const targets: string[] = [];
  for (const call of cfg.modules.values()) {
    if (call.source && (call.source.startsWith('./') || call.source.startsWith('../'))) {
      targets.push(join(dir, call.source));
    }
  }
  return targets;
}
