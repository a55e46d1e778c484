/**
 * The VS Code side of the hover: which documents get it, reading the settings, guarding against huge or
 * binary text, caching, and turning hoverContent's Markdown into a vscode.Hover. Everything it shows is
 * built by the pure hoverContent.ts; activation only registers the provider.
 */
import * as vscode from 'vscode';
import { HOVER_COMMANDS, hoverMarkdown, type FormulaSvgTable } from './hoverMarkdown';
import { createRecognizer } from '../../recognize';
import { isKerasName, kerasCatalogueId, type KerasDecision } from '../../frameworks/generations';
import { catalogue } from '../../core/catalogue';
import type { FunctionRef } from '../../recognize/site';
import { KERAS_SECTION, KerasGenerationSource } from './kerasGeneration';
import { readJsonAsset } from '../../host/assets';

const SECTION = 'formulaPlayground.hover';
const DEFAULT_LANGUAGES = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact'];
/** Documents larger than this get no hover: reading them costs more than a hover may take. */
export const MAX_DOCUMENT_CHARS = 5_000_000;
/** Characters either side of the cursor checked for NUL, the mark of a binary file opened as text. */
const NUL_WINDOW = 4_096;
/**
 * Lines longer than this (minified bundles) get no hover: nobody reads a formula there, and the
 * recognizer's look-behind for an enclosing block comment is linear in the line's length.
 */
export const MAX_LINE_CHARS = 20_000;

/** Which documents the provider is registered for: each language, plus Python cells of Jupyter notebooks. */
function hoverSelector(languages: readonly string[]): vscode.DocumentFilter[] {
  const filters: vscode.DocumentFilter[] = languages.map((language) => ({ language }));
  if (languages.includes('python')) {
    filters.push({ language: 'python', notebookType: 'jupyter-notebook' });
    filters.push({ scheme: 'vscode-notebook-cell', language: 'python' });
  }
  return filters;
}

interface HoverSettings {
  readonly enabled: boolean;
  readonly showPlot: boolean;
  readonly languages: readonly string[];
}

function readSettings(): HoverSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const languages = config.get<unknown>('languages');
  return {
    enabled: config.get<boolean>('enabled', true) !== false,
    showPlot: config.get<boolean>('showPlot', true) !== false,
    languages: Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string') : DEFAULT_LANGUAGES,
  };
}

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
/**
 * The prerendered formula SVGs read so far, by catalogue id. Each function's pair is an asset,
 * dist/formulaSvgs/<id>.json (not part of the host bundle), read through vscode.workspace.fs on the first
 * hover over that function — the same code in the desktop and the web worker extension hosts, where the
 * extension's files come over the network. The table is replaced, not mutated, when a pair arrives, so
 * hoverMarkdown's cache (keyed by the table) starts over. A function without a file shows its LaTeX.
 */
let svgTable: FormulaSvgTable = {};
const svgLoads = new Map<string, Promise<void>>();
const svgSettled = new Set<string>();

/** Starts reading the SVGs of `ids` not read yet; resolves when all have arrived (or failed); undefined when none is pending. */
function pendingFormulaSvgs(extensionUri: vscode.Uri | undefined, ids: readonly string[]): Promise<unknown> | undefined {
  const waits: Promise<void>[] = [];
  for (const id of ids) {
    if (svgSettled.has(id)) continue;
    let load = svgLoads.get(id);
    if (!load) {
      load = (async () => {
        try {
          const uri = extensionUri ?? vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
          // Catalogue ids only (never document text) name a file.
          if (uri && /^[a-z0-9_]+$/.test(id)) {
            const svgs = await readJsonAsset<FormulaSvgTable[string]>(uri, 'dist', 'formulaSvgs', `${id}.json`);
            svgTable = { ...svgTable, [id]: svgs };
          }
        } catch (error) {
          console.error(`formulaPlayground: no formula images for ${id} (dist/formulaSvgs/${id}.json):`, error);
        } finally {
          svgSettled.add(id);
        }
      })();
      svgLoads.set(id, load);
    }
    waits.push(load);
  }
  return waits.length > 0 ? Promise.all(waits) : undefined;
}

/** Recognises the function under the cursor and shows its formula, parameters and plot. */
export class FormulaHoverProvider implements vscode.HoverProvider {
  private settings: HoverSettings | undefined;
  private readonly texts = new WeakMap<vscode.TextDocument, { version: number; text: string | undefined }>();
  private readonly hovers = new Map<string, vscode.Hover>();
  /** Lexes and reads the imports of each document version once; queries then cost microseconds. */
  private readonly recognizer = createRecognizer(8);
  /** Keras 2 or 3 per document: the setting, the document, the workspace's pins (read once per folder). */
  readonly kerasSource = new KerasGenerationSource();

  /** `extensionUri` locates dist/formulaSvgs/ (default: this extension's, looked up by id). */
  constructor(private readonly extensionUri?: vscode.Uri) {}

