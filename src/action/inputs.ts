/**
 * The GitHub Action's inputs, read from the environment its composite step maps them into, and the
 * CLI invocations they stand for. The action adds nothing to a scan: it runs the CLI once per
 * requested format, so that every file it writes is exactly what `cloud-act-lens scan` writes.
 */

export interface ActionInputs {
  paths: string[];
  failOn: string;
  baseline: string | undefined;
  formats: string[];
  outputDir: string;
  summary: boolean;
  /** Further CLI arguments (`--var-file prod.tfvars --env`). */
  args: string[];
}

/** File name extension of each format's report; an unknown format keeps its name (the CLI rejects it). */
const EXTENSIONS: Record<string, string> = {
  table: 'txt',
  json: 'json',
  sarif: 'sarif',
  markdown: 'md',
  html: 'html',
  csv: 'csv',
};

export class InputError extends Error {}

/**
 * Splits on whitespace, keeping '...' and "..." together, as a user writes arguments in a workflow
 * (`args: --var 'name=two words'`). No escapes or expansions: the value never passes through a shell.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|([^\s'"]+)/g;
  let current: string | undefined;
  let lastEnd = -1;
  for (const m of text.matchAll(re)) {
    const piece = m[1] ?? m[2] ?? m[3] ?? '';
    // Pieces without whitespace between them (--var="a b") belong to one word.
    if (current !== undefined && m.index === lastEnd) {
      current += piece;
    } else {
      if (current !== undefined) {
        words.push(current);
      }
      current = piece;
    }
    lastEnd = m.index + m[0].length;
  }
  if (current !== undefined) {
    words.push(current);
  }
  return words;
}

/** The inputs from `INPUT_*` variables (the names in action.yml, upper case, dashes as underscores). */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const get = (name: string): string => (env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();
  const paths = splitWords(get('paths'));
  const formats = [
    ...new Set(
      get('formats')
        .split(/[\s,]+/)
        .filter((f) => f !== ''),
    ),
  ];
  const summary = get('summary') || 'true';
  if (summary !== 'true' && summary !== 'false') {
    throw new InputError(`summary must be true or false, not "${summary}"`);
  }
  return {
    paths: paths.length > 0 ? paths : ['.'],
    failOn: get('fail-on') || 'error',
    baseline: get('baseline') || undefined,
    formats: formats.length > 0 ? formats : ['sarif'],
    outputDir: get('output-dir') || 'cloud-act-lens-results',
    summary: summary === 'true',
    args: splitWords(get('args')),
  };
}

/** The report file of one format in the output directory, with forward slashes. */
export function reportFile(inputs: ActionInputs, format: string): string {
  return `${inputs.outputDir.replace(/\\/g, '/').replace(/\/+$/, '')}/cloud-act-lens.${EXTENSIONS[format] ?? format}`;
}

/** The formats to run: those asked for, plus Markdown when the job summary needs it. */
export function formatsToRun(inputs: ActionInputs): string[] {
  return inputs.summary && !inputs.formats.includes('markdown') ? [...inputs.formats, 'markdown'] : inputs.formats;
}

/** The CLI arguments that write one format's report. */
export function scanArgs(inputs: ActionInputs, format: string): string[] {
  const args = ['scan', ...inputs.paths, '--format', format, '--output', reportFile(inputs, format)];
  args.push('--fail-on', inputs.failOn, '--no-color');
  if (inputs.baseline !== undefined) {
    args.push('--baseline', inputs.baseline);
  }
  return [...args, ...inputs.args];
}
