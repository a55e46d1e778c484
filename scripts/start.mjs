// `npm start`: build, then open the extension in a real VS Code with the sample workspace examples/.
// Desktop VS Code when `code` is on PATH (`code --extensionDevelopmentPath=<repo> examples`); otherwise
// code-server (installed on first use into .vscode-test/) on 127.0.0.1:PORT (default 8080), no password,
// loopback only. Prints the URL to open; Ctrl+C stops the server.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import {
  codeServerDir,
  installCodeServer,
  onInterrupt,
  repoRoot,
  run,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from './code-server.mjs';

const workspace = join(repoRoot, 'examples');
const useCodeServer = process.argv.includes('--code-server') || process.env.DLFP_START_CODE_SERVER === '1';

function findOnPath(command) {
  return (process.env.PATH ?? '').split(delimiter).find((dir) => dir && existsSync(join(dir, command)));
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function startDesktop() {
  console.log(`start: opening desktop VS Code with the extension from ${repoRoot} and the folder examples/`);
  const code = spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
  const exitCode = await new Promise((resolve) => code.on('exit', resolve));
  if (exitCode !== 0) throw new Error(`"code" exited with code ${exitCode}`);
}

async function startWeb() {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  if (!(await portIsFree(port))) throw new Error(`port ${port} on 127.0.0.1 is in use: stop what uses it or choose another, e.g. PORT=8081 npm start`);

  console.log('start: "code" is not on PATH, so the extension opens in code-server (VS Code in the browser)');
  const dest = installCodeServer(codeServerDir());
  // Kept between runs, so the editors you open and the settings you change are there next time.
  const state = join(repoRoot, '.vscode-test', 'start');
  const userDataDir = join(state, 'user-data');
  const extensionsDir = join(state, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  if (!existsSync(join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir, {});

  const logFile = join(state, 'code-server.log');
  console.log(`start: starting code-server on 127.0.0.1:${port} (log: ${logFile})`);
  const server = await startCodeServer({ dest, port, workspace, userDataDir, extensionsDir, logFile });
  let stopping = false;
  onInterrupt(async () => {
    stopping = true;
    await server.stop();
    console.log('start: code-server stopped');
  });
  const url = workbenchUrl({ port, folder: workspace, extensionDevelopmentPath: repoRoot });
  console.log('');
  console.log('  DL Formula Playground is running in VS Code (code-server). Open this URL in a browser:');
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log(`  Only this machine can reach it (127.0.0.1). On a remote machine forward the port: ssh -L ${port}:127.0.0.1:${port} …`);
  console.log('  After changing the source: rebuild with "npm run build" and reload the browser tab. Ctrl+C stops the server.');
  await new Promise((resolve) => server.child.on('exit', resolve));
  if (stopping) return new Promise(() => {}); // Ctrl+C: the interrupt handler finishes and exits
  throw new Error(`code-server stopped unexpectedly; see ${logFile}`);
}

try {
  console.log('start: building the extension (node scripts/build.mjs)');
  run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot });
  if (findOnPath('code') && !useCodeServer) await startDesktop();
  else await startWeb();
} catch (error) {
  console.error(`start failed: ${error.message}`);
  process.exit(1);
}
