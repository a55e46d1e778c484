/**
 * The Formula view's page: the function under the cursor (name, framework, file:line), its formula and
 * derivative (KaTeX), a plot of f and f′ (ℓ and ∂ℓ/∂ŷ) with the parameters in effect and, dotted, with the
 * framework's defaults, one slider per parameter, the pairing-lint diagnostics of the line, and buttons.
 * A slider drag is drawn without the host: the preview bundle (shared/corePreview.ts, loaded after the first paint)
 * computes the lines with the host's own pure function and they are drawn in the next frame; the host is
 * told the values (it stays the authority on what the view shows and on Apply to code). Until that bundle
 * has loaded, a slider asks the host for the lines (`preview` → `lines`). An update from the host during a
 * drag never rebuilds the slider row under the pointer: it is applied in place, or after the release when
 * the parameters themselves changed. Every message is validated on arrival; what is shown is saved with
 * vscode.setState so a reload draws it at once.
 */
import './styles.css';
import { afterThisFrame, el } from '../shared/dom';
import { renderLatex } from '../shared/latex';
import { loadKatex } from '../shared/loadKatex';
import { type Line, Plot, formatValue } from '../shared/chart';
import {
  type HostMessage,
  parseHostMessage,
  parseSavedState,
  type ViewLine,
  type ViewModel,
  type ViewParam,
  type WebviewMessage,
} from '../../src/features/formulaView/formulaViewMessages';
import { isInvalid } from '../../src/shared/validate';
import { corePreview, loadCorePreview } from '../shared/loadCorePreview';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Measurements for the e2e suite (only in development and test builds). */
interface Probe {
  /** Per slider input: from the event to the painted frame showing data for that value or a newer one. */
  sliderPaint: number[];
  /** Per preview request: from posting it to its answer's arrival (the host round trip). */
  roundTrip: number[];
  /** Per slider input previewed in the webview: time computing the lines. */
  compute: number[];
  /** Per drawn frame: time in Plot.draw. */
  draw: number[];
  /**
   * Per slider input: animation frames begun after the input until the one that drew its data (0: the frame the
   * input was dispatched in, as Chromium aligns pointer input to frames; 1: the next one; more: frames missed).
   */
  frames: number[];
  paints: number;
  /** `show` messages received, and how many of them rebuilt the parameter rows or waited for a drag's end. */
  shows: number;
  rebuilds: number;
  deferred: number;
  /** Whether a host view is waiting for the drag's release. */
  waiting: () => boolean;
  cspViolations: string[];
  /** Test switch: preview through the host even when the preview bundle has loaded (the old path, for comparison). */
  forceHost: boolean;
  previewLoaded: () => boolean;
  shown: () => { id: string; dimmed: boolean; line: number; lines: number; params: string[] } | null;
}
const probesOn = typeof TEST_PROBES !== 'undefined' && TEST_PROBES;

const vscode = acquireVsCodeApi();
const bootScript = document.currentScript as HTMLScriptElement | null;
const post = (message: WebviewMessage) => vscode.postMessage(message);
post({ type: 'ready' });

let view: ViewModel | null = parseSavedState(vscode.getState());
if (view) view = { ...view, dimmed: true };
/** The lines drawn for the code's parameters (replaced by previews while a slider moves). */
let codeLines: readonly ViewLine[] = view?.lines.filter((l) => l.with === 'code') ?? [];
let seq = 0;
let drawnSeq = 0;
/** Inputs waiting for the frame that shows their data: [seq, time, frames begun before it]. */
const pendingInputs: [number, number, number][] = [];
const answered: [number, number][] = [];
let frameRequested = false;
/** Slider values moved but not applied: name → value. */
const moved = new Map<string, number>();
/** The parameter whose slider the pointer is dragging, and the host's latest view when it must wait for the release. */
let dragging: string | undefined;
let waiting: { view: ViewModel | null } | undefined;

const probe: Probe | undefined = probesOn
  ? {
      sliderPaint: [],
      roundTrip: [],
      compute: [],
      draw: [],
      frames: [],
      paints: 0,
      shows: 0,
      rebuilds: 0,
      deferred: 0,
      waiting: () => waiting !== undefined,
      cspViolations: [],
      forceHost: false,
      previewLoaded: () => corePreview() !== undefined,
      shown: () => (view ? { id: view.id, dimmed: view.dimmed, line: view.line, lines: codeLines.length, params: view.params.map((p) => p.name) } : null),
    }
  : undefined;
/**
 * The probe's frame clock: counts animation frames (by their start time, whoever's callback sees it first),
 * running only while slider inputs come and for a second after the last.
 */
