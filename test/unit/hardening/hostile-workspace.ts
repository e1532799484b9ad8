import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../../..');
export const CLI = path.join(REPO, 'dist/cli.js');
const GENERATOR = path.join(REPO, 'test/fixtures/hostile/generate.mjs');

/** Generates the hostile workspace into a fresh temporary directory (`small` skips the 20 MB file). */
export function generateHostile(small: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cal-hostile-'));
  const r = spawnSync(process.execPath, [GENERATOR, dir, ...(small ? ['--small'] : [])], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`generator failed: ${r.stderr}`);
  }
  return dir;
}

export function removeHostile(dir: string): void {
  for (const p of ['perm/locked', 'perm/bad-unreadable.tf']) {
    try {
      chmodSync(path.join(dir, p), 0o755);
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Files named `bad-*` below `dir` (relative paths), following no links. */
export function badFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    const p = path.join(rel, name);
    const st = lstatSync(path.join(dir, p));
    if (st.isDirectory() && name !== 'locked' && rel.split(path.sep).length < 8) {
      out.push(...badFiles(dir, p));
    } else if (st.isFile() && name.startsWith('bad-')) {
      out.push(p.split(path.sep).join('/'));
    }
  }
  return out.sort();
}

/** Resource names (`good_*`) that must survive next to the bad files, by the language that reports them. */
export const GOOD: Record<'terraform' | 'bicep' | 'arm', string[]> = {
  terraform: [
    'good_after_long_line',
    'good_bom_crlf',
    'good_in_dir_named_tf',
    'good_in_links',
    'good_shallow',
    'good_tf',
    'good_tf_json',
  ],
  bicep: ['good_bicep'],
  arm: ['good_arm', 'good_arm_long_line'],
};

/** Whether a file is analysed by `language` (by extension), to decide which expectations apply. */
export function languageOf(file: string): 'terraform' | 'bicep' | 'arm' {
  if (file.endsWith('.bicep')) {
    return 'bicep';
  }
  return file.endsWith('.json') && !file.endsWith('.tf.json') ? 'arm' : 'terraform';
}
