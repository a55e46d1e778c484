// Shared helpers for running the extension in a real VS Code on a machine without a desktop: code-server
// (VS Code's server + web workbench, published on npm) installed into .vscode-test/, started on loopback.
// Used by `npm start`, `npm run test:integration` and `npm run test:e2e`. The recipe (and why each step
// exists) is the one verified for this project: code-server's own postinstall downloads ripgrep and needs
// Kerberos headers, so the install is done step by step with Debian's ripgrep.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM_PATH = process.env.DLFP_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Chromium's flags for every harness (chromium-args.json, which the e2e harness reads too): without the
 * networking ones Chromium hammers a closed network.
 */
export const CHROMIUM_ARGS = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'chromium-args.json'), 'utf8'));

/** The Debian packages each use needs: installing code-server builds native modules; tests need a browser. */
export const INSTALL_PACKAGES = ['libkrb5-dev', 'pkg-config', 'ripgrep'];
export const BROWSER_PACKAGES = ['chromium'];

const log = (message) => console.log(`[code-server] ${message}`);

/** Where code-server is cached: DLFP_CODE_SERVER_DIR, else the git-ignored .vscode-test/ of the repo. */
export function codeServerDir(root = repoRoot) {
  return process.env.DLFP_CODE_SERVER_DIR ?? join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

function packageInstalled(name) {
  if (onPath('dpkg-query')) {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status === 0 && result.stdout.includes('install ok installed');
  }
  // Not a Debian system: look for what each package provides.
  const provides = {
    chromium: () => existsSync(CHROMIUM_PATH),
    ripgrep: () => onPath('rg'),
    'pkg-config': () => onPath('pkg-config'),
    'libkrb5-dev': () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h'),
  };
  return provides[name]?.() ?? false;
}

/** Runs a command with inherited output after printing it; throws naming the command when it fails. */
export function run(command, args, options = {}) {
  const shown = [command === process.execPath ? 'node' : command, ...args].join(' ');
  console.log(`$ ${shown}${options.cwd && options.cwd !== repoRoot ? `   (in ${options.cwd})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command} could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/**
 * Makes sure the Debian packages are installed, installing the missing ones with apt-get (as root).
 * Fails with a message naming the packages when that is impossible.
 */
export function ensureSystemPackages(packages) {
  const missing = packages.filter((name) => !packageInstalled(name));
  if (missing.length === 0) return;
  const needed = `install ${missing.join(', ')}`;
  if (!onPath('apt-get')) throw new Error(`apt-get not available: ${needed} with your package manager, then run again`);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`not root, so apt-get cannot install: run "sudo apt-get install -y ${missing.join(' ')}", then run again`);
  }
  log(`installing missing system packages with apt-get: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

/** The code-server entry point of an install (run with this Node). */
export function codeServerEntry(dest = codeServerDir()) {
  return join(dest, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/**
 * Installs code-server into `dest` unless a complete install is already there (a marker file is written
 * last, so an interrupted install is started over). Returns the install folder.
 */
export function installCodeServer(dest = codeServerDir()) {
  const marker = join(dest, '.installed');
  if (existsSync(marker) && existsSync(codeServerEntry(dest))) {
    log(`using cached code-server ${CODE_SERVER_VERSION} in ${dest}`);
    return dest;
  }
  const started = performance.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dest} (first use; about 1–3 minutes)`);
  ensureSystemPackages(INSTALL_PACKAGES);
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) not found on PATH: install the Debian package ripgrep');

  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  writeFileSync(join(dest, 'package.json'), '{"private":true}\n');
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  const env = { ...process.env, npm_config_yes: 'true' };
  run('npm', ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_VERSION}`], { cwd: dest, env });
  run('npm', ['rebuild', 'argon2'], { cwd: dest, env });

  const vscodeDir = join(dest, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...quiet], { cwd: vscodeDir, env });
  // @vscode/ripgrep downloads its binary in its install script; a bin/rg already there makes it skip that.
  const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  rmSync(join(rgBin, 'rg'), { force: true });
  symlinkSync(rg, join(rgBin, 'rg'));
  log('rebuilding native modules (node-pty, kerberos, spdlog, …)');
  run('npm', ['rebuild'], { cwd: vscodeDir, env });
  relink('node_modules', join(vscodeDir, 'node_modules.asar'));
  relink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  relink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  run('npm', ['install', '--omit=dev', ...quiet], { cwd: join(vscodeDir, 'extensions'), env });

  writeFileSync(marker, `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  log(`installed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return dest;
}

function relink(target, path) {
  rmSync(path, { force: true, recursive: false });
  symlinkSync(target, path);
}

/**
 * Builds dist/ (node scripts/build.mjs) and compiles the tests into out/ (tsc -p tsconfig.test.json).
 * DLFP_SKIP_BUILD=1 skips both: `npm test` sets it for the stage after one that just did them.
 */
export function buildAndCompileTests(root = repoRoot) {
  if (process.env.DLFP_SKIP_BUILD === '1') {
    console.log('DLFP_SKIP_BUILD=1: using dist/ and out/ as they are');
    return;
  }
  run(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root });
  // Type errors are the typecheck stage's to report (npm test runs it first); tsc emits the tests anyway,
  // so a type error in a file these tests never load does not stop them. A test that does load it fails.
  try {
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json'], { cwd: root });
  } catch (error) {
    console.warn(`warning: ${error.message}; running the tests tsc emitted (npm run typecheck reports the errors)`);
  }
}

/** A free TCP port on 127.0.0.1, asked of the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`: how the web workbench names a folder on the server. */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath}`;
}

/**
 * The workbench URL. `payload` entries such as extensionDevelopmentPath / extensionTestsPath are what
 * VS Code's own browser integration tests pass to the web workbench.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const url = new URL(`http://127.0.0.1:${port}/`);
  if (folder) url.searchParams.set('folder', folder);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(port, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A fresh user-data folder with `settings` as the user settings (theme, no welcome page, …). */
export function makeUserDataDir(settings = {}, parent = tmpdir()) {
  const dir = mkdtempSync(join(parent, 'dlfp-code-server-'));
  mkdirSync(join(dir, 'user-data', 'User'), { recursive: true });
  mkdirSync(join(dir, 'extensions'), { recursive: true });
  writeUserSettings(join(dir, 'user-data'), settings);
  return { root: dir, userDataDir: join(dir, 'user-data'), extensionsDir: join(dir, 'extensions') };
}

/** Quiet defaults for a test or demo workbench: no welcome page, no trust prompt, no telemetry (shared with the e2e harness). */
export const DEFAULT_USER_SETTINGS = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'quiet-settings.json'), 'utf8'));

