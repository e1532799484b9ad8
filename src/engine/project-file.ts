import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { defaultConfig, mergeConfig, PROJECT_FILE, type LensConfig } from './config';
import type { EngineFs } from './host';
import type { AnalysisError } from './model';
import { parseBaseline } from './baseline';
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
  // A project file or baseline that links out of the folder is refused (its content never reaches a report).
  fs = confine(fs, explicitPath ? [root, explicitPath] : [root]);
  const st = await fs.stat(path);
  if (!st) {
    return explicitPath
      ? { config: base, errors: [{ file: path, message: 'configuration file not found' }] }
      : { config: base, errors: [] };
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

function errorText(e: unknown): string {
  return shortValue(e instanceof Error ? e.message : String(e), 200);
}
