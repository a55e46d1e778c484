/**
 * One card per series in the sidebar: colour, title, LaTeX of f and f′, toggles, a remove button, and a
 * slider + number input per parameter (default marked on the slider, a reset button), plus the targets
 * of a loss or the other logits of a softmax. Cards are keyed and updated in place, so the slider being
 * dragged is never replaced under the pointer; a card is rebuilt only when its set of controls changes.
 */
import type { FunctionSummary } from '../../src/features/playground/playgroundMessages';
import type { ParamSpec } from '../../src/core/functionTypes';
import { renderLatex } from '../shared/latex';
import { el, highlightSpan } from '../shared/dom';
import { modeOf, type Action, type PlaygroundState, type Series } from './state';

export interface CardHost {
  dispatch(action: Action, inputAt?: number): void;
  copyCode(key: string): void;
  readonly functions: ReadonlyMap<string, FunctionSummary>;
  palette(): readonly string[];
}

interface Card {
  readonly root: HTMLElement;
  readonly signature: string;
}

const cards = new Map<string, Card>();

/** Formula parameters have no catalogue spec: default 1, a slider over [−5, 5], any value typed. */
function formulaSpec(name: string): ParamSpec {
  return { name, default: 1, min: -Infinity, max: Infinity, sliderRange: [-5, 5], meaning: 'found in the formula' };
}

function specsOf(series: Series, info: FunctionSummary | undefined): readonly ParamSpec[] {
  if (series.source.type === 'formula') return (series.formula?.params ?? Object.keys(series.params)).map(formulaSpec);
  return info?.params ?? [];
}

export function titleOf(series: Series, info: FunctionSummary | undefined): string {
  return series.source.type === 'formula' ? `f(x) = ${series.source.formula}` : (info?.title ?? series.source.id);
}

export function syncCards(container: HTMLElement, state: PlaygroundState, host: CardHost): void {
  const keep = new Set(state.series.map((s) => s.key));
  for (const [key, card] of cards) {
    if (!keep.has(key)) {
      card.root.remove();
      cards.delete(key);
    }
  }
  let previous: HTMLElement | null = null;
  for (const series of state.series) {
    const info = series.source.type === 'catalogue' ? host.functions.get(series.source.id) : undefined;
    const signature = JSON.stringify([specsOf(series, info).map((p) => p.name), series.others?.length ?? -1, !!series.labels, modeOf(series, info)]);
    let card = cards.get(series.key);
    if (!card || card.signature !== signature) {
      const root = buildCard(series, info, host);
      if (card) card.root.replaceWith(root);
      card = { root, signature };
      cards.set(series.key, card);
    }
    // Keep the cards in the series' order.
    const expectedNext: ChildNode | null = previous ? previous.nextSibling : container.firstChild;
    if (expectedNext !== card.root) container.insertBefore(card.root, expectedNext);
    updateCard(card.root, series, info, state, host);
    previous = card.root;
  }
}

