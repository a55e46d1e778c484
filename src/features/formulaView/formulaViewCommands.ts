/**
 * The Formula view's registration and its three commands (for people, automation and tests):
 * - formulaPlayground.showFormulaView: reveal the view;
 * - formulaPlayground.formulaViewState: `{ id, params, uri, line, dimmed } | undefined`, what the view shows
 *   (`line` 0-based, `dimmed` true when the cursor has left the call);
 * - formulaPlayground.formulaViewSetParameter `{ name, value, apply? }`: what a slider does; with `apply`
 *   the value is written into the code. Returns `{ state, applied? }` or `{ error }`.
 * Command arguments are checked with the one validator kit; a bad one is answered with `{ error }` naming it.
 */
import * as vscode from 'vscode';
import { bool, checked, finite, isInvalid, matching, record } from '../../shared/validate';
import { FORMULA_VIEW_ID, FormulaViewProvider } from './formulaViewProvider';

const FormulaViewCommand = {
  show: 'formulaPlayground.showFormulaView',
  state: 'formulaPlayground.formulaViewState',
  setParameter: 'formulaPlayground.formulaViewSetParameter',
  /** Test-only (registered outside production mode, not contributed): what the view computed and posted. */
  probe: 'formulaPlayground.formulaViewProbe',
} as const;

export function registerFormulaView(context: vscode.ExtensionContext): FormulaViewProvider {
  const provider = new FormulaViewProvider(context);
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(FORMULA_VIEW_ID, provider),
    vscode.commands.registerCommand(FormulaViewCommand.show, () => vscode.commands.executeCommand(`${FORMULA_VIEW_ID}.focus`)),
    vscode.commands.registerCommand(FormulaViewCommand.state, () => provider.state()),
    vscode.commands.registerCommand(FormulaViewCommand.setParameter, (arg?: unknown) => {
      const parsed = checked(() => {
        const o = record(Array.isArray(arg) ? arg[0] : arg, 'argument');
        return {
          name: matching(o.name, 'argument.name', /^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a parameter name like "alpha"'),
          value: finite(o.value, 'argument.value'),
          apply: o.apply === undefined ? false : bool(o.apply, 'argument.apply'),
        };
      });
      if (isInvalid(parsed)) return fail(`Formula view: ${parsed.error} (expected { name, value, apply? })`);
      return provider.setParameter(parsed.name, parsed.value, parsed.apply).then((result) => ('error' in result ? fail(`Formula view: ${result.error}`) : result));
    }),
  );
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      vscode.commands.registerCommand(FormulaViewCommand.probe, () => ({ ...provider.counters, visible: provider.visible })),
    );
  }
  return provider;
}

function fail(message: string): { error: string } {
  void vscode.window.showErrorMessage(message);
  return { error: message };
}
