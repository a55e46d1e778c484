/**
 * The VS Code side of "Keras 2 or Keras 3?": the setting `formulaPlayground.keras.version`, and the workspace's
 * dependency pins read through vscode.workspace.fs (requirements*.txt, pyproject.toml, environment.yml, setup.cfg
 * in the document's folder and its parents up to the workspace folder). The decision itself is the pure
 * src/frameworks/generations.ts; this file only finds and reads the files, and caches what they say per folder
 * until one of them changes.
 */
import * as vscode from 'vscode';
import { textFromBytes } from '../../host/assets';
import {
  decideKerasGeneration,
  kerasGenerationFromCode,
  kerasGenerationFromPins,
  kerasVersionSetting,
  PIN_FILE_GLOBS,
  type GenerationEvidence,
  type KerasDecision,
  type PinFile,
} from '../../frameworks/generations';

export const KERAS_SECTION = 'formulaPlayground.keras';
/** A pin file larger than this is not a dependency list anyone wrote by hand: skipped. */
const MAX_PIN_FILE_BYTES = 512 * 1024;
/** Folders above the document searched for pins (monorepos keep them beside each project). */
const MAX_LEVELS = 6;

const PIN_NAME = new RegExp(`^(?:${PIN_FILE_GLOBS.map((g) => g.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')).join('|')})$`);

/** Whether a file name is one that can pin TensorFlow / Keras. */
function isPinFileName(name: string): boolean {
  return PIN_NAME.test(name);
}

export class KerasGenerationSource implements vscode.Disposable {
  /** Directory URI → what its pin files say (a promise while reading, then the settled value). */
  private readonly pinsByDir = new Map<string, Promise<GenerationEvidence | undefined>>();
  private readonly settled = new Map<string, GenerationEvidence | undefined>();
  private readonly watcher: vscode.FileSystemWatcher;

  constructor() {
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/{${PIN_FILE_GLOBS.join(',')}}`);
    const forget = () => this.forget();
    this.watcher.onDidChange(forget);
    this.watcher.onDidCreate(forget);
    this.watcher.onDidDelete(forget);
  }

  dispose(): void {
    this.watcher.dispose();
  }

  /** Drop every cached reading (a pin file changed). */
  forget(): void {
    this.pinsByDir.clear();
    this.settled.clear();
  }

  /**
   * The decision for a document: synchronously when the setting, the document's text or already-read pins
   * settle it, else a promise that reads the pins first.
   */
  decide(document: vscode.TextDocument, text: string): KerasDecision | Promise<KerasDecision> {
    const setting = kerasVersionSetting(vscode.workspace.getConfiguration(KERAS_SECTION).get<unknown>('version'));
    const fromCode = document.languageId === 'python' ? kerasGenerationFromCode(text) : undefined;
    if (setting !== 'auto' || fromCode) return decideKerasGeneration(setting, fromCode, undefined);
    const dirs = pinDirectories(document.uri);
    const known = dirs.map((d) => d.toString());
    if (known.every((k) => this.settled.has(k))) {
      return decideKerasGeneration(setting, undefined, known.map((k) => this.settled.get(k)).find((e) => e !== undefined));
    }
    return Promise.all(dirs.map((d) => this.pinsOf(d))).then((evidence) =>
      decideKerasGeneration(setting, undefined, evidence.find((e) => e !== undefined)),
    );
  }

  private pinsOf(dir: vscode.Uri): Promise<GenerationEvidence | undefined> {
    const key = dir.toString();
    let pending = this.pinsByDir.get(key);
    if (!pending) {
      pending = readPinFiles(dir).then(
        (files) => kerasGenerationFromPins(files),
        () => undefined,
      );
      pending.then((e) => this.pinsByDir.get(key) === pending && this.settled.set(key, e));
      this.pinsByDir.set(key, pending);
    }
    return pending;
  }
}

/** The document's directory and its parents up to (and including) its workspace folder, nearest first. */
function pinDirectories(uri: vscode.Uri): vscode.Uri[] {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || uri.scheme !== folder.uri.scheme) return [];
  const root = folder.uri.path.replace(/\/+$/, '');
  const dirs: vscode.Uri[] = [];
  let path = uri.path.slice(0, uri.path.lastIndexOf('/'));
  for (let level = 0; level < MAX_LEVELS && path.length >= root.length && path.startsWith(root); level++) {
    dirs.push(folder.uri.with({ path }));
    if (path === root) break;
    path = path.slice(0, path.lastIndexOf('/'));
  }
  return dirs;
}

/** The pin files directly in `dir`, with their paths relative to it. Unreadable files are skipped. */
async function readPinFiles(dir: vscode.Uri): Promise<PinFile[]> {
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const files: PinFile[] = [];
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || !isPinFileName(name)) continue;
    const uri = vscode.Uri.joinPath(dir, name);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_PIN_FILE_BYTES) continue;
      const bytes = await vscode.workspace.fs.readFile(uri);
      files.push({ path: vscode.workspace.asRelativePath(uri, false), text: textFromBytes(bytes) });
    } catch {
      // A file deleted or unreadable between listing and reading says nothing about the pins.
    }
  }
  return files;
}
