import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { parse } from 'jsonc-parser';

const ROOT = path.resolve(__dirname, '../../../..');

interface Task {
  label: string;
  isBackground?: boolean;
  problemMatcher?: { background?: { beginsPattern: string; endsPattern: string } };
}

const launch = parse(fs.readFileSync(path.join(ROOT, '.vscode/launch.json'), 'utf8')) as {
  configurations: { name: string; type: string; args?: string[]; preLaunchTask?: string }[];
};
const tasks = (parse(fs.readFileSync(path.join(ROOT, '.vscode/tasks.json'), 'utf8')) as { tasks: Task[] }).tasks;

describe('F5 development setup (.vscode)', () => {
  it('launches the extension host on this folder after a task that exists', () => {
    const host = launch.configurations.find((c) => c.type === 'extensionHost')!;
    assert.ok(host.args?.includes('--extensionDevelopmentPath=${workspaceFolder}'));
    for (const c of launch.configurations) {
      if (c.preLaunchTask) {
        assert.ok(
          tasks.some((t) => t.label === c.preLaunchTask),
          `${c.name}: no task "${c.preLaunchTask}"`,
        );
      }
    }
  });

  it("recognises the start and end of esbuild's watch builds, so F5 waits for the first one", async function () {
    this.timeout(60_000);
    const host = launch.configurations.find((c) => c.type === 'extensionHost')!;
    const watch = tasks.find((t) => t.label === host.preLaunchTask)!;
    assert.ok(watch.isBackground);
    const bg = watch.problemMatcher!.background!;
    const lines = await watchOutputUntil(new RegExp(bg.endsPattern));
    assert.ok(
      lines.some((l) => new RegExp(bg.beginsPattern).test(l)),
      lines.join('\n'),
    );
  });
});

/** Runs `node esbuild.js --watch` until a line matches `end`, then stops it; returns the lines seen. */
function watchOutputUntil(end: RegExp): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['esbuild.js', '--watch'], { cwd: ROOT });
    const lines: string[] = [];
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      lines.push(...parts);
      if (parts.some((l) => end.test(l))) {
        child.kill();
        resolve(lines);
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(lines));
  });
}
