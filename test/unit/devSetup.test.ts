/**
 * F5 in desktop VS Code rests on .vscode/launch.json and .vscode/tasks.json: every task a launch configuration
 * names exists, every npm script a task runs is in package.json, every path they pass exists or is what a
 * build writes, and the watch task's end pattern matches what `npm run watch` prints when it is ready. (F5
 * itself needs desktop VS Code; this checks what it would read.)
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** JSON with comments (what VS Code reads in .vscode/): // and /* *\/ comments outside strings dropped. */
function readJsonc(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

interface Task {
  type?: string;
  script?: string;
  label?: string;
  dependsOn?: string[];
  problemMatcher?: unknown;
}
interface LaunchConfiguration {
  name: string;
  type: string;
  args?: string[];
  outFiles?: string[];
  preLaunchTask?: string;
}

const launch = readJsonc(join(root, '.vscode', 'launch.json')) as { configurations: LaunchConfiguration[] };
const tasks = (readJsonc(join(root, '.vscode', 'tasks.json')) as { tasks: Task[] }).tasks;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
const buildScript = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
/** What `npm run build` runs: build.mjs and the web bundle's builder it imports. */
const buildScripts = ['build.mjs', 'build-web.mjs'].map((name) => readFileSync(join(root, 'scripts', name), 'utf8')).join('\n');
const testConfig = readJsonc(join(root, 'tsconfig.test.json')) as { compilerOptions: { outDir: string }; include: string[] };

/** A task's label as VS Code resolves it ("npm: watch" for an npm task without one). */
const labelOf = (task: Task) => task.label ?? (task.type === 'npm' ? `npm: ${task.script}` : undefined);
const labels = new Set(tasks.map(labelOf));

/** Where a path from launch.json comes from: the tree itself, the build (dist/) or the test compile (out/). */
function checkPath(raw: string, what: string): void {
  const path = raw.replace('${workspaceFolder}', root).replace(/\/\*\*\/\*\.js$/, '');
  const relative = path.slice(root.length + 1);
  if (relative.startsWith('dist')) {
    assert.match(buildScript, /'dist\//, `${what}: ${raw} is under dist/, which scripts/build.mjs does not write`);
  } else if (relative.startsWith(`${testConfig.compilerOptions.outDir}/`) || relative === testConfig.compilerOptions.outDir) {
    // out/test/integration/index ← test/integration/index.ts, compiled by tsconfig.test.json.
    const source = relative.slice(testConfig.compilerOptions.outDir.length + 1);
    if (source) assert.ok(existsSync(join(root, `${source}.ts`)), `${what}: ${raw} compiles from ${source}.ts, which does not exist`);
    if (source) assert.ok(testConfig.include.some((glob) => source.startsWith(glob.split('/')[0])), `${what}: tsconfig.test.json does not compile ${source}.ts`);
  } else {
    assert.ok(existsSync(path), `${what}: ${raw} does not exist`);
  }
}

describe('F5 setup (.vscode/launch.json, tasks.json)', () => {
  it('has the two launch configurations the issue asks for: Run Extension and Extension Tests', () => {
    assert.deepEqual(launch.configurations.map((c) => c.name).sort(), ['Extension Tests', 'Run Extension']);
    for (const c of launch.configurations) assert.equal(c.type, 'extensionHost', c.name);
  });

  it('names only tasks that exist, and only paths that exist or that the build and the test compile write', () => {
    for (const c of launch.configurations) {
      if (c.preLaunchTask) assert.ok(labels.has(c.preLaunchTask), `${c.name}: no task labelled "${c.preLaunchTask}" (tasks: ${[...labels].join(', ')})`);
      for (const arg of c.args ?? []) {
        const [, value] = /^--[a-zA-Z]+=(.*)$/.exec(arg) ?? [undefined, arg];
        if (value.includes('${workspaceFolder}')) checkPath(value, c.name);
      }
      for (const glob of c.outFiles ?? []) checkPath(glob, `${c.name} outFiles`);
    }
    const development = launch.configurations.find((c) => c.name === 'Run Extension');
    assert.ok(development?.args?.includes('--extensionDevelopmentPath=${workspaceFolder}'));
    // What the second window loads is what the build writes: package.json's main.
    const main = manifest.main.replace(/^\.\//, '');
    assert.ok(buildScripts.includes(`outfile: '${main}'`), `neither build.mjs nor build-web.mjs writes ${manifest.main}`);
  });

  it('runs only npm scripts that package.json has, and depends only on tasks that exist', () => {
    for (const task of tasks) {
      if (task.type === 'npm') assert.ok(task.script && manifest.scripts[task.script], `task ${labelOf(task)}: no npm script "${task.script}"`);
      for (const dependency of task.dependsOn ?? []) assert.ok(labels.has(dependency), `task ${labelOf(task)}: depends on "${dependency}", which no task is`);
    }
    assert.match(manifest.scripts.watch, /build\.mjs --watch/);
  });

  it("ends the watch task's background phase on the line `npm run watch` prints when it is ready", () => {
    const watch = tasks.find((t) => t.script === 'watch');
    const background = (watch?.problemMatcher as { background?: { beginsPattern: string; endsPattern: string } })?.background;
    assert.ok(background, 'the watch task has no background patterns: F5 would wait for it forever');
    const printed = [...buildScript.matchAll(/console\.log\('([^']*)'\)/g)].map((m) => m[1]);
    assert.ok(printed.some((line) => new RegExp(background.endsPattern).test(line)), `no line of build.mjs matches ${background.endsPattern}: ${printed.join(' | ')}`);
    // esbuild's own watch lines (logLevel info): "[watch] build started (change: …)", "[watch] build finished".
    assert.match('[watch] build started (change: "src/extension.ts")', new RegExp(background.beginsPattern));
    assert.match('[watch] build finished', new RegExp(background.endsPattern));
  });
});
