/**
 * Loads the preview bundle (corePreview.ts) once, after the page's first paint; its URL and the CSP nonce
 * come from the page's boot script (data-preview-script, as data-katex-script for KaTeX).
 */
import type { CorePreview } from './corePreview';
import { appendScript } from './dom';

let requested = false;

export function loadCorePreview(bootScript: HTMLScriptElement | null): void {
  const src = bootScript?.dataset.previewScript;
  if (requested || !src) return;
  requested = true;
  appendScript(src, bootScript);
}

/** The preview's functions, once the bundle has loaded (undefined before). */
export function corePreview(): CorePreview | undefined {
  return (window as unknown as { __dlfpCorePreview?: CorePreview }).__dlfpCorePreview;
}
