/**
 * Fetches KaTeX (script and stylesheet, a third of a page's bytes; see katexGlobal.ts) once, after the
 * page's first chart is on screen, so it does not compete with main.js and main.css for the webview's
 * resource loading. The URLs and the CSP nonce come from the page's boot script (its data- attributes).
 */
import { appendScript } from './dom';

let requested = false;

export function loadKatex(bootScript: HTMLScriptElement | null): void {
  const src = bootScript?.dataset.katexScript;
  const href = bootScript?.dataset.katexStyle;
  if (requested || !src || !href) return;
  requested = true;
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = href;
  document.head.append(style);
  appendScript(src, bootScript);
}
