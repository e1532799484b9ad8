import type { AnalysisContext } from '../../analyzer';
import { basename } from '../../workspace/paths';
import { type Body, type File, parseHcl, parseHclJson } from '../parser';

/** The kinds of file the Terraform analyzer reads. */
export type TfFileKind = 'config' | 'vars' | 'terragrunt';

/** What a file name means to Terraform/OpenTofu, or undefined when neither reads it. */
export function fileKind(path: string): TfFileKind | undefined {
  const name = basename(path);
  if (name === 'terragrunt.hcl') {
    return 'terragrunt';
  }
  if (/\.(tf|tofu)(\.json)?$/.test(name)) {
    return 'config';
  }
  if (/\.tfvars(\.json)?$/.test(name)) {
    return 'vars';
  }
  return undefined;
}

/** `x.tofu` / `x.tofu.json` → `x` plus the JSON flag; used for OpenTofu's same-name precedence. */
function stem(name: string): { base: string; json: boolean; tofu: boolean } {
  const json = name.endsWith('.json');
  const bare = json ? name.slice(0, -5) : name;
  const tofu = bare.endsWith('.tofu');
  return { base: bare.slice(0, bare.lastIndexOf('.')), json, tofu };
}

/** Whether a configuration file is an override file (`override.tf`, `*_override.tf`, and their JSON/.tofu forms). */
export function isOverride(path: string): boolean {
  const { base } = stem(basename(path));
  return base === 'override' || base.endsWith('_override');
}

/**
 * The configuration files Terraform/OpenTofu loads from one directory, in load order: primary files
 * then override files, each alphabetically. OpenTofu ignores `x.tf` when `x.tofu` exists (and
 * `x.tf.json` when `x.tofu.json` exists); we follow OpenTofu because Terraform never reads `.tofu`.
 */
export function selectConfigFiles(paths: string[]): { primary: string[]; overrides: string[] } {
  const config = paths.filter((p) => fileKind(p) === 'config');
  const tofu = new Set(
    config
      .map((p) => stem(basename(p)))
      .filter((s) => s.tofu)
      .map((s) => `${s.base}\u0000${s.json}`),
  );
  const kept = config
    .filter((p) => {
      const s = stem(basename(p));
      return s.tofu || !tofu.has(`${s.base}\u0000${s.json}`);
    })
    .sort((a, b) => (basename(a) < basename(b) ? -1 : basename(a) > basename(b) ? 1 : 0));
  return { primary: kept.filter((p) => !isOverride(p)), overrides: kept.filter(isOverride) };
}

const EMPTY_BODY: Body = {
  kind: 'body',
  attributes: [],
  blocks: [],
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  offset: 0,
  endOffset: 0,
};

/** Reads and parses one file through the engine's cache; undefined when it cannot be read. */
export async function loadFile(ctx: AnalysisContext, path: string): Promise<File | undefined> {
  const text = await ctx.readText(path);
  if (text === undefined) {
    return undefined;
  }
  const json = path.endsWith('.json');
  const varsKind = fileKind(path) === 'vars' ? 'tfvars' : 'config';
  const file = ctx.parse(path, json ? `hcl-json-${varsKind}` : 'hcl', text, (t) =>
    json ? parseHclJson(t, varsKind) : parseHcl(t),
  );
  // Defensive: a parser stage that yields no body is treated as an empty file.
  return file.body ? file : { body: EMPTY_BODY, errors: file.errors ?? [] };
}
