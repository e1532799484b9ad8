// `npm test`: every check in order, each as a child process with its own output, then a summary
// table and a final `N passed, M failed` line. Exits 1 when any step fails. Later steps still run
// after a failure (so one run shows everything), except those that need a missing prerequisite.
//
//   node test/run-all.mjs [--only step,step] [--skip step,step]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;

/** `needs`: steps that must have passed for this one to be meaningful. */
const STEPS = [
  { name: 'lint', cmd: ['npm', 'run', 'lint'] },
  { name: 'typecheck', cmd: ['npm', 'run', 'typecheck'] },
  { name: 'unit', cmd: ['npm', 'run', 'test:unit'] },
  { name: 'package', cmd: ['npm', 'run', 'package'] },
  // Installs Node 24, code-server and Chromium on first use; a no-op once they are cached.
  { name: 'tools', cmd: [node, 'test/run-vscode/install-tools.mjs'] },
  {
    name: 'integration',
    // Compiles the tests itself (so a failing unit step does not hide integration results) and
    // installs the .vsix that the package step built.
    cmd: [node, 'test/run-vscode/run-integration.mjs', '--no-package'],
    needs: ['package', 'tools'],
  },
  { name: 'ui', cmd: [node, 'test/run-vscode/run-ui.mjs', '--no-build'], needs: ['package', 'tools'] },
];

function parseList(flag) {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1].split(',') : undefined;
}

const only = parseList('--only');
const skip = parseList('--skip') ?? [];
const results = [];
const started = Date.now();

for (const step of STEPS) {
  if ((only && !only.includes(step.name)) || skip.includes(step.name)) {
    continue;
  }
  const missing = (step.needs ?? []).filter((n) => results.some((r) => r.name === n && r.status !== 'pass'));
  if (missing.length > 0) {
    results.push({ name: step.name, status: 'FAIL', ms: 0, note: `not run: ${missing.join(', ')} failed` });
    continue;
  }
  console.log(`\n━━━ ${step.name}: ${step.cmd.map((c) => path.basename(c)).join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  results.push({
    name: step.name,
    status: ok ? 'pass' : 'FAIL',
    ms: Date.now() - t0,
    note: ok ? '' : r.error ? String(r.error.message) : `exit code ${r.status ?? r.signal}`,
  });
}

const width = Math.max(...results.map((r) => r.name.length), 4);
console.log('\n━━━ summary');
console.log(`${'step'.padEnd(width)}  result  duration  note`);
for (const r of results) {
  const secs = `${(r.ms / 1000).toFixed(1)} s`.padStart(8);
  console.log(`${r.name.padEnd(width)}  ${r.status.padEnd(6)}  ${secs}  ${r.note}`);
}
const passed = results.filter((r) => r.status === 'pass').length;
const failed = results.length - passed;
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
