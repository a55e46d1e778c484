/**
 * Keras 2 or Keras 3, in a real extension host (issue 12): the hover of Keras 2 code (`import tf_keras`; a
 * requirements.txt pinning tensorflow==2.15, read through vscode.workspace.fs), of Keras 3 code, and of code
 * whose generation is unknown (both shown where they differ); the setting formulaPlayground.keras.version
 * overrides them. The pinned project is written into a scratch folder of the workspace and removed afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
const OPEN = 'formulaPlayground.openPlayground';
const SCRATCH = '.keras-generation-test';

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** Our hover at the first `needle` (inset characters into it), or undefined when there is none. */
async function ourHover(document: vscode.TextDocument, needle: string, inset = 3): Promise<string | undefined> {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `no ${needle} in the document`);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(at + inset))) ?? [];
  return hovers.map(markdownOf).find((md) => md.includes(`command:${OPEN}?`));
}

async function untitledPython(content: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language: 'python', content });
}

suite('Keras 2 or Keras 3 in the hover', () => {
  const folder = () => {
    const f = vscode.workspace.workspaceFolders?.[0];
    assert.ok(f, 'the integration workspace has no folder');
    return f;
  };
  const scratch = () => vscode.Uri.joinPath(folder().uri, SCRATCH);

  suiteSetup(async () => {
    // The hover provider exists once the extension is active; this suite may be the first to run.
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await ext.activate();
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('formulaPlayground.keras').update('version', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('Keras 2 code (import tf_keras as keras): hard_sigmoid is 0.2x + 0.5, with the reason', async () => {
    const doc = await untitledPython('import tf_keras as keras\n\ny = keras.activations.hard_sigmoid(x)\n');
    const md = await ourHover(doc, 'hard_sigmoid(');
    assert.ok(md, 'no hover on keras.activations.hard_sigmoid');
    assert.match(md, /Hard sigmoid \(0\.2x \+ 0\.5/);
    assert.match(md, /\*Keras 2:\* clip\(0\.2x \+ 0\.5, 0, 1\)/);
    assert.match(md, /imports tf\\_keras/);
    assert.match(md, /%22id%22%3A%22hard_sigmoid_linear%22/, 'the command links open the 0.2x + 0.5 function');
    assert.doesNotMatch(md, /Keras 3:/);
  });

  test('Keras 3 code (keras.ops): hard_sigmoid is relu6(x + 3)/6', async () => {
    const doc = await untitledPython('import keras\nfrom keras import ops\n\ny = keras.activations.hard_sigmoid(ops.relu(x))\n');
    const md = await ourHover(doc, 'hard_sigmoid(');
    assert.ok(md);
    assert.match(md, /\*Keras 3:\* relu6\(x \+ 3\)\/6/);
    assert.doesNotMatch(md, /0\.2x \+ 0\.5/);
  });

  test('unknown generation (plain tf.keras, no pins): both, where they differ', async () => {
    const doc = await untitledPython('import tensorflow as tf\n\ny = tf.keras.activations.hard_sigmoid(x)\n');
    const md = await ourHover(doc, 'hard_sigmoid(');
    assert.ok(md);
    assert.match(md, /Keras 3: relu6\(x \+ 3\)\/6\. · Keras 2: clip\(0\.2x \+ 0\.5, 0, 1\)/);
    assert.match(md, /version unknown/);
  });

  test('a requirements.txt pinning tensorflow==2.15 makes tf.keras Keras 2; the setting overrides it', async () => {
    const dir = scratch();
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'requirements.txt'), new TextEncoder().encode('numpy>=1.24\ntensorflow==2.15.1\n'));
    const file = vscode.Uri.joinPath(dir, 'train.py');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('import tensorflow as tf\n\nact = tf.keras.activations.relu6(h)\n'));
    const doc = await vscode.workspace.openTextDocument(file);

    const pinned = await ourHover(doc, 'relu6(');
    assert.ok(pinned, 'no hover on tf.keras.activations.relu6');
    assert.match(pinned, /⚠ \*Keras 2:\* keras\.activations\.relu6 does not exist in Keras 2/);
    assert.match(pinned, /requirements\.txt pins tensorflow==2\.15\.1/);

    await vscode.workspace.getConfiguration('formulaPlayground.keras').update('version', '3', vscode.ConfigurationTarget.Global);
    const forced = await ourHover(doc, 'relu6(');
    assert.ok(forced);
    assert.doesNotMatch(forced, /does not exist in Keras 2/);
    assert.match(forced, /^\*\*ReLU6\*\*/m);
  });
});
