import { parse, type ParseError, printParseErrorCode } from 'jsonc-parser';

import { parseBaseline } from './baseline';
import { defaultConfig, type LensConfig, mergeConfig, PROJECT_FILE } from './config';
import type { EngineFs } from './host';
import type { AnalysisError } from './model';
import { importPolicyFile } from './residency/import';
import { shortValue } from './text/quote';
import { confine } from './workspace/confine';
import { dirname, join } from './workspace/paths';

/**
 * Reads `.cloud-act-lens.json` (JSON with comments) from `root` over `base`. A missing file is not an
 * error; a malformed one is reported and the defaults are used, so CI and editors still scan.
 */
export async function loadProjectConfig(
  fs: EngineFs,
  root: string,
  base: LensConfig = defaultConfig(),
  explicitPath?: string,
): Promise<{ config: LensConfig; errors: AnalysisError[]; path?: string }> {
  const path = explicitPath ?? join(root, PROJECT_FILE);
  // Policy files the residency rule imports: inside the folder, or beside a configuration file the
  // command line names itself.
  const policyFs = confine(fs, explicitPath ? [root, dirname(explicitPath)] : [root]);
  // A project file or baseline that links out of the folder is refused (its content never reaches a report).
  fs = confine(fs, explicitPath ? [root, explicitPath] : [root]);
  const st = await fs.stat(path);
  if (!st) {
    const errors: AnalysisError[] = explicitPath ? [{ file: path, message: 'configuration file not found' }] : [];
    // Residency from the editor settings: its imports are relative to the folder.
    const config = { ...base };
    errors.push(...settingsProblems(config, root));
    errors.push(...(await importResidencyPolicies(policyFs, config, root)));
    return { config, errors };
  }
  let text: string;
  try {
    text = new TextDecoder().decode(await fs.readFile(path));
  } catch (e) {
    return { config: base, errors: [{ file: path, message: `cannot read configuration: ${errorText(e)}` }] };
  }
  const parseErrors: ParseError[] = [];
  const raw: unknown = parse(text, parseErrors, { allowTrailingComma: true });
  if (parseErrors.length > 0) {
    return {
      config: base,
      errors: [
        {
          file: path,
          message: `invalid JSON (${printParseErrorCode(parseErrors[0].error)} at offset ${parseErrors[0].offset}); defaults used`,
        },
      ],
      path,
    };
  }
  const problems: string[] = [];
  const config = mergeConfig(base, raw, problems);
  const errors: AnalysisError[] = problems.map((message) => ({ file: path, message }));
  const fromSettings = config.residency === base.residency;
  if (fromSettings) {
    errors.push(...settingsProblems(config, root));
  }
  errors.push(...(await importResidencyPolicies(policyFs, config, fromSettings ? root : dirname(path))));
  const baseline = (raw as { baseline?: unknown } | null)?.baseline;
  if (typeof baseline === 'string' && baseline.trim() !== '') {
    config.baselineFile = join(dirname(path), baseline.trim());
    errors.push(...(await addBaseline(fs, config, config.baselineFile)));
  } else if (baseline !== undefined) {
    errors.push({ file: path, message: '"baseline" must be the path of a baseline file' });
  }
  return { config, errors, path };
}

/** Adds the entries of the baseline at `path` to `config.accepted`; what went wrong, as errors of that file. */
async function addBaseline(fs: EngineFs, config: LensConfig, path: string): Promise<AnalysisError[]> {
  try {
    const { accepted, problems } = parseBaseline(new TextDecoder().decode(await fs.readFile(path)));
    config.accepted = [...config.accepted, ...accepted];
    return problems.map((message) => ({ file: path, message: `baseline: ${message}` }));
  } catch (e) {
    return [{ file: path, message: `cannot read the baseline: ${errorText(e)}` }];
  }
}

/** Problems of `residency` in the editor settings, as errors of the folder's settings file. */
function settingsProblems(config: LensConfig, root: string): AnalysisError[] {
  return (config.residency?.problems ?? []).map((p) => ({
    file: join(root, '.vscode/settings.json'),
    message: `settings: ${p.replace(/"residency\./g, '"cloudActLens.residency.')}`,
  }));
}

/**
 * Reads the policy files `residency.import` names (relative to `dir`) and adds their policies to
 * `config.residency.policies`. A file that cannot be read or understood is an error of that file: its
 * policy is then missing, and the error says so; it never counts as allowing everything.
 */
async function importResidencyPolicies(fs: EngineFs, config: LensConfig, dir: string): Promise<AnalysisError[]> {
  const residency = config.residency;
  if (!residency?.import?.length) {
    return [];
  }
  const errors: AnalysisError[] = [];
  const policies = residency.policies.filter((p) => p.kind === 'project');
  const importedFiles = residency.import.map((name) => join(dir, name));
  for (const name of residency.import) {
    const file = join(dir, name);
    const shown = shortValue(name, 120);
    let text: string;
    try {
      if (!(await fs.stat(file))) {
        errors.push({ file, message: `residency policy ${shown}: not found; its rule is not checked` });
        continue;
      }
      text = new TextDecoder().decode(await fs.readFile(file));
    } catch (e) {
      // The refusal of a file outside the folder names the full path; the message says what happened without it.
      const why = /outside the scanned folder/.test(errorText(e))
        ? 'lies outside the scanned folder (after following links); not read'
        : `cannot be read (${errorText(e)})`;
      errors.push({ file, message: `residency policy ${shown}: ${why}; its rule is not checked` });
      continue;
    }
    const result = importPolicyFile(text, shown);
    policies.push(...result.policies.map((p) => ({ ...p, path: file })));
    errors.push(...result.problems.map((problem) => ({ file, message: `residency policy ${shown}: ${problem}` })));
  }
  config.residency = { ...residency, policies, importedFiles };
  return errors;
}

function errorText(e: unknown): string {
  return shortValue(e instanceof Error ? e.message : String(e), 200);
}
