/**
 * KaTeX in its own bundle (dist/webview/katex.js), loaded `async` after main.js: the chart paints without
 * waiting for half the playground's JavaScript, and the formulas appear when this arrives (latex.ts).
 */
import katex from 'katex';

(window as unknown as { __katex?: typeof katex }).__katex = katex;
window.dispatchEvent(new Event('katex-ready'));
