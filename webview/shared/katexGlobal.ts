/**
 * KaTeX in its own bundle (dist/webview/katex.js, and its stylesheet as katex.css), which main.js loads
 * once the first chart frame is on screen: the chart paints without waiting for half the playground's
 * bytes, and the formulas appear when this arrives (latex.ts).
 */
import 'katex/dist/katex.min.css';
import katex from 'katex';

(window as unknown as { __katex?: typeof katex }).__katex = katex;
window.dispatchEvent(new Event('katex-ready'));