function buildCard(series: Series, info: FunctionSummary | undefined, host: CardHost): HTMLElement {
  const key = series.key;
  const title = titleOf(series, info);
  const dispatch = host.dispatch;
  const root = el('article', { class: 'series', 'data-key': key, 'aria-label': title });
  const header = el('header', {}, [el('span', { class: 'swatch', 'aria-hidden': 'true' }), el('h3', { class: 'series-title', title }, [title])]);
  const remove = el('button', { class: 'icon remove', type: 'button', 'aria-label': `Remove ${title}`, title: 'Remove' }, ['×']);
  remove.addEventListener('click', () => dispatch({ type: 'remove', key }));
  header.append(remove);
  root.append(header, el('div', { class: 'latex f-latex' }), el('div', { class: 'latex df-latex' }));

  const toggles = el('div', { class: 'toggles' });
  for (const [line, text] of [
    ['f', 'f'],
    ['df', info?.kind === 'loss' ? '∂ℓ/∂ŷ' : 'f′'],
  ] as const) {
    const box = el('input', { type: 'checkbox', id: `${key}-show-${line}`, 'data-line': line }) as HTMLInputElement;
    box.addEventListener('change', () => dispatch({ type: 'toggle', key, line }));
    toggles.append(el('label', { for: box.id }, [box, ` ${text}`]));
  }
  root.append(toggles);

  for (const spec of specsOf(series, info)) root.append(paramRow(key, spec, (value, at) => dispatch({ type: 'setParam', key, name: spec.name, value }, at)));

  if (series.labels) {
    const input = el('input', { type: 'text', id: `${key}-labels`, inputmode: 'decimal', spellcheck: 'false' }) as HTMLInputElement;
    input.addEventListener('change', () => {
      const labels = input.value.split(/[,\s]+/).filter(Boolean).map(Number);
      const ok = labels.length > 0 && labels.every(Number.isFinite);
      input.setAttribute('aria-invalid', String(!ok));
      if (ok) dispatch({ type: 'setLabels', key, labels });
    });
    root.append(el('div', { class: 'row' }, [el('label', { for: input.id }, ['targets y']), input]));
  }

  if (series.others) {
    const count = el('input', { type: 'number', id: `${key}-count`, min: '2', max: '16', step: '1' }) as HTMLInputElement;
    count.addEventListener('change', () => dispatch({ type: 'setLogitCount', key, count: Number(count.value) }));
    const component = el('select', { id: `${key}-component` }) as HTMLSelectElement;
    component.addEventListener('change', () => dispatch({ type: 'setComponent', key, component: Number(component.value) }));
    const noun = info?.kind === 'loss' ? 'class' : 'component';
    root.append(
      el('div', { class: 'row' }, [el('label', { for: count.id }, ['logits']), count]),
      el('div', { class: 'row' }, [el('label', { for: component.id }, [noun === 'class' ? 'plot ∂ for logit' : 'component i']), component]),
    );
    series.others.forEach((_, index) => {
      const spec: ParamSpec = { name: `z${subscript(index + 2)}`, default: 0, min: -1e6, max: 1e6, sliderRange: [-10, 10], meaning: `logit ${index + 2}` };
      root.append(paramRow(`${key}-z${index}`, spec, (value, at) => dispatch({ type: 'setOther', key, index, value }, at), `other-${index}`));
    });
  }

  root.append(el('p', { class: 'error', role: 'alert', hidden: '' }));
  if (series.source.type === 'catalogue' && info?.frameworks.length) {
    const copy = el('button', { type: 'button', class: 'copy-code' }, ['Copy as code']);
    copy.addEventListener('click', () => host.copyCode(key));
    root.append(el('div', { class: 'row code' }, [copy]));
  }
  return root;
}

function paramRow(idBase: string, spec: ParamSpec, set: (value: number, at: number) => void, name = spec.name): HTMLElement {
  const [lo, hi] = sliderRange(spec);
  const id = `${idBase}-p-${spec.name}`;
  const slider = el('input', { type: 'range', id, min: String(lo), max: String(hi), step: String((hi - lo) / 1000), list: `${id}-default`, 'data-param': name }) as HTMLInputElement;
  const marks = el('datalist', { id: `${id}-default` }, [el('option', { value: String(spec.default), label: 'default' })]);
  const number = el('input', { type: 'number', step: 'any', 'aria-label': `${spec.name} value`, 'data-param-number': name }) as HTMLInputElement;
  if (Number.isFinite(spec.min)) number.min = String(spec.min);
  if (Number.isFinite(spec.max)) number.max = String(spec.max);
  const reset = el('button', { type: 'button', class: 'icon reset', 'aria-label': `Reset ${spec.name} to ${spec.default}`, title: `Reset to the default ${spec.default}` }, ['↺']);
  const note = el('small', { class: 'meaning' }, [`${spec.meaning ? `${spec.meaning} · ` : ''}default ${spec.default}`]);
  slider.addEventListener('input', (e) => set(Number(slider.value), e.timeStamp));
  number.addEventListener('change', () => {
    const value = Number(number.value);
    const problem = number.value.trim() === '' || !Number.isFinite(value) ? 'a number' : boundsProblem(spec, value);
    number.setAttribute('aria-invalid', String(!!problem));
    note.textContent = problem ? `${spec.name} must be ${problem}` : `${spec.meaning ? `${spec.meaning} · ` : ''}default ${spec.default}`;
    if (!problem) set(value, performance.now());
  });
  reset.addEventListener('click', () => set(spec.default, performance.now()));
  return el('div', { class: 'param' }, [el('label', { for: id }, [spec.name]), slider, marks, number, reset, note]);
}