  /** Forget cached settings and hovers (settings or theme changed). */
  reset(): void {
    this.settings = undefined;
    this.hovers.clear();
  }

  currentSettings(): HoverSettings {
    return (this.settings ??= readSettings());
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined | Promise<vscode.Hover | undefined> {
    try {
      const settings = this.currentSettings();
      if (!settings.enabled || !settings.languages.includes(document.languageId)) return undefined;
      if (document.lineAt(position.line).range.end.character > MAX_LINE_CHARS) return undefined;
      const text = this.textOf(document);
      if (text === undefined) return undefined;
      const offset = document.offsetAt(position);
      const from = Math.max(0, offset - NUL_WINDOW);
      if (text.slice(from, offset + NUL_WINDOW).includes('\0')) return undefined;

      const uri = document.uri.toString();
      const ref = this.recognizer.recognize(text, offset, document.languageId, { key: uri, version: document.version });
      if (!ref) return undefined;
      // Keras rows depend on the document's Keras generation (src/frameworks/generations.ts); reading the
      // workspace's pins may take a moment the first time, so that case answers with a promise.
      if (ref.frameworkName && isKerasName(ref.frameworkName)) {
        const keras = this.kerasSource.decide(document, text);
        if (keras instanceof Promise) {
          return keras
            .then((k) => this.hoverFor(document, ref, settings, k))
            .catch((error: unknown) => {
              console.error('formulaPlayground hover failed:', error);
              return undefined;
            });
        }
        return this.hoverFor(document, ref, settings, keras);
      }
      return this.hoverFor(document, ref, settings, undefined);
    } catch (error) {
      // A hover must never surface an exception to the user; log it for whoever debugs the extension.
      console.error('formulaPlayground hover failed:', error);
      return undefined;
    }
  }

  private hoverFor(
    document: vscode.TextDocument,
    ref: FunctionRef,
    settings: HoverSettings,
    keras: KerasDecision | undefined,
  ): vscode.Hover | undefined | Promise<vscode.Hover | undefined> {
    // The first hover over a function reads its formula images (and those of the function Keras 2 shows instead).
    const kind = catalogue.get(ref.id)?.kind;
    const shownId = kind ? kerasCatalogueId(ref.id, ref.frameworkName, kind, keras?.generation ?? 'unknown', ref.written) : ref.id;
    const pending = pendingFormulaSvgs(this.extensionUri, shownId === ref.id ? [ref.id] : [ref.id, shownId]);
    if (pending) return pending.then(() => this.hoverFor(document, ref, settings, keras));
    const uri = document.uri.toString();
    const themeKind = vscode.window.activeColorTheme.kind;
    const key =
      `${uri}@${document.version}|${ref.range.start}-${ref.range.end}|${ref.id}|` +
      `${JSON.stringify(ref.params)}|${themeKind}|${settings.showPlot}|${keras?.generation}|${keras?.reason}`;
    let hover = this.hovers.get(key);
    if (!hover) {
      const markdown = hoverMarkdown(ref, { themeKind, showPlot: settings.showPlot, svgs: svgTable, keras });
      if (markdown === undefined) return undefined;
      const content = new vscode.MarkdownString(markdown);
      content.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      const range = new vscode.Range(document.positionAt(ref.range.start), document.positionAt(ref.range.end));
      hover = new vscode.Hover(content, range);
      if (this.hovers.size >= 200) this.hovers.clear();
      this.hovers.set(key, hover);
    }
    return hover;
  }

  /** The document's text for its current version, or undefined when it is too large to read. */
  private textOf(document: vscode.TextDocument): string | undefined {
    const cached = this.texts.get(document);
    if (cached && cached.version === document.version) return cached.text;
    const lastLine = document.lineAt(document.lineCount - 1);
    const length = document.offsetAt(lastLine.range.end);
    const text = length > MAX_DOCUMENT_CHARS ? undefined : document.getText();
    this.texts.set(document, { version: document.version, text });
    return text;
  }
}

/** Registers the hover for the configured languages; re-registers when that setting changes. */
export function registerHover(context: vscode.ExtensionContext): void {
  const provider = new FormulaHoverProvider(context.extensionUri);
  let registration = vscode.languages.registerHoverProvider(hoverSelector(provider.currentSettings().languages), provider);
  context.subscriptions.push(
    { dispose: () => registration.dispose() },
    provider.kerasSource,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION) && !event.affectsConfiguration(KERAS_SECTION)) return;
      provider.reset();
      if (event.affectsConfiguration(`${SECTION}.languages`)) {
        registration.dispose();
        registration = vscode.languages.registerHoverProvider(hoverSelector(provider.currentSettings().languages), provider);
      }
    }),
    vscode.window.onDidChangeActiveColorTheme(() => provider.reset()),
  );
}