let framesBegun = 0;
let lastFrameStart = -Infinity;
let tickUntil = 0;
let ticking = false;
function noteFrame(start: number): void {
  if (start > lastFrameStart) {
    lastFrameStart = start;
    framesBegun++;
  }
}
function tick(start: number): void {
  noteFrame(start);
  ticking = performance.now() < tickUntil;
  if (ticking) requestAnimationFrame(tick);
}
function keepFrameClock(): void {
  tickUntil = performance.now() + 1000;
  if (!ticking) {
    ticking = true;
    requestAnimationFrame(tick);
  }
}

if (probe) {
  (globalThis as unknown as { __formulaView?: Probe }).__formulaView = probe;
  document.addEventListener('securitypolicyviolation', (e) => probe.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

// ---- layout -------------------------------------------------------------------------------------------
const app = document.getElementById('app') as HTMLElement;
app.removeAttribute('aria-busy');
app.replaceChildren();
app.classList.add('formula-view');

const empty = el('p', { class: 'empty' }, ['Place the cursor on an activation or a loss (nn.GELU(), F.softmax, keras.losses.Huber(…), activation="relu"…) to see it here.']);
const title = el('h2', { class: 'title', id: 'title' });
const subtitle = el('p', { class: 'subtitle', id: 'subtitle' });
const where = el('button', { class: 'link where', id: 'where', type: 'button', title: 'Go to the call' }) as HTMLButtonElement;
const header = el('header', {}, [title, subtitle, where]);
const fBox = el('div', { class: 'formula', id: 'formula-f', role: 'math' });
const dfBox = el('div', { class: 'formula', id: 'formula-df', role: 'math' });
const formulas = el('section', { class: 'formulas', 'aria-label': 'Formula and derivative' }, [fBox, dfBox]);
fitToWidth([fBox, dfBox]);
const canvas = el('canvas', { id: 'chart', role: 'img' }) as HTMLCanvasElement;
const chartBox = el('div', { class: 'chart-box' }, [canvas]);
const compare = el('p', { class: 'compare', id: 'compare' });
const paramsBox = el('section', { class: 'params', id: 'params', 'aria-label': 'Parameters' });
const diagnosticsBox = el('section', { class: 'diagnostics', id: 'diagnostics', 'aria-label': 'Diagnostics on this line' });
const openPlayground = el('button', { type: 'button', id: 'open-playground' }, ['Open in Playground']) as HTMLButtonElement;
const gradientCheck = el('button', { type: 'button', id: 'gradient-check', class: 'secondary' }, ['Gradient check']) as HTMLButtonElement;
const actions = el('div', { class: 'actions' }, [openPlayground, gradientCheck]);
const status = el('p', { class: 'status', id: 'status', role: 'status', 'aria-live': 'polite' });
const content = el('div', { class: 'content', id: 'content' }, [header, formulas, chartBox, compare, paramsBox, diagnosticsBox, actions]);
app.append(empty, content, status);

const plot = new Plot(canvas, { onViewChange: () => undefined });

where.addEventListener('click', () => post({ type: 'run', command: 'reveal' }));
openPlayground.addEventListener('click', () => post({ type: 'run', command: 'openPlayground' }));
gradientCheck.addEventListener('click', () => post({ type: 'run', command: 'gradientCheck' }));

// The theme arrives as classes on <body>: redraw in the new colours.
new MutationObserver(() => {
  plot.refreshTheme();
  scheduleFrame();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (isInvalid(message)) {
    console.warn(`Formula view: ignored a malformed message: ${message.error}`);
    return;
  }
  receive(message);
});

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'show':
      show(message.view);
      return;
    case 'lines':
      if (message.seq === inFlight) {
        inFlight = undefined;
        if (probe && sentAt !== undefined) probe.roundTrip.push(performance.now() - sentAt);
        // Inputs that came while this one was on its way: ask once, for the latest value.
        if (seq > message.seq && !previewHere()) requestPreview();
      }
      if (message.seq < drawnSeq) return;
      drawnSeq = message.seq;
      codeLines = message.lines;
      while (pendingInputs.length && pendingInputs[0][0] <= message.seq) answered.push(inputOf(pendingInputs.shift()));
      scheduleFrame();
      return;
    case 'status':
      status.textContent = message.message;
      return;
  }
}

