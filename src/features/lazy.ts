/**
 * The entry of the second host bundle, dist/web/features.mjs: the features no hover and no lint needs — the
 * playground (Open Playground, Plot Selection), the gradient checks and their results view, Signal
 * Propagation — and the formula compiler they share with the hover's check of the user's own `def sigmoid(x)`,
 * which this bundle plugs in (src/recognize/implementationCheck.ts). src/host/lazyFeatures.ts registers their commands and panel serializers at activation and
 * loads this bundle in the background right after; a command or a restored panel that comes first waits
 * for it. Modules the main bundle already has (the core, the recognizer, src/host) are not copied: the build
 * (scripts/build-web.mjs) points this bundle's imports of them at the main bundle's own instances.
 */
import type * as vscode from 'vscode';
import { gradcheckFeature } from './gradcheck/gradcheckCommands';
import type { LazyFeature } from './lazyFeature';
import { playgroundFeature } from './playground/playgroundCommands';
import { signalFeature } from './playground/signalCommands';
import { plugImplementationChecker } from '../recognize/implementationCheck';
import { checkImplementation } from '../recognize/ownImplementation';

export function lazyFeatures(context: vscode.ExtensionContext): LazyFeature {
  // The hover's comparison of the user's own `def sigmoid(x)` with the catalogue needs the formula compiler, which is here.
  plugImplementationChecker(checkImplementation);
  const features = [playgroundFeature(context), gradcheckFeature(context), signalFeature(context)];
  return {
    commands: Object.assign({}, ...features.map((f) => f.commands)),
    panels: Object.assign({}, ...features.map((f) => f.panels)),
  };
}
