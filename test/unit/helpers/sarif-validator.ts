import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const MULTITOOL = path.join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

/**
 * Validates a SARIF file with Microsoft's SARIF validator (@microsoft/sarif-multitool). Returns the
 * errors and warnings it reports (notes are advice only), or undefined when the validator cannot run
 * on this platform.
 */
export function sarifProblems(file: string): string[] | undefined {
  if (!existsSync(MULTITOOL)) {
    return undefined;
  }
  if ((statSync(MULTITOOL).mode & 0o100) === 0) {
    chmodSync(MULTITOOL, statSync(MULTITOOL).mode | 0o100);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'cal-sarif-validation-'));
  try {
    const output = path.join(dir, 'validation.sarif');
    const r = spawnSync(MULTITOOL, ['validate', file, '-o', output, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      timeout: 120_000,
    });
    if (r.error || (r.status !== 0 && !existsSync(output))) {
      return undefined;
    }
    const log = JSON.parse(readFileSync(output, 'utf8')) as {
      runs: { results?: { level?: string; ruleId: string; message: { text?: string } }[] }[];
    };
    // A result without `level` is a warning (SARIF 3.27.10).
    return (log.runs[0]?.results ?? [])
      .filter((x) => (x.level ?? 'warning') !== 'note')
      .map((x) => `${x.ruleId}: ${x.message.text ?? JSON.stringify(x.message)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