function show(next: ViewModel | null): void {
  if (probe) probe.shows++;
  const sameCall = view !== null && next !== null && view.id === next.id && view.file === next.file && view.line === next.line;
  // Mid-drag, the row under the pointer stays: a view whose parameters differ waits for the release.
  if (dragging !== undefined && !(sameCall && sameParams(view, next))) {
    if (probe) probe.deferred++;
    waiting = { view: next };
    return;
  }
  if (!sameCall) moved.clear();
  view = next;
  codeLines = next?.lines.filter((l) => l.with === 'code') ?? [];
  // A preview answer older than this view must not replace its lines.
  drawnSeq = seq;
  // The host's lines lag the slider by its round trip: with values still moved, redraw the slider's own.
  if (next && moved.size > 0) previewHere();
  render();
  vscode.setState(next ? { view: savedCopy(next) } : { view: null });
}

/** The pointer let go of a slider: the view that waited for it is shown now. */
function endDrag(): void {
  if (dragging === undefined) return;
  dragging = undefined;
  const next = waiting;
  waiting = undefined;
  if (next) show(next.view);
}
window.addEventListener('pointerup', endDrag, true);
window.addEventListener('pointercancel', endDrag, true);
window.addEventListener('blur', endDrag);

/** The same sliders (names, bounds, what Apply does): the rows can be updated in place. */
function sameParams(a: ViewModel | null, b: ViewModel | null): boolean {
  const key = (v: ViewModel | null) => JSON.stringify(v?.params.map((p) => [p.name, p.min, p.max, p.step, p.action, p.keyword ?? '']) ?? null);
  return key(a) === key(b);
}

/** The view as JSON can hold it: lines as plain arrays, non-finite values in the wire encoding. */
function savedCopy(v: ViewModel): ViewModel {
  return { ...v, lines: v.lines.map((l) => ({ ...l, values: Array.from(l.values, (n) => (Number.isFinite(n) ? n : (String(n) as unknown as number))) })) };
}

function render(): void {
  const v = view;
  empty.hidden = v !== null;
  content.hidden = v === null;
  app.classList.toggle('dimmed', v?.dimmed === true);
  if (!v) return;
  title.textContent = v.title;
  subtitle.textContent = [v.framework, v.written, v.kind].filter(Boolean).join(' · ');
  where.textContent = `${v.file}:${v.line + 1}`;
  where.setAttribute('aria-label', `Go to ${v.file}, line ${v.line + 1}${v.dimmed ? ' (the cursor has left this call)' : ''}`);
  const [fName, dfName] = v.kind === 'loss' ? ['\\ell(y,\\hat y) =', '\\frac{\\partial \\ell}{\\partial \\hat y} ='] : ['f(x) =', "f'(x) ="];
  renderLatex(fBox, `${fName} ${v.latex}`, true);
  renderLatex(dfBox, `${dfName} ${v.derivativeLatex}`, true);
  fBox.setAttribute('aria-label', `Formula: ${v.latex}`);
  dfBox.setAttribute('aria-label', `Derivative: ${v.derivativeLatex}`);
  canvas.setAttribute('aria-label', `Plot of ${v.title} and its derivative from ${v.xMin} to ${v.xMax}${v.compareLabel ? `, dotted with ${v.compareLabel}` : ''}`);
  compare.textContent = v.compareLabel ? `Dotted: ${v.compareLabel} (${v.params.map((p) => `${p.symbol} = ${formatValue(p.defaultValue)}`).join(', ')})` : '';
  compare.hidden = !v.compareLabel;
  renderParams(v);
  renderDiagnostics(v);
  scheduleFrame();
  loadKatex(bootScript);
  loadCorePreview(bootScript);
}

/** One parameter's controls; `update` shows the host's newer view of it without replacing any element. */
interface ParamRow {
  readonly element: HTMLElement;
  update(p: ViewParam): void;
}
let rows: ParamRow[] = [];
let rowsKey = '';

function renderParams(v: ViewModel): void {
  const key = JSON.stringify(v.params.map((p) => [p.name, p.min, p.max, p.step, p.action, p.keyword ?? '']));
  if (key === rowsKey) {
    // The same sliders: update them in place, so focus, a drag and the screen reader's place all stay.
    v.params.forEach((p, i) => rows[i].update(p));
    return;
  }
  if (probe) probe.rebuilds++;
  const active = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  rows = v.params.map((p) => paramRow(p));
  rowsKey = key;
  paramsBox.replaceChildren(...rows.map((r) => r.element));
  paramsBox.hidden = v.params.length === 0;
  // Keep keyboard focus on the same control across updates.
  if (active) document.getElementById(active)?.focus();
}

