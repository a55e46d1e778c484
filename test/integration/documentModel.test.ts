/**
 * The document model inside a real extension host (issue 16): every form the model resolves — PyTorch tensor
 * methods, `self.NAME(x)` / `this.NAME.apply(x)`, partials, parameters given by a name, Keras' switching ReLU,
 * PyTorch Image Models' strings, the formerly missing names, doctest lines, the user's own implementations —
 * and its look-alikes, asked for through `vscode.executeHoverProvider` on the corpus files in test/corpus/model/
 * (written for these tests). Plot Selection, run as the command on an editor selection, must give the same
 * function and parameters as the hover. Positions are found by searching the text, so the files can change.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { catalogue } from '../../src/core/catalogue';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
const OPEN = 'formulaPlayground.openPlayground';
const PLOT_SELECTION = 'formulaPlayground.plotSelection';

interface CommandArg {
  id: string;
  params: Record<string, number>;
}

interface Hovered {
  /** Our hover's Markdown, backslash escapes removed (so `tf\_keras` reads tf_keras). */
  text: string;
  arg: CommandArg;
  /** The document text our hover's range covers. */
  word: string;
}

function corpusFile(name: string): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return join(ext.extensionPath, 'test', 'corpus', 'model', name);
}

const documents = new Map<string, vscode.TextDocument>();
async function open(name: string): Promise<vscode.TextDocument> {
  let document = documents.get(name);
  if (!document) {
    document = await vscode.workspace.openTextDocument(corpusFile(name));
    documents.set(name, document);
  }
  return document;
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** The offset of the `nth` occurrence of `needle`, plus `inset`. */
function offsetOf(document: vscode.TextDocument, needle: string, inset: number, nth = 0): number {
  const text = document.getText();
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${document.uri.fsPath} has no occurrence #${nth} of ${JSON.stringify(needle)}`);
  }
  return at + inset;
}

