/**
 * The panel's layout and its fixed controls: the function picker, the custom-formula input with its live
 * LaTeX preview and inline error, the x range, the view and export buttons and the framework for "Copy
 * as code". Every control is a native, labelled, keyboard-reachable element.
 */
import type { Framework } from '../../src/core/functionTypes';
import type { FunctionSummary } from '../../src/features/playground/playgroundMessages';
import { FRAMEWORKS } from '../../src/shared/limits';
import { el, highlightSpan } from '../shared/dom';
import { renderLatex } from '../shared/latex';
import type { PlaygroundState } from './state';

export interface ToolbarHandlers {
  addFunction(id: string): void;
  formulaChanged(source: string): void;
  addFormula(source: string): void;
  setXRange(xMin: number, xMax: number): void;
  resetView(): void;
  exportPng(): void;
  exportCsv(): void;
  setFramework(framework: Framework): void;
}

export interface Layout {
  readonly canvas: HTMLCanvasElement;
  readonly seriesList: HTMLElement;
  readonly emptyHint: HTMLElement;
  setFunctions(functions: readonly FunctionSummary[]): void;
  showState(state: PlaygroundState): void;
  showFormulaCheck(check: { ok: true; latex: string; derivativeLatex: string } | { ok: false; message: string; start: number; end: number } | null): void;
}

const FRAMEWORK_TITLES: Record<Framework, string> = { pytorch: 'PyTorch', tensorflow: 'TensorFlow', jax: 'JAX', tfjs: 'TF.js' };

