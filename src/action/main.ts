/**
 * Entry point of the GitHub Action's scan step (dist/action.js): runs the bundled CLI once per
 * format, writes the Markdown report into the job summary, and reports the CLI's exit code as the
 * step output `exit-code`. The step itself succeeds on findings, so that the SARIF upload can run
 * after it; the action's last step fails the job with that code.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { setOutput, writeSummary } from './github-files';
import { formatsToRun, InputError, readInputs, reportFile, scanArgs } from './inputs';

const CLI = path.join(__dirname, 'cli.js');

function main(): number {
  const inputs = readInputs(process.env);
  fs.mkdirSync(inputs.outputDir, { recursive: true });
  let exitCode = 0;
  for (const format of formatsToRun(inputs)) {
    const args = scanArgs(inputs, format);
    console.log(`cloud-act-lens ${args.join(' ')}`);
    const r = spawnSync(process.execPath, [CLI, ...args], { stdio: 'inherit' });
    if (r.status !== 0 && r.status !== 1) {
      // 2: a usage error or an unreadable path; the CLI has said which on stderr.
      return r.status ?? 2;
    }
    exitCode = r.status;
  }
  if (inputs.formats.includes('sarif')) {
    setOutput(process.env, 'sarif-file', reportFile(inputs, 'sarif'));
  }
  setOutput(process.env, 'output-dir', inputs.outputDir);
  setOutput(process.env, 'exit-code', String(exitCode));
  if (inputs.summary) {
    const md = reportFile(inputs, 'markdown');
    writeSummary(process.env, fs.readFileSync(md, 'utf8'), md);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (!(e instanceof InputError)) {
    throw e;
  }
  console.error(`cloud-act-lens action: ${e.message}`);
  process.exitCode = 2;
}