function originText(p: ViewParam): string {
  switch (p.origin) {
    case 'code':
      return 'set in code';
    case 'constant':
      return `from ${p.written ?? 'a constant'}`;
    case 'unknown':
      return `${p.written ?? 'set in code'} (value not known here)`;
    default:
      return `default ${formatValue(p.defaultValue)}`;
  }
}

function paramRow(first: ViewParam): ParamRow {
  let p = first;
  const id = `param-${p.name}`;
  const value = moved.get(p.name) ?? p.value;
  const slider = el('input', { type: 'range', id, min: String(p.min), max: String(p.max), step: String(p.step), 'aria-describedby': `${id}-origin` }) as HTMLInputElement;
  slider.value = String(value);
  const output = el('output', { for: id, id: `${id}-value` }, [formatValue(value)]);
  const label = el('label', { for: id }, [p.symbol === p.name ? p.name : `${p.symbol} ${p.name}`]);
  const origin = el('span', { class: 'origin', id: `${id}-origin` });
  const applyLabel = p.action === 'add' ? `Add ${p.keyword ?? p.name}= to code` : 'Apply to code';
  const apply = el('button', { type: 'button', class: 'apply', id: `${id}-apply`, 'aria-label': `${applyLabel}: ${p.name}` }, [applyLabel]) as HTMLButtonElement;
  apply.hidden = !moved.has(p.name) || p.action === 'none';
  const note = el('small', { class: 'meaning' });
  const describe = () => {
    slider.setAttribute('aria-label', `${p.symbol === p.name ? p.name : `${p.symbol} (${p.name})`}: ${p.meaning}`);
    origin.textContent = originText(p);
    note.textContent = p.action === 'none' && p.why ? `${p.meaning} — not editable here: ${p.why}` : p.meaning;
  };
  describe();
  slider.addEventListener('pointerdown', () => {
    dragging = p.name;
  });
  slider.addEventListener('input', () => {
    const v = Number(slider.value);
    moved.set(p.name, v);
    output.textContent = formatValue(v);
    seq++;
    if (probe) keepFrameClock();
    pendingInputs.push([seq, performance.now(), framesBegun]);
    if (previewHere()) tellHost(false);
    else requestPreview();
  });
  // On release (pointer up, or a key press that changed the value): offer to write it into the code.
  slider.addEventListener('change', () => {
    apply.hidden = p.action === 'none' || Number(slider.value) === p.value;
    if (hostTimer !== undefined) tellHost(true);
    endDrag();
  });
  apply.addEventListener('click', () => {
    apply.hidden = true;
    moved.delete(p.name);
    post({ type: 'apply', name: p.name, value: Number(slider.value) });
  });
  const element = el('div', { class: 'param' }, [el('div', { class: 'param-head' }, [label, output, origin]), slider, apply, note]);
  return {
    element,
    update(next: ViewParam): void {
      p = next;
      describe();
      // A value the user moved (or is dragging) stays as the user left it.
      if (moved.has(p.name) || dragging === p.name) return;
      slider.value = String(p.value);
      output.textContent = formatValue(p.value);
      apply.hidden = true;
    },
  };
}

function renderDiagnostics(v: ViewModel): void {
  diagnosticsBox.replaceChildren(
    ...v.diagnostics.map((d) => {
      const fix = d.fix ? (el('button', { type: 'button', class: 'secondary', 'aria-label': `${d.fix} ${d.message}` }, [d.fix]) as HTMLButtonElement) : undefined;
      fix?.addEventListener('click', () => post({ type: 'fix', index: d.index }));
      return el('div', { class: 'diagnostic', role: 'note' }, [el('span', { class: 'codicon-warning', 'aria-hidden': 'true' }, ['⚠']), el('span', {}, messageParts(d.message)), ...(fix ? [fix] : [])]);
    }),
  );
  diagnosticsBox.hidden = v.diagnostics.length === 0;
}

/**
 * Computes the lines for the sliders' values here and draws them in the next frame; false when the
 * preview bundle has not loaded yet (the host computes them then).
 */
function previewHere(): boolean {
  const lines = corePreview()?.formulaViewLines;
  const v = view;
  if (!lines || !v || probe?.forceHost) return false;
  const started = performance.now();
  const params = Object.fromEntries(v.params.map((p) => [p.name, moved.get(p.name) ?? p.value]));
  codeLines = lines(v.id, params, v.xMin, v.xMax, 'code');
  probe?.compute.push(performance.now() - started);
  drawnSeq = seq;
  while (pendingInputs.length && pendingInputs[0][0] <= seq) answered.push(inputOf(pendingInputs.shift()));
  scheduleFrame();
  return true;
}

