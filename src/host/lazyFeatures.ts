/**
 * The features activation does not wait for — the playground, the gradient checks and their results view,
 * Signal Propagation — live in a second host bundle, dist/web/features.mjs (src/features/lazy.ts), so the
 * main bundle holds only what the hover, the lints and the Formula view need. Their commands and panel
 * serializers are registered here at activation (VS Code must know them at once); the bundle is loaded in
 * the background right after activation, and a command or a restored panel that comes before it waits.
 *
 * Loading runs no eval and no `new Function`, and the same file serves both hosts: the bundle is an ES
 * module whose default export takes a `require`. The Node host imports it by its file URL; the web worker
 * host (whose `require` knows only `vscode`, and which cannot import the extension's `vscode-remote:` or
 * CDN URI directly) reads its bytes with vscode.workspace.fs and imports them as a `blob:` module, which the
 * worker's CSP allows as a script source. Its `require` is answered from the main bundle's own modules
 * (`dlfp:shared-modules`, written by the build), so the two bundles share one instance of each.
 */
import * as vscode from 'vscode';
import { sharedModules } from 'dlfp:shared-modules';
import { CommandId, GRADCHECK_VIEW_TYPE, PLAYGROUND_VIEW_TYPE, SIGNAL_VIEW_TYPE } from '../features/commandIds';
import type { LazyFeature } from '../features/lazyFeature';
import { messageOf } from './errorMessage';
import { outputChannel } from './outputChannel';
import { webviewOptions } from './webviewPanel';

/** The commands and view types src/features/lazy.ts answers (a command it lacks fails when run, naming it). */
const LAZY_COMMANDS = [CommandId.openPlayground, CommandId.plotSelection, CommandId.gradientCheck, CommandId.gradientCheckAll, CommandId.signalPropagation];
const LAZY_VIEWS = [PLAYGROUND_VIEW_TYPE, GRADCHECK_VIEW_TYPE, SIGNAL_VIEW_TYPE];
const BUNDLE = ['dist', 'web', 'features.mjs'] as const;

/** Registers the lazily loaded features' commands and serializers, and starts loading them after activation. */
export function registerLazyFeatures(context: vscode.ExtensionContext): void {
  let loading: Promise<LazyFeature> | undefined;
  const load = (): Promise<LazyFeature> => {
    if (!loading) {
      loading = loadFeatures(context);
      // A failed load is logged and forgotten, so the next command tries again.
      loading.catch((error: unknown) => {
        loading = undefined;
        outputChannel(context).appendLine(`could not load ${BUNDLE.join('/')}: ${messageOf(error)}`);
      });
    }
    return loading;
  };
  for (const id of LAZY_COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => handler((await load()).commands, id)(...args)));
  }
  for (const viewType of LAZY_VIEWS) {
    context.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(viewType, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
          panel.webview.options = webviewOptions(context);
          handler((await load()).panels, viewType)(panel, state);
        },
      }),
    );
  }
  // After activate() has returned: the bundle is read and evaluated while the user is still looking around.
  setTimeout(() => void load().catch(() => undefined), 0);
}

function handler<F>(table: Readonly<Record<string, F>>, key: string): F {
  const found = table[key];
  if (!found) throw new Error(`${BUNDLE.join('/')} has nothing for '${key}' (rebuild it: npm run build)`);
  return found;
}

interface FeaturesBundle {
  readonly lazyFeatures: (context: vscode.ExtensionContext) => LazyFeature;
}

async function loadFeatures(context: vscode.ExtensionContext): Promise<LazyFeature> {
  const module = (await importBundle(vscode.Uri.joinPath(context.extensionUri, ...BUNDLE))) as { default?: unknown };
  if (typeof module.default !== 'function') throw new Error(`${BUNDLE.join('/')} is not the features bundle (no default export)`);
  const bundle = (module.default as (require: (name: string) => unknown) => Partial<FeaturesBundle>)(requireForBundle);
  if (typeof bundle.lazyFeatures !== 'function') throw new Error(`${BUNDLE.join('/')} exports no lazyFeatures`);
  return bundle.lazyFeatures(context);
}

/** What the features bundle's `require` returns: `vscode`, or a module of the main bundle. */
function requireForBundle(name: string): unknown {
  if (name === 'vscode') return vscode;
  if (!Object.prototype.hasOwnProperty.call(sharedModules, name)) {
    throw new Error(`${BUNDLE.join('/')} asks for '${name}', which the main bundle does not share (rebuild both: npm run build)`);
  }
  return sharedModules[name];
}

/** The ES module at `uri`: by its file URL in the Node host, as a blob: module from its bytes in a web worker. */
async function importBundle(uri: vscode.Uri): Promise<unknown> {
  if (uri.scheme === 'file') return import(uri.toString(true));
  // A copy of the bytes: Blob takes a view of an ArrayBuffer, and readFile's may be a SharedArrayBuffer's.
  const bytes = new Uint8Array(await vscode.workspace.fs.readFile(uri));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  try {
    return await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}
