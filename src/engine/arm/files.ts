import type { AnalysisContext } from '../analyzer';
import { basename, dirname } from '../workspace/paths';
import { type ArmDocument, parseArmDocument } from './document';

/** JSON files that are never ARM templates, skipped by name so that they are not even read. */
const NOT_ARM = new Set([
  'package.json',
  'package-lock.json',
  'composer.json',
  'jsconfig.json',
  'bicepconfig.json',
  '.cloud-act-lens.json',
  'launch.json',
  'tasks.json',
  'extensions.json',
  'settings.json',
  'lerna.json',
  'renovate.json',
  'cdk.json',
  'nx.json',
  'createuidefinition.json',
  'global.json',
  'appsettings.json',
]);

/** Whether the ARM analyzer reads a file, by name only. */
export function claimsArm(path: string): boolean {
  const lower = path.toLowerCase();
  if (!lower.endsWith('.json') && !lower.endsWith('.jsonc')) {
    return false;
  }
  if (lower.endsWith('.tf.json') || lower.endsWith('.tofu.json') || lower.endsWith('.tfvars.json')) {
    return false;
  }
  const name = basename(lower);
  return (
    !NOT_ARM.has(name) && !name.startsWith('tsconfig') && !name.startsWith('.eslintrc') && !lower.includes('/.vscode/')
  );
}

/** Reads and parses a file once per text (the engine caches both). */
export async function loadArm(ctx: AnalysisContext, path: string): Promise<ArmDocument | undefined> {
  const text = await ctx.readText(path);
  return text === undefined ? undefined : ctx.parse(path, 'arm', text, (t) => parseArmDocument(path, t));
}

function stem(path: string): string {
  return basename(path).replace(/\.(?:jsonc?|bicep)$/i, '');
}

/** Where parameter files of a template in `dir` are looked for: beside it, and in its `parameters` folder. */
export function parameterDirs(dir: string): string[] {
  return [dir, `${dir}/parameters`];
}

/**
 * The parameter files of `template` (an ARM template or a Bicep file) among `params`, in its directory
 * or that directory's `parameters` folder: `<stem>.parameters.json`, `<stem>.<env>.parameters.json`,
 * `<stem>.parameters.<env>.json`, and a plain `parameters.json` (or `parameters.<env>.json`) when the
 * directory holds a single template (the portal's export).
 */
export function matchParameterFiles(template: string, params: string[], templatesInDir: number): string[] {
  const dirs = parameterDirs(dirname(template));
  const stems = [stem(template).toLowerCase()];
  const trimmed = stems[0].replace(/\.(?:template|deploymenttemplate)$/, '');
  if (trimmed !== stems[0]) {
    stems.push(trimmed);
  }
  return params
    .filter((p) => dirs.includes(dirname(p)))
    .filter((p) => {
      const s = stem(p).toLowerCase();
      if (stems.some((t) => s.startsWith(`${t}.`))) {
        return true;
      }
      return templatesInDir === 1 && (s === 'parameters' || s.startsWith('parameters.'));
    })
    .sort();
}
