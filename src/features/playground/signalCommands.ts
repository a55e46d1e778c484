/**
 * Formula Playground: Signal Propagation — opens the view, optionally with `{ id, params }` (the hover's
 * "Signal propagation" link passes the activation under the cursor and its parameters). Returns `{ items }`
 * (what is shown) or `{ error }` naming what was wrong with the argument.
 */
import * as vscode from 'vscode';
import { resolveParams } from '../../core/api';
import { entryFor } from '../../core/catalogue';
import { shapeOf } from '../../core/signal/shapes';
import { messageOf } from '../../host/errorMessage';
import { CommandId, SIGNAL_VIEW_TYPE } from '../commandIds';
import type { LazyFeature } from '../lazyFeature';
import type { SignalItem } from './signalMessages';
import { SignalPanel, type SignalOpenResult } from './signalPanel';

/** Signal Propagation and its panel's revival (registered by src/host/lazyFeatures.ts). */
export function signalFeature(context: vscode.ExtensionContext): LazyFeature {
  return {
    commands: { [CommandId.signalPropagation]: (arg?: unknown) => openSignal(context, arg) },
    panels: { [SIGNAL_VIEW_TYPE]: (panel, state) => SignalPanel.revive(panel, context, state) },
  };
}

function openSignal(context: vscode.ExtensionContext, arg: unknown): SignalOpenResult | { error: string } {
  let item: SignalItem | undefined;
  try {
    item = signalItemFrom(Array.isArray(arg) ? arg[0] : arg);
  } catch (error) {
    const message = `Signal Propagation: ${messageOf(error)}`;
    void vscode.window.showErrorMessage(message);
    return { error: message };
  }
  return SignalPanel.createOrShow(context, item);
}

/** The command's argument checked against the catalogue: an elementwise activation and its parameters. */
function signalItemFrom(arg: unknown): SignalItem | undefined {
  if (arg === undefined || arg === null) return undefined;
  if (typeof arg !== 'object') throw new Error(`expected { id, params? }, got ${typeof arg}`);
  const { id, params } = arg as { id?: unknown; params?: unknown };
  if (typeof id !== 'string') throw new Error(`id must be an activation id like "relu", got ${JSON.stringify(id)}`);
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
    throw new Error(`params must be an object like { alpha: 0.2 }, got ${JSON.stringify(params)}`);
  }
  const entry = entryFor(id);
  if (entry.kind !== 'activation' || entry.def.shape !== 'elementwise') {
    throw new Error(`'${id}' is not an elementwise activation; signal propagation needs one (softmax couples a whole vector)`);
  }
  const given = (params ?? {}) as Record<string, number>;
  const p = resolveParams(entry, given);
  if (!shapeOf(id, p)) throw new Error(`'${id}' has no kink table for the signal computations yet`);
  return { id, params: given };
}
