/**
 * The extension's own files and bytes, the same way in both extension hosts: the desktop (Node) host and
 * the web worker host of vscode.dev / github.dev / Codespaces in a browser, which has no `fs`, no `Buffer`
 * and no Node `crypto`. Files are read with `vscode.workspace.fs` from the extension's `extensionUri`
 * (a `file:` URI on the desktop, an `https:`/`vscode-remote:` one in the browser); bytes and text convert
 * with TextEncoder/TextDecoder and btoa/atob, which both hosts have.
 */
import * as vscode from 'vscode';

/** The bytes of a file shipped with the extension, e.g. `readAsset(uri, 'dist', 'formulaSvgs', 'gelu.json')`. */
async function readAsset(extensionUri: vscode.Uri, ...segments: string[]): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...segments));
}

const texts = new Map<string, Promise<string>>();

/**
 * A text file shipped with the extension (e.g. a webview bundle inlined into its page), read once per
 * extension host and kept; a failed read is forgotten so the next call tries again.
 */
export function readTextAsset(extensionUri: vscode.Uri, ...segments: string[]): Promise<string> {
  const key = vscode.Uri.joinPath(extensionUri, ...segments).toString();
  let text = texts.get(key);
  if (!text) {
    text = readAsset(extensionUri, ...segments).then(textFromBytes);
    texts.set(key, text);
    text.catch(() => texts.delete(key));
  }
  return text;
}

/** A JSON file shipped with the extension, parsed; a missing or malformed file rejects naming the file. */
export async function readJsonAsset<T>(extensionUri: vscode.Uri, ...segments: string[]): Promise<T> {
  const bytes = await readAsset(extensionUri, ...segments);
  try {
    return JSON.parse(textFromBytes(bytes)) as T;
  } catch (error) {
    throw new Error(`${segments.join('/')} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A string as UTF-8 bytes (what `Buffer.from(text, 'utf8')` was). */
export function bytesFromText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** UTF-8 bytes as a string. */
export function textFromBytes(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Base64 (standard alphabet, padded) to bytes; anything else is refused with an error naming the problem
 * (callers validate first; this is the last guard).
 */
export function bytesFromBase64(base64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) throw new Error('not a base64 string');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A fresh nonce for a webview page's Content-Security-Policy: 16 random bytes (Web Crypto), base64. */
export function cspNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
