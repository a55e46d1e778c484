/**
 * Formula Playground: Open Playground (optionally with `{ id?, params?, formula? }`, as the hover's
 * "Open in Playground" link passes it) and Plot Selection (the selected expression, translated from
 * the editor's language into a formula). Both return something a test can check: `{ series }` with the
 * catalogue ids and formulas shown, or `{ error }` naming what was wrong.
 */
import * as vscode from 'vscode';
import { resolveParams } from '../../core/api';
import { entryFor } from '../../core/catalogue';
import { messageOf } from '../../host/errorMessage';
import type { AddItem } from './playgroundMessages';
import { checkFormula } from './evaluateSeries';
import { PlaygroundPanel, type PlaygroundResult } from './playgroundPanel';
import { formulaFromSelection } from './selectionFormula';
import { codeContextAt, documentModel } from '../../recognize';
import { CommandId, PLAYGROUND_VIEW_TYPE } from '../commandIds';
import type { LazyFeature } from '../lazyFeature';
import { MAX_DOCUMENT_CHARS } from '../../shared/limits';

export type PlaygroundCommandResult = PlaygroundResult | { readonly error: string };

/** Open Playground, Plot Selection and the playground panel's revival (registered by src/host/lazyFeatures.ts). */
export function playgroundFeature(context: vscode.ExtensionContext): LazyFeature {
  return {
    commands: {
      [CommandId.openPlayground]: (arg?: unknown) => openPlayground(context, arg),
      [CommandId.plotSelection]: () => plotSelection(context),
    },
    panels: { [PLAYGROUND_VIEW_TYPE]: (panel, state) => PlaygroundPanel.revive(panel, context, state) },
  };
}

async function openPlayground(context: vscode.ExtensionContext, arg: unknown): Promise<PlaygroundCommandResult> {
  let item: AddItem | undefined;
  try {
    item = addItemFrom(Array.isArray(arg) ? arg[0] : arg);
  } catch (error) {
    return fail(`Open Playground: ${messageOf(error)}`);
  }
  return PlaygroundPanel.createOrShow(context, item);
}

/** Checks the command's argument against the catalogue (or the formula language) before opening. */
function addItemFrom(arg: unknown): AddItem | undefined {
  if (arg === undefined || arg === null) return undefined;
  if (typeof arg !== 'object') throw new Error(`expected { id?, params?, formula? }, got ${typeof arg}`);
  const { id, params, formula } = arg as { id?: unknown; params?: unknown; formula?: unknown };
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
    throw new Error(`params must be an object like { alpha: 0.2 }, got ${JSON.stringify(params)}`);
  }
  const given = (params ?? {}) as Record<string, unknown>;
  if (typeof id === 'string') {
    const entry = entryFor(id);
    resolveParams(entry, given);
    return { source: { type: 'catalogue', id: entry.id }, params: given as Record<string, number> };
  }
  if (typeof formula === 'string') {
    const names = checkFormula(formula).params;
    const values: Record<string, number> = {};
    for (const name of names) if (typeof given[name] === 'number' && Number.isFinite(given[name])) values[name] = given[name] as number;
    return { source: { type: 'formula', formula }, params: values };
  }
  if (id !== undefined) throw new Error(`id must be a catalogue id like "sigmoid", got ${JSON.stringify(id)}`);
  if (formula !== undefined) throw new Error(`formula must be a string, got ${JSON.stringify(formula)}`);
  return undefined;
}

async function plotSelection(context: vscode.ExtensionContext): Promise<PlaygroundCommandResult> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return fail('Plot Selection: open a file and select an expression first.');
  const text = editor.document.getText(editor.selection).trim();
  if (!text) return fail('Plot Selection: select an expression first, e.g. `x * torch.sigmoid(x)`.');
  // The same document model as the hover: the file's imports and the constants in scope at the selection.
  const document = editor.document;
  const source = document.getText();
  const model = source.length <= MAX_DOCUMENT_CHARS ? documentModel(source, document.languageId, document.version, document.uri.toString()) : undefined;
  const codeContext = model ? codeContextAt(model, document.offsetAt(editor.selection.start), text) : undefined;
  const translated = formulaFromSelection(text, document.languageId, codeContext);
  if ('error' in translated) return fail(translated.error);
  const { formula } = translated;
  return PlaygroundPanel.createOrShow(context, { source: { type: 'formula', formula } });
}

function fail(message: string): { error: string } {
  void vscode.window.showErrorMessage(message);
  return { error: message };
}
