/**
 * The Formula view inside a real extension host: the cursor is moved through every sample under examples/
 * and the view's state (formulaPlayground.formulaViewState) must name the call under it — the same call
 * the hover's recognizer finds there — or be undefined / dimmed where there is none. Then the two-way
 * parameters: formulaViewSetParameter with `apply` rewrites the literal in one undo step, adds a missing
 * keyword in the framework's own spelling, and edits a named constant; and a hidden view does no work.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { recognize } from '../../src/recognize';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
const SHOW = 'formulaPlayground.showFormulaView';
const STATE = 'formulaPlayground.formulaViewState';
const SET = 'formulaPlayground.formulaViewSetParameter';
const PROBE = 'formulaPlayground.formulaViewProbe';

interface ViewState {
  id: string;
  params: Record<string, number>;
  uri: string;
  line: number;
  dimmed: boolean;
}
interface Probe {
  updates: number;
  posted: number;
  visible: boolean;
}

function examplesDir(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return join(ext.extensionPath, 'examples');
}

async function until<T>(what: string, get: () => PromiseLike<T> | T, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const probe = () => vscode.commands.executeCommand<Probe>(PROBE);
const state = () => vscode.commands.executeCommand<ViewState | undefined>(STATE);

/**
 * The view's state once it shows a call of `editor`'s document. Right after showTextDocument the extension host
 * can still report the previous active editor (seen under load), so the view may show the last call for a moment.
 */
const stateOf = (editor: vscode.TextEditor) =>
  until(`the view to show a call of ${editor.document.uri.toString()}`, state, (s) => s?.uri === editor.document.uri.toString() && !s.dimmed);

async function showView(): Promise<void> {
  await vscode.commands.executeCommand(SHOW);
  await until('the Formula view to be visible', probe, (p) => p.visible);
  // …and its webview to have said `ready` (it has then been sent what it shows).
  await until('the Formula view to post', probe, (p) => p.posted > 0);
}

async function open(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(document, { preview: false });
}

function place(editor: vscode.TextEditor, offset: number): void {
  const p = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(p, p);
}

/** The offset inside `needle` (after `inset` characters) in the editor's text. */
function offsetOf(editor: vscode.TextEditor, needle: string, inset = 2): number {
  const i = editor.document.getText().indexOf(needle);
  assert.ok(i >= 0, `no ${needle} in ${editor.document.uri.toString()}, which reads ${JSON.stringify(editor.document.getText().slice(0, 400))}`);
  return i + inset;
}

let untitledCount = 0;

/**
 * A new untitled document with its own name. VS Code gives a closed untitled name (Untitled-1) to the next
 * untitled document at once, and under load opening one could hand back the closed document of that name.
 */