/**
 * Tells the host the values drawn here (it keeps what the view shows: formulaViewState, Apply to code): at
 * most one message per 100 ms during a drag, so the frames the drag paints do not share the page's
 * thread with a message per input; `now` sends the latest at once (the slider was released).
 */
let hostTimer: ReturnType<typeof setTimeout> | undefined;
function tellHost(now: boolean): void {
  if (hostTimer !== undefined && !now) return;
  clearTimeout(hostTimer);
  const send = () => {
    hostTimer = undefined;
    post({ type: 'preview', seq, params: Object.fromEntries(moved), drawn: true });
  };
  if (now) send();
  else hostTimer = setTimeout(send, 100);
}

/**
 * Shrinks typeset formulas that are wider than their boxes (a piecewise loss in a narrow column of the bottom
 * panel), all by the same factor so f and f′ keep one size, down to 70%; wider still, a box scrolls. Refitted
 * when KaTeX typesets a box and when the view is resized.
 */
function fitToWidth(boxes: readonly HTMLElement[]): void {
  const MIN_SCALE = 0.7;
  let width = -1;
  const fit = () => {
    for (const box of boxes) box.style.fontSize = '';
    width = boxes[0].clientWidth;
    if (width === 0) return;
    const scale = Math.max(MIN_SCALE, Math.min(1, ...boxes.map((box) => box.clientWidth / Math.max(1, box.scrollWidth))));
    if (scale < 1) for (const box of boxes) box.style.fontSize = `${scale * 0.95}em`;
  };
  const typeset = new MutationObserver(fit);
  for (const box of boxes) typeset.observe(box, { childList: true });
  // Only a change of width refits: the height a refit changes must not start another.
  new ResizeObserver(() => {
    if (boxes[0].clientWidth !== width) fit();
  }).observe(boxes[0]);
}

/** A lint message's `code spans` as <code> (as VS Code's hover shows them), the rest as text. */
function messageParts(message: string): (Node | string)[] {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return [message]; // an unpaired backtick: plain text
  return parts.map((part, i) => (i % 2 === 1 ? el('code', {}, [part]) : part));
}

/**
 * One preview on its way at a time: inputs that arrive meanwhile are folded into the next request, so a
 * fast drag never builds a queue of stale values on a slow host connection.
 */
let inFlight: number | undefined;
let sentAt: number | undefined;
function requestPreview(): void {
  if (inFlight !== undefined) return;
  inFlight = seq;
  sentAt = performance.now();
  post({ type: 'preview', seq, params: Object.fromEntries(moved) });
}

// ---- chart --------------------------------------------------------------------------------------------
function scheduleFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(drawFrame);
}

/** An answered input: its time and the frames begun before it. */
function inputOf(pending: [number, number, number] | undefined): [number, number] {
  return pending ? [pending[1], pending[2]] : [0, 0];
}

function drawFrame(frameStart: number): void {
  frameRequested = false;
  if (probe) noteFrame(frameStart);
  if (!view) return;
  const started = performance.now();
  plot.draw(chartLines(view), view.xMin, view.xMax, view.kind === 'loss' ? 'ŷ' : 'x', true);
  probe?.draw.push(performance.now() - started);
  const inputs = answered.splice(0);
  if (!probe) return;
  probe.paints++;
  for (const [, begun] of inputs) probe.frames.push(framesBegun - begun);
  if (inputs.length) afterThisFrame((paintedAt) => inputs.forEach(([at]) => probe.sliderPaint.push(paintedAt - at)));
}

function chartLines(v: ViewModel): Line[] {
  const palette = plot.palette;
  const labels = [...new Set(v.lines.map((l) => l.label))];
  const name = (l: ViewLine) => {
    const base = v.kind === 'loss' ? (l.role === 'f' ? 'ℓ' : '∂ℓ/∂ŷ') : l.role === 'f' ? 'f' : 'f′';
    const target = l.label === undefined ? '' : ` (y = ${formatValue(l.label)})`;
    return `${base}${target}${l.with === 'default' ? ', defaults' : ''}`;
  };
  const lines = [...codeLines, ...v.lines.filter((l) => l.with === 'default')];
  return lines.map((l) => {
    const i = Math.max(0, labels.indexOf(l.label));
    return {
      id: `${l.with}:${l.role}:${l.label ?? ''}`,
      label: name(l),
      color: palette[(2 * i + (l.role === 'f' ? 0 : 1)) % palette.length],
      derivative: l.role === 'df',
      variant: l.with === 'default' ? 1 : 0,
      xMin: v.xMin,
      xMax: v.xMax,
      values: l.values,
    };
  });
}


render();
