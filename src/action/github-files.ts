import * as fs from 'node:fs';

/**
 * GitHub's job summary takes at most 1 MiB per step; a larger one fails the step. Leave room for the
 * note that says where the full report is.
 */
export const SUMMARY_LIMIT = 1024 * 1024 - 4096;

/** Appends `name=value` to the step's outputs file (`$GITHUB_OUTPUT`), when there is one. */
export function setOutput(env: NodeJS.ProcessEnv, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (file) {
    // A value with a newline would need a delimiter; ours are paths and numbers.
    fs.appendFileSync(file, `${name}=${value.replace(/[\r\n]+/g, ' ')}\n`);
  }
}

/** The Markdown report cut at a line boundary below the summary limit, with a note pointing at the file. */
export function summaryText(markdown: string, fullReport: string, limit = SUMMARY_LIMIT): string {
  if (Buffer.byteLength(markdown) <= limit) {
    return markdown;
  }
  let cut = Buffer.from(markdown).subarray(0, limit).toString('utf8');
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n') + 1));
  return `${cut}\n> The report is longer than a job summary can hold; the full report is \`${fullReport}\`.\n`;
}

/** Appends the Markdown report to the job summary (`$GITHUB_STEP_SUMMARY`), when there is one. */
export function writeSummary(env: NodeJS.ProcessEnv, markdown: string, fullReport: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) {
    fs.appendFileSync(file, summaryText(markdown, fullReport));
  }
}
