/**
 * The VS Code side of the hover: which documents get it, reading the settings, guarding against huge or
 * binary text, caching, and turning hoverContent's Markdown into a vscode.Hover. Everything it shows is
 * built by the pure hoverContent.ts; activation only registers the provider.
 */
import * as vscode from 'vscode';
import { HOVER_COMMANDS, hoverMarkdown, type FormulaSvgTable } from './hoverMarkdown';
import { pendingProse, proseTable } from './catalogueProse';
import { documentModel } from '../../recognize';
import { isKerasName, kerasCatalogueId, type KerasDecision } from '../../frameworks/generations';
import { catalogue } from '../../core/catalogue';
import type { FunctionRef, Site } from '../../recognize/site';
import { implementationChecker, whenCheckerPlugged } from '../../recognize/implementationCheck';
import { KERAS_SECTION, KerasGenerationSource } from './kerasGeneration';
import { readJsonAsset, textFromBytes } from '../../host/assets';
import { MAX_DOCUMENT_CHARS, MAX_LINE_CHARS } from '../../shared/limits';
import { paletteFor } from './sparkline';

const SECTION = 'formulaPlayground.hover';
const DEFAULT_LANGUAGES = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact'];
/** Characters either side of the cursor checked for NUL, the mark of a binary file opened as text. */
const NUL_WINDOW = 4_096;

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

/** dist/formulaSvgs/index.json, written by the build (scripts/build-web.mjs): the variants' colours and the ids. */
interface FormulaSvgIndex {
  readonly colors: Readonly<Record<string, string>>;
  readonly ids: readonly string[];
}

/**
 * The prerendered formula images. The build writes each as dist/formulaSvgs/<id>.<f|df>.<variant>.svg in the
 * text colour of the light and the dark theme; the hover's Markdown links to those files by URI (a short
 * string, where a data URI carried ~14 KB across the extension-host boundary on every hover), which VS Code's
 * Markdown renderer loads in every host (file: on the desktop, vscode-remote: in a remote or code-server,
 * https: on vscode.dev). The index is read once through vscode.workspace.fs; high-contrast themes, whose
 * text colours have no file, read the light image of a function on its first hover and embed it recoloured.
 * The table is replaced, not mutated, when something arrives, so hoverMarkdown's cache starts over.
 */
let svgTable: FormulaSvgTable = {};
let svgIndex: Promise<FormulaSvgIndex | undefined> | undefined;
let svgIndexRead: FormulaSvgIndex | undefined;
let svgIndexSettled = false;
const svgLoads = new Map<string, Promise<void>>();
const svgSettled = new Set<string>();
/** A placeholder pair: the function has images, linked by URI (the SVG text itself is not needed). */
const LINKED: FormulaSvgTable[string] = { f: '', df: '' };
/** Whether a hover's Markdown has been computed once (FormulaHoverProvider.warm). */
let warmedMarkdown = false;

function extensionRoot(extensionUri: vscode.Uri | undefined): vscode.Uri | undefined {
  return extensionUri ?? vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
}

function readSvgIndex(extensionUri: vscode.Uri | undefined): Promise<FormulaSvgIndex | undefined> {
  return (svgIndex ??= (async () => {
    const root = extensionRoot(extensionUri);
    try {
      const index = root ? await readJsonAsset<FormulaSvgIndex>(root, 'dist', 'formulaSvgs', 'index.json') : undefined;
      svgIndexRead = index;
      return index;
    } catch (error) {
      console.error('formulaPlayground: no formula images (dist/formulaSvgs/index.json):', error);
      return undefined;
    } finally {
      svgIndexSettled = true;
    }
  })());
}

/** Longest a hover over the user's own definition waits for the check that needs the features bundle. */
const CHECK_WAIT_MS = 3000;
let checkWaitedOut = false;

/**
 * For a site naming the user's own definition, resolves when its comparison with the catalogue can be made:
 * the checker comes with the features bundle, loaded right after activation (src/recognize/implementationCheck.ts).
 */
function pendingImplementationCheck(ref: FunctionRef): Promise<unknown> | undefined {
  if ((ref as Site).definition === undefined || implementationChecker() || checkWaitedOut) return undefined;
  return whenCheckerPlugged(CHECK_WAIT_MS).then((plugged) => {
    // Not loaded in time: this and later hovers go without the comparison rather than wait again.
    if (!plugged) checkWaitedOut = true;
  });
}

/** The variant (light, dark) whose glyph colour is the theme's text colour, if the build wrote one. */
function variantFor(index: FormulaSvgIndex | undefined, themeKind: number): string | undefined {
  const text = paletteFor(themeKind).text;
  return index && Object.keys(index.colors).find((variant) => index.colors[variant] === text);
}

