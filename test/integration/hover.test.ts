/**
 * The hover inside a real extension host: the sample files under examples/ are opened, the hover is asked
 * for through `vscode.executeHoverProvider` (what the editor does), and our hover's command links must
 * carry the function and the parameters in effect. Positions are found by searching the text, so the
 * samples can change around them.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FormulaHoverProvider } from '../../src/features/hover/hoverProvider';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
const OPEN = 'formulaPlayground.openPlayground';
const CHECK = 'formulaPlayground.gradientCheck';

interface CommandArg {
  id: string;
  params: Record<string, number>;
}

function examplesDir(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return join(ext.extensionPath, 'examples');
}

/** The sample whose name matches `pattern` (examples/keras_*.py …), so renames do not break the suite. */
function sample(pattern: RegExp): string {
  const dir = examplesDir();
  const name = existsSync(dir) ? readdirSync(dir).find((n) => pattern.test(n)) : undefined;
  assert.ok(name, `no file matching ${pattern} in ${dir}`);
  return join(dir, name);
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** All hovers VS Code would show at `position`, and ours among them (the one linking our commands). */
async function hoversAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ all: vscode.Hover[]; ours?: string }> {
  const all = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  const ours = all.map(markdownOf).find((md) => md.includes(`command:${OPEN}?`));
  return { all, ours };
}

/** The position of `needle` in the document, `inset` characters into it (inside the function's name). */
function positionOf(document: vscode.TextDocument, needle: string | RegExp, inset: number): vscode.Position {
  const [first] = positionsOf(document, needle, inset);
  assert.ok(first, `${document.uri.fsPath} has no ${String(needle)}`);
  return first;
}

/** Every occurrence of `needle` (the samples' docstrings mention names too; code comes later). */
function positionsOf(document: vscode.TextDocument, needle: string | RegExp, inset: number): vscode.Position[] {
  const text = document.getText();
  const pattern = typeof needle === 'string' ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(needle.source, 'g');
  return [...text.matchAll(pattern)].map((m) => document.positionAt((m.index ?? 0) + inset));
}

function commandArgs(markdown: string, command: string): CommandArg {
  const match = new RegExp(`\\]\\(command:${command.replace(/\./g, '\\.')}\\?([^)\\s]+)\\)`).exec(markdown);
  assert.ok(match, `the hover has no link to ${command}:\n${markdown.slice(0, 600)}`);
  const args = JSON.parse(decodeURIComponent(match[1])) as CommandArg[];
  assert.ok(Array.isArray(args) && args.length === 1, `expected [{id, params}], got ${match[1]}`);
  return args[0];
}

/** Hover over `needle` in the sample and check the command links' {id, params}. */
async function expectHover(
  file: string,
  needle: string | RegExp,
  inset: number,
  id: string,
  params: Record<string, number>,
): Promise<string> {
  const document = await vscode.workspace.openTextDocument(file);
  const positions = positionsOf(document, needle, inset);
  assert.ok(positions.length > 0, `${file} has no ${String(needle)}`);
  let ours: string | undefined;
  // The last occurrence is code (a docstring naming it comes first), so look from the end.
  for (const position of positions.reverse()) {
    ours = (await hoversAt(document, position)).ours;
    if (ours) break;
  }
  assert.ok(ours, `no formula hover at ${String(needle)} in ${file}`);
  for (const command of [OPEN, CHECK]) {
    const arg = commandArgs(ours, command);
    assert.equal(arg.id, id);
    for (const [name, value] of Object.entries(params)) {
      assert.ok(Math.abs(arg.params[name] - value) < 1e-12, `${id}: ${name} = ${arg.params[name]}, expected ${value}`);
    }
  }
  return ours;
}

async function withSetting<T>(name: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('formulaPlayground.hover');
  const before = config.inspect(name)?.globalValue;
  await config.update(name, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration('formulaPlayground.hover').update(name, before, vscode.ConfigurationTarget.Global);
  }
}

