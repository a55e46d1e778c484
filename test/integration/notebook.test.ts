/**
 * The hover in Jupyter notebook cells: examples/notebook.ipynb is opened through VS Code's built-in ipynb
 * serializer (the `jupyter-notebook` notebook type ships with VS Code and code-server; the Jupyter
 * extension is not needed to open a notebook, only to run it), and the hover is asked for in a code
 * cell's own TextDocument (scheme vscode-notebook-cell). The recognizer sees that cell's text only: the
 * notebook imports `torch.nn as nn` in another cell, so `nn` is known by its conventional alias.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
const OPEN = 'formulaPlayground.openPlayground';
const CHECK = 'formulaPlayground.gradientCheck';

function notebookUri(): vscode.Uri {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return vscode.Uri.file(join(ext.extensionPath, 'examples', 'notebook.ipynb'));
}

/** The code cell whose text contains `needle`. */
function cellWith(notebook: vscode.NotebookDocument, needle: string): vscode.NotebookCell {
  const cell = notebook.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code && c.document.getText().includes(needle));
  assert.ok(cell, `no code cell of ${notebook.uri.fsPath} contains ${needle}`);
  return cell;
}

/** The position `inset` characters into the first `needle` of the cell (inside the function's name). */
function positionIn(document: vscode.TextDocument, needle: string, inset: number): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `the cell has no ${needle}`);
  return document.positionAt(offset + inset);
}

/** Our hover's Markdown at `position` (the hover linking our commands), or undefined. */
async function ourHoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return hovers
    .map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'))
    .find((md) => md.includes(`command:${OPEN}?`));
}

/** The decoded arguments of the hover's link to `command`. */
function linkArgs(markdown: string, command: string): unknown {
  const match = new RegExp(`\\]\\(command:${command.replace(/\./g, '\\.')}\\?([^)\\s]+)\\)`).exec(markdown);
  assert.ok(match, `the hover has no link to ${command}:\n${markdown.slice(0, 600)}`);
  return JSON.parse(decodeURIComponent(match[1]));
}

suite('Hover in Jupyter notebook cells', () => {
  let notebook: vscode.NotebookDocument;

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    notebook = await vscode.workspace.openNotebookDocument(notebookUri());
  });

  test('examples/notebook.ipynb opens as a jupyter-notebook with Python code cells', () => {
    assert.equal(notebook.notebookType, 'jupyter-notebook');
    assert.deepEqual(
      notebook.getCells().map((c) => c.kind),
      [vscode.NotebookCellKind.Markup, vscode.NotebookCellKind.Code, vscode.NotebookCellKind.Code],
    );
    const code = cellWith(notebook, 'nn.LeakyReLU');
    assert.equal(code.document.languageId, 'python');
    assert.equal(code.document.uri.scheme, 'vscode-notebook-cell');
  });

  test('nn.LeakyReLU(0.2) in a cell links leaky_relu with alpha 0.2, the import being in another cell', async () => {
    const { document } = cellWith(notebook, 'nn.LeakyReLU(0.2)');
    assert.ok(!document.getText().includes('import'), 'the cell under test must not hold the import');
    const md = await ourHoverAt(document, positionIn(document, 'nn.LeakyReLU(0.2)', 5));
    assert.ok(md, 'no formula hover on LeakyReLU in the notebook cell');
    for (const command of [OPEN, CHECK]) {
      assert.deepEqual(linkArgs(md, command), [{ id: 'leaky_relu', params: { alpha: 0.2 } }]);
    }
    assert.match(md, /α = 0\.2/);
  });

  test('nn.BCEWithLogitsLoss() in the same cell links bce_with_logits', async () => {
    const { document } = cellWith(notebook, 'nn.BCEWithLogitsLoss()');
    const md = await ourHoverAt(document, positionIn(document, 'nn.BCEWithLogitsLoss()', 5));
    assert.ok(md, 'no formula hover on BCEWithLogitsLoss in the notebook cell');
    const [arg] = linkArgs(md, CHECK) as { id: string }[];
    assert.equal(arg.id, 'bce_with_logits');
  });

  test('the markdown cell gets no formula hover', async () => {
    const markup = notebook.getCells().find((c) => c.kind === vscode.NotebookCellKind.Markup);
    assert.ok(markup);
    const md = await ourHoverAt(markup.document, positionIn(markup.document, 'LeakyReLU', 3));
    assert.equal(md, undefined);
  });
});