async function untitled(content: string, language: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `formula-view-${++untitledCount}.${language === 'python' ? 'py' : 'js'}` });
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not write into ${uri.toString()}`);
  assert.equal(document.getText(), content, `${uri.toString()} is not the new document`);
  return open(document);
}

/** An untitled copy of a sample: the edit tests change it, never the file on disk. */
async function copyOfSample(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(join(examplesDir(), name));
  return untitled(document.getText(), document.languageId);
}

/**
 * Reverts and closes the active editor. For an untitled document, waits until the extension host knows it is
 * closed: VS Code gives its name to the next untitled document at once, and until the host has dropped the old
 * one, opening "a new" untitled document can hand back the old TextDocument (seen under load).
 */
async function closeWithoutSaving(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  if (document?.isUntitled) await until(`${document.uri.toString()} to close`, () => document.isClosed, Boolean);
}

/** Closes every editor tab, unsaved ones without saving (reverted first, so no dialog asks). */
async function closeEverything(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document, { preview: false });
    await closeWithoutSaving();
  }
  await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((group) => group.tabs));
  await until('every editor to close', () => vscode.window.tabGroups.all.reduce((n, group) => n + group.tabs.length, 0), (n) => n === 0);
}

suite('Formula view', () => {
  suiteSetup(async () => {
    await showView();
  });

  test('follows the cursor through every sample: the call the recognizer finds, else undefined or dimmed', async function () {
    const dir = examplesDir();
    const files = readdirSync(dir).filter((n) => /\.(py|js|ts)$/.test(n));
    assert.ok(files.length >= 3, `expected the samples in ${dir}`);
    let recognised = 0;
    let elsewhere = 0;
    const ids = new Set<string>();
    for (const name of files) {
      const editor = await open(await vscode.workspace.openTextDocument(join(dir, name)));
      const document = editor.document;
      const text = document.getText();
      // Every word start (and the character after it): names, strings, keywords, numbers.
      for (const m of text.matchAll(/[A-Za-z_"'][\w.]*/g)) {
        const offset = (m.index ?? 0) + 1;
        place(editor, offset);
        const expected = recognize(text, offset, document.languageId);
        const shown = await state();
        const where = `${name}:${document.positionAt(offset).line + 1}:${document.positionAt(offset).character + 1} (${m[0]})`;
        if (expected) {
          recognised++;
          ids.add(expected.id);
          assert.ok(shown, `${where}: the view shows nothing, the recognizer finds ${expected.id}`);
          assert.equal(shown.id, expected.id, `${where}: id`);
          assert.equal(shown.dimmed, false, `${where}: dimmed on a call`);
          assert.equal(shown.uri, document.uri.toString(), `${where}: uri`);
          assert.equal(shown.line, document.positionAt(expected.range.start).line, `${where}: line`);
          for (const [param, value] of Object.entries(expected.params)) {
            if (param in shown.params) assert.equal(shown.params[param], value, `${where}: ${param}`);
          }
        } else {
          elsewhere++;
          assert.ok(shown === undefined || shown.dimmed, `${where}: not a call, but the view shows ${JSON.stringify(shown)} undimmed`);
        }
      }
    }
    const measured = `${recognised} cursor positions on calls (${ids.size} functions: ${[...ids].sort().join(', ')}), ${elsewhere} elsewhere, across ${files.length} samples`;
    console.log(`      formula view: ${measured}`);
    if (this.test) this.test.title += ` [measured: ${measured}]`;
    assert.ok(recognised >= 30 && ids.size >= 12, `only ${recognised} positions on ${ids.size} functions recognised`);
  });

  test('shows the parameters the code writes and keeps the last call, dimmed, with its line', async () => {
    const editor = await open(await vscode.workspace.openTextDocument(join(examplesDir(), 'pytorch_model.py')));
    place(editor, offsetOf(editor, 'nn.LeakyReLU(0.2)', 5));
    const on = await state();
    assert.deepEqual(on && { id: on.id, params: on.params, dimmed: on.dimmed }, { id: 'leaky_relu', params: { alpha: 0.2 }, dimmed: false });
    const line = editor.document.positionAt(offsetOf(editor, 'nn.LeakyReLU(0.2)')).line;
    assert.equal(on?.line, line);
    place(editor, offsetOf(editor, 'self.fc2 = nn.Linear', 1));
    const off = await state();
    assert.deepEqual(off && { id: off.id, line: off.line, dimmed: off.dimmed }, { id: 'leaky_relu', line, dimmed: true });
    place(editor, offsetOf(editor, 'nn.HuberLoss(delta=2.0)', 5));
    assert.deepEqual((await state())?.params, { delta: 2 });
  });

  test("formulaViewSetParameter({ name: 'alpha', value: 0.25, apply: true }) turns nn.LeakyReLU(0.2) into nn.LeakyReLU(0.25); one undo restores it", async () => {
    const editor = await copyOfSample('pytorch_model.py');
    const document = editor.document;
    try {
      const offset = offsetOf(editor, 'nn.LeakyReLU(0.2)', 5);
      const line = document.positionAt(offset).line;
      const before = document.lineAt(line).text;
      const original = document.getText();
      place(editor, offset);
      const result = await vscode.commands.executeCommand<{ state?: ViewState; applied?: { applied: string }; error?: string }>(SET, { name: 'alpha', value: 0.25, apply: true });
      assert.equal(result?.error, undefined, result?.error);
      assert.equal(result?.applied?.applied, 'literal');
      assert.equal(document.lineAt(line).text, before.replace('nn.LeakyReLU(0.2)', 'nn.LeakyReLU(0.25)'));
      assert.equal(document.getText(), original.replace('nn.LeakyReLU(0.2)', 'nn.LeakyReLU(0.25)'), 'nothing else changed');
      assert.deepEqual((await state())?.params, { alpha: 0.25 });
      await open(document);
      await vscode.commands.executeCommand('undo');
      await until('the undo', () => document.getText(), (t) => t === original);
    } finally {
      await open(document);
      await closeWithoutSaving();
    }
  });

  test('a slider value without apply redraws but leaves the code alone; bad arguments are named', async () => {
    const editor = await open(await vscode.workspace.openTextDocument(join(examplesDir(), 'pytorch_model.py')));
    place(editor, offsetOf(editor, 'nn.ELU(alpha=0.5)', 4));
    const version = editor.document.version;
    const result = await vscode.commands.executeCommand<{ state?: ViewState }>(SET, { name: 'alpha', value: 1.5 });
    assert.deepEqual(result?.state?.params, { alpha: 1.5 });
    assert.equal(editor.document.version, version);
    const bad = await vscode.commands.executeCommand<{ error?: string }>(SET, { name: 'beta', value: 1 });
    assert.match(bad?.error ?? '', /elu has no parameter "beta" \(its parameters: alpha\)/);
    const notNumber = await vscode.commands.executeCommand<{ error?: string }>(SET, { name: 'alpha', value: 'big' });
    assert.match(notNumber?.error ?? '', /argument\.value must be a finite number, got "big"/);
  });

  test("adding a missing parameter uses the framework's own keyword", async () => {
    // PyTorch spells the slope negative_slope (pytorch/pytorch torch/nn/modules/activation.py, class LeakyReLU);
    // tf.nn.leaky_relu spells it alpha (tensorflow/tensorflow tensorflow/python/ops/nn_ops.py, def leaky_relu);
    // Keras 3's layer spells it negative_slope (keras-team/keras keras/src/layers/activations/leaky_relu.py).
    const cases: [string, string, string, string][] = [
      ['python', 'import torch.nn as nn\n\nact = nn.LeakyReLU()\n', 'nn.LeakyReLU', 'act = nn.LeakyReLU(negative_slope=0.1)'],
      ['python', 'import tensorflow as tf\n\ny = tf.nn.leaky_relu(x)\n', 'tf.nn.leaky_relu', 'y = tf.nn.leaky_relu(x, alpha=0.1)'],
      ['python', 'import keras\n\nlayer = keras.layers.LeakyReLU()\n', 'keras.layers.LeakyReLU', 'layer = keras.layers.LeakyReLU(negative_slope=0.1)'],
      ['javascript', "import * as tf from '@tensorflow/tfjs';\n\nconst layer = tf.layers.leakyReLU();\n", 'tf.layers.leakyReLU', 'const layer = tf.layers.leakyReLU({alpha: 0.1});'],
    ];
    // Each case in its own untitled document, all closed at the end.
    const editors: vscode.TextEditor[] = [];
    try {
      for (const [language, content, needle, expected] of cases) {
        const editor = await untitled(content, language);
        editors.push(editor);
        place(editor, offsetOf(editor, needle, needle.length - 3));
        assert.equal((await stateOf(editor))?.id, 'leaky_relu', `${needle} is not shown`);
        const result = await vscode.commands.executeCommand<{ applied?: { applied: string }; error?: string }>(SET, { name: 'alpha', value: 0.1, apply: true });
        assert.equal(result?.error, undefined, result?.error);
        assert.equal(result?.applied?.applied, 'added', `${needle} in ${editor.document.uri.toString()}: ${JSON.stringify(result)}; the document reads ${JSON.stringify(editor.document.getText())}`);
        assert.equal(editor.document.lineAt(2).text, expected);
      }
    } finally {
      for (const editor of editors) {
        await open(editor.document);
        await closeWithoutSaving();
      }
    }
  });

  test("a parameter bound to a named constant in the same file edits the constant's literal", async () => {
    const editor = await untitled('import torch.nn as nn\n\nSLOPE = 0.2  # from the paper\nact = nn.LeakyReLU(SLOPE)\n', 'python');
    try {
      place(editor, offsetOf(editor, 'nn.LeakyReLU', 5));
      const shown = await stateOf(editor);
      assert.deepEqual(shown?.params, { alpha: 0.2 });
      const result = await vscode.commands.executeCommand<{ applied?: { applied: string }; error?: string }>(SET, { name: 'alpha', value: 0.3, apply: true });
      assert.equal(result?.applied?.applied, 'constant', result?.error);
      assert.equal(editor.document.getText(), 'import torch.nn as nn\n\nSLOPE = 0.3  # from the paper\nact = nn.LeakyReLU(SLOPE)\n');
    } finally {
      await closeWithoutSaving();
    }
  });

  test('a closed document leaves its call dimmed, and a new document under the same untitled name starts without its slider values', async () => {
    // With no other editor to fall back on, closing the document leaves no active editor at all.
    await closeEverything();
    const content = 'import torch.nn as nn\n\nact = nn.LeakyReLU(0.2)\n';
    // Unnamed untitled documents here, on purpose: the second gets the first one's name.
    const unnamed = async () => open(await vscode.workspace.openTextDocument({ language: 'python', content }));
    const first = await unnamed();
    const firstUri = first.document.uri.toString();
    place(first, offsetOf(first, 'nn.LeakyReLU', 5));
    assert.deepEqual((await stateOf(first))?.params, { alpha: 0.2 });
    const moved = await vscode.commands.executeCommand<{ state?: ViewState; error?: string }>(SET, { name: 'alpha', value: 0.35 });
    assert.deepEqual(moved?.state?.params, { alpha: 0.35 }, moved?.error);
    await closeWithoutSaving();
    // Whatever editor is active now, the call of the closed document is no longer "under the cursor".
    const after = await state();
    assert.ok(after === undefined || after.dimmed || after.uri !== firstUri, `the closed document's call is still shown as live: ${JSON.stringify(after)}`);

    // VS Code hands the closed untitled name to the next untitled document at once: same uri, same call, same line.
    const second = await unnamed();
    try {
      assert.equal(second.document.uri.toString(), firstUri, 'VS Code no longer reuses a closed untitled name: this test then checks less than it says');
      assert.ok(second.document !== first.document && !second.document.isClosed, 'VS Code handed back the closed document');
      place(second, offsetOf(second, 'nn.LeakyReLU', 5));
      const shown = await stateOf(second);
      assert.deepEqual(shown?.params, { alpha: 0.2 }, `the slider value of a closed document (${firstUri}) leaked into ${second.document.uri.toString()}`);
    } finally {
      await closeWithoutSaving();
    }
  });

  test('a hidden view computes nothing and posts nothing; showing it again updates once', async function () {
    const editor = await copyOfSample('pytorch_model.py');
    try {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await until('the Formula view to be hidden', probe, (p) => !p.visible);
      const before = await probe();
      for (const needle of ['nn.LeakyReLU(0.2)', 'nn.ELU(alpha=0.5)', 'nn.HuberLoss(delta=2.0)', 'F.softmax', 'torch.sigmoid']) {
        place(editor, offsetOf(editor, needle, 4));
        await new Promise((r) => setTimeout(r, 150));
      }
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# touched\n'));
      await new Promise((r) => setTimeout(r, 300));
      const hidden = await probe();
      const measured = `while hidden: updates ${before.updates} → ${hidden.updates}, messages posted ${before.posted} → ${hidden.posted}`;
      console.log(`      formula view ${measured}`);
      if (this.test) this.test.title += ` [measured: ${measured}]`;
      assert.equal(hidden.updates, before.updates, 'the view computed while hidden');
      assert.equal(hidden.posted, before.posted, 'the view posted messages while hidden');
      await showView();
      await until('the view to update once shown', probe, (p) => p.posted > hidden.posted);
      assert.equal((await state())?.id, 'sigmoid');
    } finally {
      await open(editor.document);
      await closeWithoutSaving();
    }
  });
});