export function writeUserSettings(userDataDir, settings) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...settings }, null, 2)}\n`);
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export function installVsix({ dest = codeServerDir(), vsix, userDataDir, extensionsDir }) {
  run(process.execPath, [codeServerEntry(dest), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix]);
}

/**
 * Starts code-server in its own process group on 127.0.0.1:port with --auth none and resolves once it
 * listens. `stop()` ends the whole group (the server, its extension hosts, terminals). The server's
 * output goes to `logFile` (and to the console when `echo` is set).
 */
export async function startCodeServer({
  dest = codeServerDir(),
  port,
  workspace,
  userDataDir,
  extensionsDir,
  env = {},
  logFile,
  echo = false,
  timeoutMs = 60_000,
}) {
  const args = [
    codeServerEntry(dest),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    // Its own config file, so nothing is written to ~/.config/code-server.
    '--config', join(dirname(userDataDir), 'code-server.yaml'),
  ];
  if (workspace) args.push(workspace);
  const child = spawn(process.execPath, args, {
    detached: true, // own process group, so stop() reaches the extension host and everything below it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const out = logFile ? createWriteStream(logFile) : null;
  let output = '';
  let exited = null;
  const onData = (chunk) => {
    const text = chunk.toString();
    output += text;
    out?.write(text);
    if (echo) process.stdout.write(text);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const server = {
    child,
    port,
    url: `http://127.0.0.1:${port}/`,
    get output() {
      return output;
    },
    async stop() {
      await killGroup(child);
      await new Promise((resolve) => (out ? out.end(resolve) : resolve()));
    },
  };

  const deadline = Date.now() + timeoutMs;
  while (!output.includes('HTTP server listening')) {
    if (exited) {
      await server.stop();
      throw new Error(`code-server exited (${exited.code ?? exited.signal}) before listening:\n${output.slice(-3000)}`);
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not listen within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`);
    }
    await sleep(100);
  }
  return server;
}

/** SIGTERM to the child's process group, then SIGKILL if anything is left after a grace period. */
export async function killGroup(child, graceMs = 5000) {
  if (!child?.pid) return;
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await sleep(100);
  if (alive()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Runs `cleanup` once on SIGINT/SIGTERM, then exits with 130/143: Ctrl+C never leaves servers behind. */
export function onInterrupt(cleanup) {
  let done = false;
  const handler = (signal) => {
    if (done) return;
    done = true;
    console.log(`\n${signal}: stopping…`);
    Promise.resolve()
      .then(cleanup)
      .catch((error) => console.error(error))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

// `node scripts/code-server.mjs install` installs (or reuses) code-server, for CI caches and for debugging.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? 'install';
  if (command !== 'install') {
    console.error(`usage: node scripts/code-server.mjs install   (got "${command}")`);
    process.exit(2);
  }
  try {
    installCodeServer();
  } catch (error) {
    console.error(`[code-server] ${error.message}`);
    process.exit(1);
  }
}