/** Starts reading what the hover needs for `ids` in this theme; resolves when it has arrived (or failed); undefined when nothing is pending. */
function pendingFormulaSvgs(extensionUri: vscode.Uri | undefined, ids: readonly string[], themeKind: number): Promise<unknown> | undefined {
  if (!svgIndexSettled) return readSvgIndex(extensionUri);
  const index = svgIndexRead;
  if (!index) return undefined;
  const linked = variantFor(index, themeKind) !== undefined;
  const waits: Promise<void>[] = [];
  for (const id of ids) {
    // Catalogue ids only (never document text) name a file.
    if (svgSettled.has(id) || !index.ids.includes(id) || !/^[a-z0-9_]+$/.test(id)) continue;
    if (linked) {
      if (!svgTable[id]) svgTable = { ...svgTable, [id]: LINKED };
      continue;
    }
    let load = svgLoads.get(id);
    if (!load) {
      load = (async () => {
        try {
          const root = extensionRoot(extensionUri);
          const light = index.colors.light;
          if (root && light) {
            const read = async (image: string) =>
              textFromBytes(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'dist', 'formulaSvgs', `${id}.${image}.light.svg`))).split(`"${light}"`).join('"currentColor"');
            svgTable = { ...svgTable, [id]: { f: await read('f'), df: await read('df') } };
          }
        } catch (error) {
          console.error(`formulaPlayground: no formula images for ${id} (dist/formulaSvgs/${id}.*.light.svg):`, error);
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
  /** Keras 2 or 3 per document: the setting, the document, the workspace's pins (read once per folder). */
  readonly kerasSource = new KerasGenerationSource();

  /** `extensionUri` locates dist/formulaSvgs/ (default: this extension's, looked up by id). */
  constructor(private readonly extensionUri?: vscode.Uri) {}

  /** The URI of a formula image in the theme's colours, when the build wrote that variant (not for high contrast). */
  private readonly formulaUri = (id: string, image: 'f' | 'df', themeKind: number): string | undefined => {
    const variant = variantFor(svgIndexRead, themeKind);
    const root = extensionRoot(this.extensionUri);
    if (!variant || !root || !svgIndexRead?.ids.includes(id)) return undefined;
    return vscode.Uri.joinPath(root, 'dist', 'formulaSvgs', `${id}.${image}.${variant}.svg`).toString();
  };

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
      // The one model of this document version (src/recognize/documentModel.ts), shared with the lints, the Formula view
      // and Plot Selection: an edit is indexed once. A large document answers from the window around the offset.
      const ref = documentModel(text, document.languageId, document.version, uri)?.siteAt(offset);
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
    const themeKind = vscode.window.activeColorTheme.kind;
    const pending = pendingProse(extensionRoot(this.extensionUri)) ?? pendingFormulaSvgs(this.extensionUri, shownId === ref.id ? [ref.id] : [ref.id, shownId], themeKind) ?? pendingImplementationCheck(ref);
    if (pending) return pending.then(() => this.hoverFor(document, ref, settings, keras));
    const uri = document.uri.toString();
    const key =
      `${uri}@${document.version}|${ref.range.start}-${ref.range.end}|${ref.id}|` +
      `${JSON.stringify(ref.params)}|${themeKind}|${settings.showPlot}|${keras?.generation}|${keras?.reason}|${ref.implementation?.status}`;
    let hover = this.hovers.get(key);
    if (!hover) {
      const markdown = hoverMarkdown(ref, { themeKind, showPlot: settings.showPlot, svgs: svgTable, prose: proseTable(), keras, formulaUri: this.formulaUri });
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

  /**
   * Prepares the first hover over `document` while the user is still reading it: the formula index and the
   * catalogue's prose are read, the document's model is built (the shared cache keeps it per version; for a
   * large document, the window at its start), a Keras file's generation is decided (its pins read: the first
   * hover in a Keras file no longer waits ~0.1 s for them), and one hover's Markdown and plot are computed
   * and thrown away, so their code is compiled. Nothing is shown; errors are ignored.
   */
  warm(document: vscode.TextDocument): void {
    try {
      const settings = this.currentSettings();
      if (!settings.enabled || !settings.languages.includes(document.languageId)) return;
      void readSvgIndex(this.extensionUri);
      void pendingProse(extensionRoot(this.extensionUri));
      const text = this.textOf(document);
      if (text === undefined) return;
      documentModel(text, document.languageId, document.version, document.uri.toString())?.windowAt(0);
      if (document.languageId === 'python' && text.includes('keras')) void Promise.resolve(this.kerasSource.decide(document, text)).catch(() => undefined);
      if (warmedMarkdown) return;
      warmedMarkdown = true;
      const themeKind = vscode.window.activeColorTheme.kind;
      const ref: FunctionRef = { id: 'relu', params: {}, explicit: [], range: { start: 0, end: 0 }, written: 'relu' };
      hoverMarkdown(ref, { themeKind, showPlot: settings.showPlot, svgs: {}, prose: proseTable(), formulaUri: this.formulaUri });
    } catch (error) {
      console.error('formulaPlayground: preparing the hover failed:', error);
    }
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
    // The first hover costs what nothing has computed yet (the document's model, the code's first run, the
    // formula index): do that in the idle moment after a document is shown, not while the user waits.
    vscode.window.onDidChangeActiveTextEditor((editor) => editor && warmSoon(provider, editor.document)),
  );
  const active = vscode.window.activeTextEditor;
  if (active) warmSoon(provider, active.document);
  // The image index and the prose, read right after activation whether or not a file is shown yet: in the
  // web worker host the two reads took ~0.65 s at start-up, and a first hover sooner than that waited for them.
  setTimeout(() => {
    void readSvgIndex(context.extensionUri);
    void pendingProse(context.extensionUri);
  }, 0);
}

function warmSoon(provider: FormulaHoverProvider, document: vscode.TextDocument): void {
  setTimeout(() => provider.warm(document), 0);
}