export function buildLayout(app: HTMLElement, on: ToolbarHandlers): Layout {
  const picker = el('select', { id: 'picker' }) as HTMLSelectElement;
  const addButton = el('button', { type: 'button', id: 'add-function' }, ['Add']);
  addButton.addEventListener('click', () => picker.value && on.addFunction(picker.value));
  picker.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && picker.value) on.addFunction(picker.value);
  });

  const formula = el('input', { type: 'text', id: 'formula-input', spellcheck: 'false', autocomplete: 'off', placeholder: 'e.g. x * sigmoid(a * x)' }) as HTMLInputElement;
  const plotFormula = el('button', { type: 'button', id: 'add-formula' }, ['Plot']) as HTMLButtonElement;
  const formulaError = el('div', { class: 'formula-error', role: 'alert', id: 'formula-error', hidden: '' });
  const formulaPreview = el('div', { class: 'formula-preview', 'aria-live': 'polite', hidden: '' }, [el('div', { class: 'latex preview-f' }), el('div', { class: 'latex preview-df' })]);
  formula.setAttribute('aria-describedby', 'formula-error');
  formula.addEventListener('input', () => on.formulaChanged(formula.value));
  const submitFormula = () => {
    if (formula.value.trim() && !plotFormula.disabled) on.addFormula(formula.value);
  };
  formula.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') submitFormula();
  });
  plotFormula.addEventListener('click', submitFormula);

  const xMin = el('input', { type: 'number', id: 'x-min', step: 'any' }) as HTMLInputElement;
  const xMax = el('input', { type: 'number', id: 'x-max', step: 'any' }) as HTMLInputElement;
  const rangeError = el('p', { class: 'formula-error', role: 'alert', hidden: '' });
  const applyRange = () => {
    const lo = Number(xMin.value);
    const hi = Number(xMax.value);
    const ok = xMin.value.trim() !== '' && xMax.value.trim() !== '' && Number.isFinite(lo) && Number.isFinite(hi) && lo < hi;
    for (const input of [xMin, xMax]) input.setAttribute('aria-invalid', String(!ok));
    rangeError.hidden = ok;
    rangeError.textContent = ok ? '' : `The x range needs from < to, got ${xMin.value || '(empty)'} and ${xMax.value || '(empty)'}`;
    if (ok) on.setXRange(lo, hi);
  };
  for (const input of [xMin, xMax]) input.addEventListener('change', applyRange);

  const button = (id: string, text: string, action: () => void, title?: string) => {
    const b = el('button', { type: 'button', id, ...(title ? { title } : {}) }, [text]);
    b.addEventListener('click', action);
    return b;
  };
  const framework = el('select', { id: 'framework' }, FRAMEWORKS.map((f) => el('option', { value: f }, [FRAMEWORK_TITLES[f]]))) as HTMLSelectElement;
  framework.addEventListener('change', () => on.setFramework(framework.value as Framework));

  const canvas = el('canvas', { id: 'chart', tabindex: '0', role: 'img', 'aria-label': 'Plot of the selected functions' }) as HTMLCanvasElement;
  const emptyHint = el('p', { class: 'empty-hint' }, ['Pick a function above or type a formula to plot it.']);
  const seriesList = el('section', { id: 'series-list', 'aria-label': 'Plotted functions' });

  const sidebar = el('aside', { class: 'sidebar' }, [
    el('section', { class: 'group', 'aria-label': 'Add a function' }, [
      el('div', { class: 'row' }, [el('label', { for: 'picker' }, ['Function']), picker, addButton]),
      el('div', { class: 'row' }, [el('label', { for: 'formula-input' }, ['f(x) =']), formula, plotFormula]),
      formulaError,
      formulaPreview,
    ]),
    el('section', { class: 'group', 'aria-label': 'View' }, [
      el('div', { class: 'row' }, [el('label', { for: 'x-min' }, ['x from']), xMin, el('label', { for: 'x-max' }, ['to']), xMax]),
      rangeError,
      el('div', { class: 'row buttons' }, [
        button('reset-view', 'Reset view', on.resetView, 'Back to the x range above, y fitted (keyboard on the plot: + − zoom, arrows pan, 0 resets)'),
        button('export-png', 'Export PNG', on.exportPng),
        button('export-csv', 'Export CSV', on.exportCsv),
      ]),
      el('div', { class: 'row' }, [el('label', { for: 'framework' }, ['Copy code as']), framework]),
    ]),
    seriesList,
  ]);
  const plot = el('div', { class: 'plot' }, [el('div', { class: 'canvas-box' }, [canvas]), emptyHint, el('p', { class: 'hint' }, ['Wheel: zoom · drag: pan · shift-drag: zoom to box'])]);
  app.replaceChildren(el('div', { class: 'layout' }, [sidebar, plot]));
  app.removeAttribute('aria-busy');

  return {
    canvas,
    seriesList,
    emptyHint,
    setFunctions(functions) {
      const groups = (['activation', 'loss'] as const).map((kind) =>
        el(
          'optgroup',
          { label: kind === 'activation' ? 'Activations' : 'Losses' },
          functions.filter((f) => f.kind === kind).sort(byTitle).map((f) => el('option', { value: f.id }, [f.title])),
        ),
      );
      picker.replaceChildren(el('option', { value: '', disabled: '', selected: '' }, ['Choose a function…']), ...groups);
    },
    showState(state) {
      if (document.activeElement !== xMin) xMin.value = String(state.xMin);
      if (document.activeElement !== xMax) xMax.value = String(state.xMax);
      framework.value = state.framework;
      emptyHint.hidden = state.series.length > 0;
    },
    showFormulaCheck(check) {
      formula.setAttribute('aria-invalid', String(check?.ok === false));
      plotFormula.disabled = check?.ok === false;
      formulaError.hidden = check?.ok !== false;
      formulaPreview.hidden = check?.ok !== true;
      if (check?.ok === false) {
        formulaError.replaceChildren(highlightSpan(formula.value, check.start, check.end), el('span', { class: 'message' }, [check.message]));
      } else if (check?.ok) {
        renderLatex(formulaPreview.querySelector('.preview-f') as HTMLElement, `f(x) = ${check.latex}`);
        renderLatex(formulaPreview.querySelector('.preview-df') as HTMLElement, `f'(x) = ${check.derivativeLatex}`);
      }
    },
  };
}

/**
 * Alphabetical by title, ignoring case. Not localeCompare: the first collation a page does loads ICU's
 * collation data, 15–41 ms in a fresh Chromium page here, before the first chart; the catalogue's titles
 * come out in the same order either way.
 */
function byTitle(a: { readonly title: string }, b: { readonly title: string }): number {
  const x = a.title.toLowerCase();
  const y = b.title.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
