// Starts and stops code-server (real VS Code: server + web workbench) for the integration and UI
// runners. Each start gets its own user-data folder, a free loopback port, and its own process
// group, so that stopping it also ends its extension host and other children.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { installTools, missingTools, repoRoot, toolPaths } from './install-tools.mjs';

/** Children still running; killed on any way out of the process (see `killAllOnExit`). */
const running = new Set();
/** Temporary folders made by `tempDir`; removed on exit even when a run fails half-way. */
const temps = new Set();

/** Makes sure that an interrupted or failing run leaves no code-server, browser or temp folder behind. */
export function killAllOnExit() {
  const killAll = () => {
    for (const child of running) {
      killGroup(child);
    }
    for (const dir of temps) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      killAll();
      process.exit(128 + (os.constants.signals[sig] ?? 1));
    });
  }
}

function killGroup(child) {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Installs the tools when any is missing (so a fresh machine just works), then returns their paths. */
export function ensureTools() {
  const missing = missingTools();
  if (missing.length > 0) {
    console.log(`[code-server] missing tools (${missing.join(', ')}); running the installer`);
    return installTools();
  }
  return toolPaths();
}

/** Asks the OS for a free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh temporary folder, removed at exit at the latest. */
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cal-${prefix}-`));
  temps.add(dir);
  return dir;
}

/** Runs code-server's CLI once (e.g. to install a .vsix); throws with its output on failure. */
export function codeServerCli(tools, args) {
  const r = spawnSync(tools.node, [tools.codeServerEntry, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) {
    throw new Error(`code-server ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** Installs .vsix files into an extensions folder, as a user would. */
export function installVsix(tools, extensionsDir, ...vsixFiles) {
  const args = ['--extensions-dir', extensionsDir];
  for (const v of vsixFiles) {
    args.push('--install-extension', v);
  }
  const out = codeServerCli(tools, args);
  const installed = out.match(/successfully installed/gi) ?? [];
  if (installed.length < vsixFiles.length) {
    throw new Error(`installing ${vsixFiles.join(', ')} did not report success:\n${out}`);
  }
  return out.trim();
}

/** Copies a fixture workspace into `dir`, so tests may edit files without touching the repository. */
export function copyWorkspace(source, dir) {
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it accepts connections.
 * @param {object} o
 * @param {ReturnType<typeof toolPaths>} o.tools
 * @param {string} o.extensionsDir
 * @param {string} o.userDataDir
 * @param {string} o.workspace folder to open, or a `.code-workspace` file (a multi-root workspace)
 * @param {Record<string,string>} [o.env] extra environment (reaches the extension host)
 * @param {Record<string,unknown>} [o.settings] user settings on top of QUIET_SETTINGS
 * @param {(line: string) => void} [o.onOutput]
 * @param {number} [o.timeoutMs]
 */
export async function startCodeServer(o) {
  const port = await freePort();
  writeUserSettings(o.userDataDir, o.settings);
  const args = [
    o.tools.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    o.userDataDir,
    '--extensions-dir',
    o.extensionsDir,
    o.workspace,
  ];
  const child = spawn(o.tools.node, args, {
    cwd: repoRoot,
    detached: true, // own process group: killGroup() ends its children too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...o.env },
  });
  running.add(child);
  const output = [];
  const onData = (buf) => {
    for (const line of buf.toString().split('\n')) {
      if (line.trim()) {
        output.push(line);
        o.onOutput?.(line);
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode}:\n${output.join('\n')}`);
    }
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`code-server did not listen on port ${port} in time:\n${output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    output,
    url: `http://127.0.0.1:${port}/?${o.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(o.workspace)}`,
    stop: () => killGroup(child),
  };
}

/**
 * User settings for every test run: no startup editor, chat panel, AI features or update checks,
 * which only add noise (and network attempts that fail here) to logs and screenshots.
 */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2));
}

function canConnect(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Remembers a spawned helper (e.g. the browser) so that it is killed on exit as well. */
export function track(child) {
  running.add(child);
  return () => killGroup(child);
}