function updateCard(root: HTMLElement, series: Series, info: FunctionSummary | undefined, state: PlaygroundState, host: CardHost): void {
  const color = host.palette()[series.color] ?? '';
  (root.querySelector('.swatch') as HTMLElement).style.backgroundColor = color;
  root.style.borderLeftColor = color;
  const latex = series.source.type === 'formula' ? series.formula : info ? { latex: info.latex, derivativeLatex: info.derivativeLatex } : undefined;
  const fLatex = root.querySelector('.f-latex') as HTMLElement;
  const dfLatex = root.querySelector('.df-latex') as HTMLElement;
  if (latex) renderLatex(fLatex, latex.latex);
  fLatex.hidden = !latex;
  if (latex && series.showDf) renderLatex(dfLatex, latex.derivativeLatex);
  dfLatex.hidden = !latex || !series.showDf;
  for (const box of root.querySelectorAll<HTMLInputElement>('input[data-line]')) box.checked = box.dataset.line === 'f' ? series.showF : series.showDf;
  for (const spec of specsOf(series, info)) setControl(root, spec.name, series.params[spec.name] ?? spec.default);
  series.others?.forEach((v, i) => setControl(root, `other-${i}`, v));
  const labels = root.querySelector<HTMLInputElement>(`#${CSS.escape(series.key)}-labels`);
  if (labels && document.activeElement !== labels) labels.value = (series.labels ?? []).join(', ');
  const count = root.querySelector<HTMLInputElement>(`#${CSS.escape(series.key)}-count`);
  if (count && series.others && document.activeElement !== count) count.value = String(series.others.length + 1);
  const component = root.querySelector<HTMLSelectElement>(`#${CSS.escape(series.key)}-component`);
  if (component && series.others) {
    const n = series.others.length + 1;
    if (component.options.length !== n) component.replaceChildren(...Array.from({ length: n }, (_, i) => el('option', { value: String(i) }, [`${subscriptLabel(i)}${i === 0 ? ' (x)' : ''}`])));
    component.value = String(series.component ?? 0);
  }
  const error = root.querySelector('.error') as HTMLElement;
  error.hidden = !series.error;
  if (series.error) {
    const { message, start, end } = series.error;
    if (series.source.type === 'formula' && start !== undefined) error.replaceChildren(highlightSpan(series.source.formula, start, end ?? start), el('span', {}, [message]));
    else error.textContent = message;
  }
  const copy = root.querySelector<HTMLButtonElement>('.copy-code');
  if (copy && info) {
    const has = info.frameworks.includes(state.framework);
    copy.disabled = !has;
    copy.title = has ? `Copy ${state.framework} code for ${info.title}` : `${info.title} has no ${state.framework} name`;
  }
}

function setControl(root: HTMLElement, name: string, value: number): void {
  const slider = root.querySelector<HTMLInputElement>(`input[data-param="${name}"]`);
  const number = root.querySelector<HTMLInputElement>(`input[data-param-number="${name}"]`);
  if (slider) {
    // Widen the slider when the value (from code or the number input) lies outside it.
    if (value < Number(slider.min)) slider.min = String(value);
    if (value > Number(slider.max)) slider.max = String(value);
    if (Number(slider.value) !== value) slider.value = String(value);
  }
  if (number && document.activeElement !== number && Number(number.value) !== value) number.value = String(value);
}

/** The slider's span: the catalogue's sliderRange, else [min, max] made finite, avoiding excluded ends. */
function sliderRange(spec: ParamSpec): [number, number] {
  let [lo, hi] = spec.sliderRange ?? [spec.min, spec.max];
  if (!Number.isFinite(lo)) lo = Number.isFinite(hi) ? Math.min(spec.default, hi) - 10 : spec.default - 5;
  if (!Number.isFinite(hi)) hi = Math.max(spec.default, lo) + (Number.isFinite(spec.min) ? 10 : 5);
  const step = (hi - lo) / 1000;
  if (spec.minExclusive && lo <= spec.min) lo = spec.min + step;
  if (spec.maxExclusive && hi >= spec.max) hi = spec.max - step;
  return [lo, hi];
}

function boundsProblem(spec: ParamSpec, v: number): string | undefined {
  if (spec.minExclusive ? v <= spec.min : v < spec.min) return `${spec.minExclusive ? '>' : '≥'} ${spec.min}`;
  if (spec.maxExclusive ? v >= spec.max : v > spec.max) return `${spec.maxExclusive ? '<' : '≤'} ${spec.max}`;
  return undefined;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);
}
function subscriptLabel(i: number): string {
  return `s${subscript(i + 1)}`;
}
