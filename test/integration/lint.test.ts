/**
 * The pairing lints in the real VS Code: diagnostics appear on open, a quick fix applies and the diagnostic
 * goes away, "Show why in the playground" opens the playground with both ways plotted.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
const SOURCE = 'DL Formula Playground';

const TRAINING_SCRIPT = [
  'import torch',
  'import torch.nn as nn',
  '',
  'criterion = nn.BCELoss(reduction="mean")',
  '',
  '',
  'def train_step(model, optimizer, x, y):',
  '    logits = model(x).squeeze(-1)',
  '    loss = criterion(torch.sigmoid(logits), y)',
  '    optimizer.zero_grad()',
  '    loss.backward()',
  '    optimizer.step()',
  '    return loss.item()',
  '',
].join('\n');

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Polls until `check` holds or `ms` pass; returns the elapsed time, or throws with `what`. */
async function waitFor(check: () => boolean, ms: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`${what} (waited ${ms} ms)`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

suite('Pairing lints', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    // The first lint of a session also loads the catalogue and the framework table: done once here, so the
    // timing below is what a user sees on every later file.
    const warm = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch\nx = torch.log(torch.sigmoid(z))\n' });
    await waitFor(() => ours(warm.uri).length > 0, 10_000, 'no lint diagnostic on the warm-up file');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a sigmoid fed to nn.BCELoss is flagged within 1 s of opening the file, with the loss as related information', async () => {
    const opened = Date.now();
    document = await vscode.workspace.openTextDocument({ language: 'python', content: TRAINING_SCRIPT });
    await waitFor(() => ours(document.uri).length > 0, 1000, 'no lint diagnostic within 1 s of opening');
    const elapsed = Date.now() - opened;
    await vscode.window.showTextDocument(document);
    const [d] = ours(document.uri);
    assert.equal(d.code, 'sigmoid-into-bce');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(d.range), 'torch.sigmoid(logits)');
    assert.match(d.message, /BCEWithLogitsLoss/);
    assert.equal(d.relatedInformation?.length, 1);
    assert.equal(document.getText(d.relatedInformation[0].location.range), 'nn.BCELoss(reduction="mean")');
    assert.ok(elapsed < 1000, `diagnostic after ${elapsed} ms`);
  });

  test('the preferred quick fix switches to BCEWithLogitsLoss on the logits, and the diagnostic goes away', async () => {
    const [d] = ours(document.uri);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, d.range)) ?? [];
    // Only this extension provides code actions in the test VS Code (no Python extension is installed).
    const mine = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(
      mine.map((a) => [a.title, a.isPreferred === true]),
      [
        ['Compute the loss on the logits (BCEWithLogitsLoss)', true],
        ['Show why in the playground', false],
      ],
    );
    const preferred = mine.find((a) => a.isPreferred);
    assert.ok(preferred?.edit);
    assert.equal(await vscode.workspace.applyEdit(preferred.edit), true);
    assert.ok(document.getText().includes('criterion = nn.BCEWithLogitsLoss(reduction="mean")'), document.getText());
    assert.ok(document.getText().includes('loss = criterion(logits, y)'), document.getText());
    await waitFor(() => ours(document.uri).length === 0, 2000, 'the diagnostic is still there after the fix');
  });

  test('"Show why in the playground" opens the playground with BCE∘σ and its logits form plotted side by side', async () => {
    const text = 'import torch\nimport torch.nn.functional as F\n\ndef f(z, y):\n    return F.binary_cross_entropy(torch.sigmoid(z), y)\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: text });
    await vscode.window.showTextDocument(doc);
    await waitFor(() => ours(doc.uri).length > 0, 1000, 'no lint diagnostic');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, ours(doc.uri)[0].range)) ?? [];
    const why = actions.find((a) => a.title === 'Show why in the playground');
    assert.ok(why?.command, 'no Show why action');
    const result = (await vscode.commands.executeCommand(why.command.command, ...(why.command.arguments ?? []))) as { series?: string[]; sentence?: string; error?: string };
    assert.equal(result.error, undefined);
    assert.ok((result.series ?? []).length >= 2, `series shown: ${JSON.stringify(result.series)}`);
    assert.ok(result.series?.some((s) => /softplus/i.test(s)), `series shown: ${JSON.stringify(result.series)}`);
    assert.match(result.sentence ?? '', /float32/);
  });

  test('turning the rule off in formulaPlayground.lint.rules removes its diagnostics; turning it on brings them back', async () => {
    const text = 'import torch\n\ndef f(x):\n    return torch.log(torch.sigmoid(x))\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: text });
    await vscode.window.showTextDocument(doc);
    await waitFor(() => ours(doc.uri).some((d) => d.code === 'log-of-sigmoid'), 1000, 'no log-of-sigmoid diagnostic');
    const config = vscode.workspace.getConfiguration('formulaPlayground.lint');
    try {
      await config.update('rules', { 'log-of-sigmoid': false }, vscode.ConfigurationTarget.Global);
      await waitFor(() => ours(doc.uri).length === 0, 2000, 'the rule is off but its diagnostic stays');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => ours(doc.uri).some((d) => d.code === 'log-of-sigmoid'), 2000, 'the rule is back on but no diagnostic');
  });

  test('notebook cells are linted as one program: a loss made in one cell and fed a sigmoid in the next', async () => {
    const cells = [
      new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'import torch\nimport torch.nn as nn\ncriterion = nn.BCELoss()', 'python'),
      new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, 'Now the training step.', 'markdown'),
      new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'loss = criterion(torch.sigmoid(logits), labels)', 'python'),
    ];
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', new vscode.NotebookData(cells));
    await vscode.window.showNotebookDocument(notebook);
    const [first, , third] = notebook.getCells();
    await waitFor(() => ours(third.document.uri).length > 0, 2000, 'no lint diagnostic in the notebook cell');
    const [d] = ours(third.document.uri);
    assert.equal(d.code, 'sigmoid-into-bce');
    assert.equal(third.document.getText(d.range), 'torch.sigmoid(logits)');
    assert.equal(d.relatedInformation?.[0].location.uri.toString(), first.document.uri.toString());
    assert.equal(first.document.getText(d.relatedInformation?.[0].location.range), 'nn.BCELoss()');
    assert.deepEqual(ours(first.document.uri), []);
  });

  test('a large document (read in windows) is linted where the editor shows it: scrolled to its end, the pair there is flagged', async () => {
    // 300 KB: over LARGE_DOCUMENT (src/recognize/model.ts), so the lints read the windows the editor shows.
    const filler: string[] = [];
    for (let i = 0; filler.join('\n').length < 300_000; i++) filler.push(`def helper_${i}(x):\n    return x * ${i}\n\n`);
    const content = `${TRAINING_SCRIPT}\n${filler.join('\n')}\n\ndef late_step(model, x, y):\n    return criterion(torch.sigmoid(model(x)), y)\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    const editor = await vscode.window.showTextDocument(doc);
    // The start is shown: the first pair is flagged, the last one (300 KB below) not yet.
    await waitFor(() => ours(doc.uri).length > 0, 3000, 'no lint diagnostic at the start of the large document');
    const late = doc.positionAt(content.lastIndexOf('torch.sigmoid(model(x))'));
    assert.ok(ours(doc.uri).every((d) => d.range.start.line < late.line), 'the end is linted before it is shown');
    editor.revealRange(new vscode.Range(late, late), vscode.TextEditorRevealType.InCenter);
    await waitFor(() => ours(doc.uri).some((d) => d.range.start.line === late.line), 3000, 'no lint diagnostic at the end after scrolling there');
    const d = ours(doc.uri).find((x) => x.range.start.line === late.line);
    assert.equal(d?.code, 'sigmoid-into-bce');
    assert.equal(doc.getText(d?.range), 'torch.sigmoid(model(x))');
    // The pair at the start stays published.
    assert.ok(ours(doc.uri).some((x) => x.range.start.line < 20));
  });

  test('correct code gets no diagnostic', async () => {
    const text = 'import torch.nn as nn\nimport torch.nn.functional as F\n\nce = nn.CrossEntropyLoss()\n\ndef f(logits, y):\n    return ce(logits, y) + F.nll_loss(F.log_softmax(logits, dim=-1), y)\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: text });
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 600));
    assert.deepEqual(ours(doc.uri), []);
  });
});
