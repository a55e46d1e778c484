/**
 * Reviving the gradient-check results view in a real extension host, as its serializer does after a window
 * reload: a panel of the view's type is handed to `GradcheckPanel.revive` with the state its webview
 * saved. A valid state brings every row back; a missing or damaged one gives an empty view (with a hint)
 * instead of an exception. The reload itself, as a user makes it, is in test/e2e/gradcheck.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { gradcheck } from '../../src/core/gradcheck';
import { encodeViewState, type ReportRow, VIEW_STATE_VERSION } from '../../src/features/gradcheck/gradcheckMessages';
import { GRADCHECK_VIEW_TYPE, GradcheckPanel } from '../../src/features/gradcheck/gradcheckPanel';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';

function row(id: string): ReportRow {
  return { ...gradcheck({ id }, { points: 50 }), request: { kind: 'catalogue', id, params: {} } };
}

suite('Gradient check view revived after a reload', () => {
  const subscriptions: vscode.Disposable[] = [];
  let context: vscode.ExtensionContext;

  suiteSetup(() => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    // What revive reads of the context: where the webview's files are, and where to register disposables.
    context = { extensionUri: ext.extensionUri, subscriptions } as unknown as vscode.ExtensionContext;
  });

  teardown(() => {
    GradcheckPanel.current?.dispose();
  });

  suiteTeardown(() => {
    while (subscriptions.length) subscriptions.pop()?.dispose();
  });

  function revive(state: unknown): GradcheckPanel {
    const panel = vscode.window.createWebviewPanel(GRADCHECK_VIEW_TYPE, 'Gradient Check', vscode.ViewColumn.Active, {});
    return GradcheckPanel.revive(panel, state, context);
  }

  test('a saved state brings back every row, NaN and ±∞ included', () => {
    const rows = [row('relu'), row('hinge'), { ...row('sigmoid'), maxAbsError: Infinity, maxRelError: NaN }];
    const saved = JSON.parse(JSON.stringify(encodeViewState({ version: VIEW_STATE_VERSION, title: 'Check All', summary: '3/3', rows, selected: 1 })));
    const revived = revive(saved);
    assert.equal(revived.rowCount, 3);
    assert.equal(GradcheckPanel.current, revived);
  });

  test('a missing, foreign or damaged state gives an empty view rather than an error', () => {
    for (const state of [undefined, null, 'results', { version: 99 }, { version: VIEW_STATE_VERSION, title: 't', summary: 's', rows: [{}], selected: 0 }]) {
      const revived = revive(state);
      assert.equal(revived.rowCount, 0, `state ${JSON.stringify(state)}`);
      revived.dispose();
    }
  });
});
