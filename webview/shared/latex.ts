/**
 * LaTeX through KaTeX, CSP-safe: `katex.render` builds DOM nodes and sets their sizes through the CSSOM
 * (`element.style`), which the panel's CSP (style-src without 'unsafe-inline') does not block, unlike the
 * `style="…"` attributes of `renderToString` markup. An element re-renders only when its LaTeX changes.
 * KaTeX arrives as a separate script (katexGlobal.ts); what is asked for before it has loaded is rendered
 * when it does.
 */
import type katexModule from 'katex';

type Katex = typeof katexModule;
const waiting = new Map<HTMLElement, { latex: string; displayMode: boolean }>();

function loadedKatex(): Katex | undefined {
  return (window as unknown as { __katex?: Katex }).__katex;
}

window.addEventListener('katex-ready', () => {
  for (const [element, { latex, displayMode }] of waiting) typeset(element, latex, displayMode);
  waiting.clear();
});

export function renderLatex(element: HTMLElement, latex: string, displayMode = false): void {
  if (element.dataset.latex === latex) return;
  element.dataset.latex = latex;
  if (loadedKatex()) typeset(element, latex, displayMode);
  else {
    // The source stands in until KaTeX is there.
    element.textContent = latex;
    waiting.set(element, { latex, displayMode });
  }
}

function typeset(element: HTMLElement, latex: string, displayMode: boolean): void {
  const katex = loadedKatex();
  if (!katex || element.dataset.latex !== latex) return;
  try {
    katex.render(latex, element, { displayMode, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
    element.removeAttribute('title');
  } catch (error) {
    // Show the source rather than nothing when KaTeX cannot typeset it.
    element.textContent = latex;
    element.title = error instanceof Error ? error.message : String(error);
  }
}