/** Our hover at `needle` (`inset` characters into it), or undefined when VS Code shows none of ours. */
async function hoverAt(file: string, needle: string, inset: number, nth = 0): Promise<Hovered | undefined> {
  const document = await open(file);
  const position = document.positionAt(offsetOf(document, needle, inset, nth));
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  const ours = hovers.find((h) => markdownOf(h).includes(`command:${OPEN}?`));
  if (!ours) return undefined;
  const markdown = markdownOf(ours);
  const match = new RegExp(`\\]\\(command:${OPEN.replace(/\./g, '\\.')}\\?([^)\\s]+)\\)`).exec(markdown);
  assert.ok(match, `the hover has no link to ${OPEN}`);
  const args = JSON.parse(decodeURIComponent(match[1])) as CommandArg[];
  assert.ok(ours.range, 'our hover has no range');
  assert.ok(ours.range.contains(position), 'the hover range does not hold the cursor');
  return { text: markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1'), arg: args[0], word: document.getText(ours.range) };
}

/** Our hover must link `id` with `params` (those given; the rest are not checked). */
async function expectHover(file: string, needle: string, inset: number, id: string, params: Record<string, number> = {}, nth = 0): Promise<Hovered> {
  const hovered = await hoverAt(file, needle, inset, nth);
  assert.ok(hovered, `no formula hover at ${JSON.stringify(needle)} in ${file}`);
  assert.equal(hovered.arg.id, id, `${needle}: linked ${hovered.arg.id}`);
  for (const [name, value] of Object.entries(params)) {
    assert.ok(Math.abs(hovered.arg.params[name] - value) < 1e-12, `${needle}: ${name} = ${hovered.arg.params[name]}, expected ${value}`);
  }
  return hovered;
}

async function expectNoHover(file: string, needle: string, inset: number, nth = 0): Promise<void> {
  const hovered = await hoverAt(file, needle, inset, nth);
  assert.equal(hovered, undefined, `a formula hover (${hovered?.arg.id}) at ${JSON.stringify(needle)} in ${file}`);
}

/** `leaky_relu(x, 0.2)` → id and the numbers after x. */
function parseFormula(formula: string): { id: string; args: number[] } | undefined {
  const m = /^([a-z0-9_]+)\(x(?:, ([^()]*))?\)$/.exec(formula);
  if (!m) return undefined;
  const args = m[2] ? m[2].split(',').map((s) => Number(s.trim())) : [];
  return args.every(Number.isFinite) ? { id: m[1], args } : undefined;
}

const TORCH = 'torch_gated_mlp.py';
const NUMPY = 'numpy_no_torch.py';
const KERAS = 'keras_switches.py';
const TFJS = 'tfjs_attribute_layers.js';

suite('Document model in the real VS Code (issue 16)', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('PyTorch tensor methods in a file that imports torch, the in-place forms included; range on the method', async () => {
    const cases: [string, string, string][] = [
      ['h.sigmoid()', 'sigmoid', 'sigmoid'],
      ['h.softmax(-1)', 'softmax', 'softmax'],
      ['h.log_softmax(dim=-1)', 'log_softmax', 'log_softmax'],
      ['h.relu_()', 'relu', 'relu_'],
      ['h.sigmoid_()', 'sigmoid', 'sigmoid_'],
      ['h.tanh_()', 'tanh', 'tanh_'],
      [').tanh()', 'tanh', 'tanh'],
      ['h.relu()', 'relu', 'relu'],
    ];
    for (const [needle, id, word] of cases) {
      const hovered = await expectHover(TORCH, needle, needle.indexOf('.') + 2, id);
      assert.equal(hovered.word, word, needle);
      assert.match(hovered.text, /Tensor method/, needle);
    }
  });

  test('no tensor methods in a file without torch', async () => {
    for (const needle of ['graph.relu()', 'out.sigmoid()', 'out.tanh()', 'out.softmax(-1)', 'scores.log_softmax(-1)']) {
      await expectNoHover(NUMPY, needle, needle.indexOf('.') + 2);
    }
  });

  test('self.act(x) resolves to self.act = nn.GELU(approximate="tanh"): range on act', async () => {
    const hovered = await expectHover(TORCH, 'self.act(self.fc1', 6, 'gelu_tanh');
    assert.equal(hovered.word, 'act');
    // self.leaky = partial(nn.LeakyReLU, negative_slope=1e-3)(); elu = nn.ELU(alpha=0.5) … elu(x)
    assert.equal((await expectHover(TORCH, 'self.leaky(u)', 6, 'leaky_relu', { alpha: 0.001 })).word, 'leaky');
    assert.equal((await expectHover(TORCH, 'y = elu(x)', 5, 'elu', { alpha: 0.5 })).word, 'elu');
  });

  test('this.act.apply(x) / this.gate.apply(x) resolve to their tf.layers assignments, with the parameters', async () => {
    assert.equal((await expectHover(TFJS, 'this.act.apply', 6, 'relu')).word, 'act');
    const gate = await expectHover(TFJS, 'this.gate.apply', 6, 'leaky_relu', { alpha: 0.15 });
    assert.equal(gate.word, 'gate');
    assert.match(gate.text, /α = 0\.15/);
  });

  test('partial(nn.LeakyReLU, negative_slope=1e-3) has α = 0.001, not the default 0.01', async () => {
    const hovered = await expectHover(TORCH, 'nn.LeakyReLU, negative_slope=1e-3)()', 4, 'leaky_relu', { alpha: 0.001 });
    assert.match(hovered.text, /α = 0\.001/);
    await expectHover(TORCH, 'nn.LeakyReLU, negative_slope=1e-3)()', 4, 'leaky_relu', { alpha: 0.001 }, 1);
  });

  test('a parameter given by a name bound to a literal: module constant, function default, earlier assignment', async () => {
    const module = await expectHover(TORCH, 'nn.LeakyReLU(LEAKY_SLOPE)', 4, 'leaky_relu', { alpha: 0.2 });
    assert.match(module.text, /set in code: LEAKY_SLOPE = 0\.2 \(line \d+\)/);
    const byDefault = await expectHover(TORCH, 'nn.LeakyReLU(hidden_slope)', 4, 'leaky_relu', { alpha: 0.05 });
    assert.match(byDefault.text, /hidden_slope = 0\.05/);
    const earlier = await expectHover(TORCH, 'F.leaky_relu(h, negative_slope=scale)', 4, 'leaky_relu', { alpha: 0.1 });
    assert.match(earlier.text, /scale = 0\.1 \(line \d+\)/);
    await expectHover(KERAS, 'LeakyReLU(negative_slope=ALPHA)', 2, 'leaky_relu', { alpha: 0.3 });
  });

  test('a name whose value is not known here is said so, never shown as the default in effect', async () => {
    const leaky = await expectHover(TORCH, 'nn.LeakyReLU(cfg.leaky_relu_slope)', 4, 'leaky_relu');
    assert.match(leaky.text, /`α` = `cfg\.leaky_relu_slope` \*\(set in code, value not known here/);
    assert.doesNotMatch(leaky.text, /`α = 0\.01` \*(default|PyTorch default|set in code)/);
    const elu = await expectHover(TORCH, 'nn.ELU(alpha=config_alpha)', 4, 'elu');
    assert.match(elu.text, /config_alpha` \*\(set in code, value not known here/);
  });

  test('Keras ReLU(max_value=6) and ReLU(6.0) are ReLU6; ReLU(negative_slope=0.1) is a leaky ReLU with α = 0.1', async () => {
    await expectHover(KERAS, 'layers.ReLU(max_value=6)', 8, 'relu6');
    await expectHover(KERAS, 'layers.ReLU(6.0)', 8, 'relu6');
    const leaky = await expectHover(KERAS, 'layers.ReLU(negative_slope=0.1)', 8, 'leaky_relu', { alpha: 0.1 });
    assert.match(leaky.text, /α = 0\.1/);
  });

  test("PyTorch Image Models' activation names: act_layer=\"gelu\", get_act_layer(\"silu\"), create_act_layer(\"relu\", inplace=True)", async () => {
    const gelu = await expectHover(TORCH, 'act_layer="gelu")', 12, 'gelu', {}, 1);
    assert.equal(gelu.word, '"gelu"');
    await expectHover(TORCH, 'get_act_layer("silu")', 16, 'silu');
    await expectHover(TORCH, 'create_act_layer("relu", inplace=True)', 19, 'relu');
  });

  test('the names that were missing: jax.nn.tanh, torch.nn.modules.activation.ReLU, keras.metrics.MeanSquaredError, keras.src layers', async () => {
    await expectHover(KERAS, 'jax.nn.tanh', 8, 'tanh');
    await expectHover(TORCH, 'torch.nn.modules.activation.ReLU()', 31, 'relu');
    await expectHover(KERAS, 'keras.metrics.MeanSquaredError', 20, 'mse');
    await expectHover(KERAS, 'src_layers.ReLU()', 12, 'relu');
  });

  test('doctest lines inside a docstring hover; prose in the docstring and in comments does not', async () => {
    await expectHover(TORCH, 'F.silu(block', 3, 'silu');
    await expectNoHover(TORCH, 'nn.GELU() and', 4);
    await expectNoHover(TORCH, 'F.relu(x) in prose', 3);
    await expectNoHover(TORCH, 'F.mse_loss(pred, target) would', 3);
  });

  test("the user's own implementations: matches, differs at x = …, the softmax overflow trap, body not checked", async () => {
    const sigmoid = await expectHover(NUMPY, 'def sigmoid(x)', 5, 'sigmoid');
    assert.match(sigmoid.text, /✓ your `sigmoid` matches Sigmoid \(max relative difference [^)]* on \[−10, 10\]\)/);
    const call = await expectHover(NUMPY, 'hidden = sigmoid(', 10, 'sigmoid');
    assert.match(call.text, /✓ your `sigmoid` matches Sigmoid/);
    const relu = await expectHover(NUMPY, 'def relu(x)', 5, 'relu');
    assert.match(relu.text, /≠ your `relu` differs from ReLU at x = -?[\d.]+: [\d.e-]+ vs [\d.e-]+/);
    const softmax = await expectHover(NUMPY, 'def softmax(z)', 5, 'softmax');
    assert.match(softmax.text, /⚠ `np\.exp\(z\)` overflows for z > 709: subtract the max first/);
    const mish = await expectHover(NUMPY, 'def mish(x)', 5, 'mish');
    assert.match(mish.text, /`mish` is defined here; body not checked/);
  });

  test('look-alikes get no hover: relu_out, act_layer as a variable, compute_loss, CustomMSE, self.relu / this.relu bound to something else', async () => {
    const negatives: [string, string, number][] = [
      [TORCH, 'relu_out', 2],
      [TORCH, 'act = act_layer()', 8],
      [TORCH, 'act_layer = "relu"', 2],
      [TORCH, 'act_layer = "relu"', 14],
      [TORCH, 'def compute_loss', 7],
      [TORCH, 'class CustomMSE', 9],
      [TORCH, 'CustomMSE()(pred', 3],
      [TORCH, 'self.relu(h)', 6],
      [TORCH, 'torch.clamp', 7],
      [NUMPY, 'def relu(self)', 5],
      [NUMPY, 'np.maximum(0.1', 4],
      [TFJS, 'this.relu.apply', 6],
      [TFJS, 'reluOut', 2],
      [TFJS, 'makeCustomLayer', 3],
    ];
    for (const [file, needle, inset] of negatives) await expectNoHover(file, needle, inset);
  });

  test('Plot Selection gives the same function and parameters as the hover', async () => {
    // [file, the selected code, where the hover is asked for (needle, inset)]
    const samples: [string, string, string, number][] = [
      [TORCH, 'F.leaky_relu(h, negative_slope=LEAKY_SLOPE)', 'F.leaky_relu(h, negative_slope=LEAKY_SLOPE)', 4],
      [TORCH, 'F.leaky_relu(h, negative_slope=scale)', 'F.leaky_relu(h, negative_slope=scale)', 4],
      [TORCH, 'h.sigmoid()', 'h.sigmoid()', 3],
      [TORCH, 'h.relu_()', 'h.relu_()', 3],
      [KERAS, 'layers.ReLU(max_value=6)(x)', 'layers.ReLU(max_value=6)', 8],
      [KERAS, 'layers.ReLU(negative_slope=0.1)(x)', 'layers.ReLU(negative_slope=0.1)', 8],
      [KERAS, 'layers.LeakyReLU(negative_slope=ALPHA)(x)', 'LeakyReLU(negative_slope=ALPHA)', 2],
      [KERAS, 'jax.nn.tanh(x)', 'jax.nn.tanh', 8],
      [NUMPY, 'scipy.special.expit(hidden)', 'scipy.special.expit', 16],
      // Callees the model resolves to their assignment: self.NAME(x), NAME(x), this.NAME.apply(x).
      [TORCH, 'self.leaky(u)', 'self.leaky(u)', 6],
      [TORCH, 'self.hidden(u)', 'self.hidden(u)', 6],
      [TORCH, 'y = elu(x)', 'y = elu(x)', 5],
      [TFJS, 'this.gate.apply(h)', 'this.gate.apply(h)', 6],
    ];
    for (const [file, selected, needle, inset] of samples) {
      const hovered = await hoverAt(file, needle, inset);
      assert.ok(hovered, `no formula hover at ${JSON.stringify(needle)} in ${file}`);
      const document = await open(file);
      const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
      const start = offsetOf(document, selected, 0);
      editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + selected.length));
      const answer = await vscode.commands.executeCommand<{ series?: string[]; error?: string }>(PLOT_SELECTION);
      assert.ok(answer && !answer.error && answer.series, `Plot Selection of ${selected}: ${JSON.stringify(answer)}`);
      const formula = answer.series[answer.series.length - 1];
      const parsed = parseFormula(formula);
      assert.ok(parsed, `Plot Selection of ${selected} plotted ${formula}`);
      assert.equal(parsed.id, hovered.arg.id, `${selected}: Plot Selection ${formula}, hover ${hovered.arg.id}`);
      const entry = catalogue.get(parsed.id);
      assert.ok(entry, parsed.id);
      const expected = entry.params.map((p) => hovered.arg.params[p.name] ?? p.default);
      assert.deepEqual(parsed.args, expected.slice(0, parsed.args.length), `${selected}: Plot Selection ${formula}, hover ${JSON.stringify(hovered.arg.params)}`);
      for (let i = parsed.args.length; i < expected.length; i++) assert.equal(expected[i], entry.params[i].default, `${selected}: ${entry.params[i].name}`);
    }
  });
});