suite('Hover', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  test('nn.LeakyReLU(0.2) links leaky_relu with alpha 0.2 and shows α = 0.2', async () => {
    const md = await expectHover(sample(/^pytorch.*\.py$/), 'nn.LeakyReLU(0.2)', 5, 'leaky_relu', { alpha: 0.2 });
    assert.match(md, /α = 0\.2/);
    // The formula image is linked by URI to the extension's dist/formulaSvgs (the theme's variant), not embedded.
    assert.match(md, /!\[f\(x\)\]\((?:file|vscode-remote):\/\/[^)\s]*\/dist\/formulaSvgs\/leaky_relu\.f\.(?:light|dark)\.svg\)/);
  });

  test('nn.HuberLoss(delta=2.0) links huber with delta 2', async () => {
    await expectHover(sample(/^pytorch.*\.py$/), /nn\.HuberLoss\(delta=2(\.0)?\)/, 5, 'huber', { delta: 2 });
  });

  test("Keras layers.LeakyReLU() links leaky_relu with the layer's default alpha 0.3", async () => {
    await expectHover(sample(/^keras.*\.py$/), 'layers.LeakyReLU()', 9, 'leaky_relu', { alpha: 0.3 });
  });

  test('jax.nn.gelu (tanh approximation by default) links gelu_tanh', async () => {
    await expectHover(sample(/^jax.*\.py$/), /jax\.nn\.gelu\b(?!\(\s*[^)]*approximate\s*=\s*False)/, 8, 'gelu_tanh', {});
  });

  test('TF.js tf.losses.hingeLoss links hinge', async () => {
    await expectHover(sample(/^tfjs.*\.(js|ts)$/), 'tf.losses.hingeLoss', 12, 'hinge', {});
  });

  test('the hover range covers the recognised name', async () => {
    const document = await vscode.workspace.openTextDocument(sample(/^pytorch.*\.py$/));
    const position = positionOf(document, 'nn.LeakyReLU(0.2)', 5);
    const { all } = await hoversAt(document, position);
    const ours = all.find((h) => markdownOf(h).includes(`command:${OPEN}?`));
    assert.ok(ours?.range, 'our hover has no range');
    assert.ok(ours.range.contains(position));
    assert.match(document.getText(ours.range), /LeakyReLU/);
  });

  test('hover.enabled = false hides the hover without a reload', async () => {
    const document = await vscode.workspace.openTextDocument(sample(/^pytorch.*\.py$/));
    const position = positionOf(document, 'nn.LeakyReLU(0.2)', 5);
    await withSetting('enabled', false, async () => {
      assert.equal((await hoversAt(document, position)).ours, undefined);
    });
    assert.ok((await hoversAt(document, position)).ours, 'the hover did not come back');
  });

  test('hover.showPlot = false drops the sparkline', async () => {
    const document = await vscode.workspace.openTextDocument(sample(/^pytorch.*\.py$/));
    const position = positionOf(document, 'nn.LeakyReLU(0.2)', 5);
    await withSetting('showPlot', false, async () => {
      const { ours } = await hoversAt(document, position);
      assert.ok(ours);
      assert.doesNotMatch(ours, /!\[plot of/);
    });
    assert.match((await hoversAt(document, position)).ours ?? '', /!\[plot of/);
  });

  test('a binary-looking document gets no hover and no error', async () => {
    let content = 'import torch.nn as nn\nact = nn.LeakyReLU(0.2)\n';
    for (let i = 0; i < 20_000; i++) content += String.fromCharCode((i * 7919) % 256);
    const document = await vscode.workspace.openTextDocument({ content, language: 'python' });
    for (const offset of [30, 1_000, 10_000, content.length - 1]) {
      const { ours } = await hoversAt(document, document.positionAt(offset));
      assert.equal(ours, undefined);
    }
  });

  test('5,000 / 50,000-line files, a 1 MB minified line and binary text: no error; provider time', async function () {
    this.timeout(240_000);
    const measured: string[] = [];
    /** Opens `content`, asks VS Code for a hover once, then times our provider directly (no IPC). */
    const check = async (name: string, content: string, language: string, needle: RegExp, expectHover: boolean) => {
      const document = await vscode.workspace.openTextDocument({ content, language });
      const positions = [...content.matchAll(new RegExp(needle.source, 'g'))]
        .slice(-2_000)
        .map((m) => document.positionAt((m.index ?? 0) + 2));
      const probe = positions[positions.length - 1] ?? new vscode.Position(0, 0);
      const t0 = Date.now();
      const { ours } = await hoversAt(document, probe);
      const roundTrip = Date.now() - t0;
      assert.equal(ours !== undefined, expectHover, `${name}: expected ${expectHover ? 'a' : 'no'} hover at ${probe.line}:${probe.character}`);

      // The test's provider reads the document model through this test bundle's own copy of src/recognize (the
      // extension's hover above used the extension's): its first call indexes the document (a large one: the
      // outline and the window at the probe).
      const provider = new FormulaHoverProvider();
      const t1 = performance.now();
      provider.provideHover(document, probe);
      const first = performance.now() - t1;
      const samples: number[] = [];
      for (let i = 0; i < 300; i++) {
        const position = positions.length ? positions[(i * 7) % positions.length] : new vscode.Position(0, i);
        const t = performance.now();
        provider.provideHover(document, position);
        samples.push(performance.now() - t);
      }
      samples.sort((a, b) => a - b);
      const p95 = samples[Math.floor(0.95 * (samples.length - 1))];
      // The first provider call after an edit (one line inserted at the end, the middle, the start): the shared
      // model cache holds the version before it, so the document model reuses that version's work before the edit;
      // a document over LARGE_DOCUMENT characters (the 50,000 lines) is read in windows: its outline and the
      // window around the edit are built.
      const afterEdit: string[] = [];
      if (expectHover) {
        for (const [where, line] of [
          ['end', document.lineCount],
          ['middle', document.lineCount >> 1],
          ['start', 2],
        ] as const) {
          const edit = new vscode.WorkspaceEdit();
          const inserted = 'act_edit = nn.LeakyReLU(0.3)';
          edit.insert(document.uri, new vscode.Position(line, 0), where === 'end' ? `\n${inserted}` : `${inserted}\n`);
          assert.ok(await vscode.workspace.applyEdit(edit), `${name}: the edit at the ${where} was not applied`);
          const at = document.positionAt(document.getText().indexOf(inserted) + 'act_edit = nn.Le'.length);
          const t = performance.now();
          const hover = provider.provideHover(document, at);
          afterEdit.push(`${where} ${(performance.now() - t).toFixed(1)} ms`);
          assert.ok(await hover, `${name}: no hover on the inserted line (${where})`);
          const undo = new vscode.WorkspaceEdit();
          const from = document.getText().indexOf(inserted);
          const [a, b] = where === 'end' ? [from - 1, from + inserted.length] : [from, from + inserted.length + 1];
          undo.delete(document.uri, new vscode.Range(document.positionAt(a), document.positionAt(b)));
          await vscode.workspace.applyEdit(undo);
          provider.provideHover(document, probe);
        }
      }
      measured.push(
        `${name}: round trip ${roundTrip} ms, provider first ${first.toFixed(1)} ms, p95 ${p95.toFixed(3)} ms, max ${samples[samples.length - 1].toFixed(2)} ms` +
          (afterEdit.length ? `, first call after an edit: ${afterEdit.join(', ')}` : ''),
      );
    };
    const python = (n: number) => {
      const kinds = ['act{i} = nn.LeakyReLU(0.2)', 'y{i} = F.gelu(x{i})', 'crit{i} = nn.HuberLoss(delta=2.0)', 'x{i} = block{i}(x{i}) + {i}'];
      const lines = ['import torch.nn as nn', 'import torch.nn.functional as F'];
      for (let i = 0; lines.length < n; i++) lines.push(kinds[i % kinds.length].replace(/\{i\}/g, String(i)));
      return lines.join('\n');
    };
    await check('5,000 lines', python(5_000), 'python', /LeakyReLU|gelu|HuberLoss/, true);
    await check('50,000 lines', python(50_000), 'python', /LeakyReLU|gelu|HuberLoss/, true);
    let minified = 'import*as tf from"@tensorflow/tfjs";';
    while (minified.length < 1_000_000) minified += 'var a=tf.relu(b),c=tf.layers.leakyReLU({alpha:.1});';
    // Lines over MAX_LINE_CHARS get no hover (see src/shared/limits.ts).
    await check('1 MB line', minified, 'javascript', /tf\.relu|leakyReLU/, false);
    let binary = 'import torch.nn as nn\nact = nn.LeakyReLU(0.2)\n';
    for (let i = 0; i < 200_000; i++) binary += String.fromCharCode((i * 7919 + (i >> 3)) % 256);
    await check('binary', binary, 'python', /LeakyReLU/, false);
    // The runner prints titles, not the extension host's console: the numbers go into the title.
    if (this.test) this.test.title += ` [measured: ${measured.join('; ')}]`;
  });

  test('a document over 5 MB gets no hover and no error', async () => {
    const content = 'import torch.nn as nn\nact = nn.LeakyReLU(0.2)\n' + '# padding\n'.repeat(520_000);
    const document = await vscode.workspace.openTextDocument({ content, language: 'python' });
    assert.equal((await hoversAt(document, new vscode.Position(1, 12))).ours, undefined);
  });
});
