/**
 * What the Signal Propagation view shows, computed on the host from the core (src/core/signal): per selected
 * activation, q_l through 100 layers from q_0, the fixed point, χ₁, the gain, the phase, the gradient readout,
 * the init line, and (once per activation) the edge-of-chaos curve. Pure: no 'vscode'.
 */
import { resolveParams } from '../../core/api';
import { entryFor } from '../../core/catalogue';
import { edgeOfChaosCurve } from '../../core/signal/edge';
import { initFor } from '../../core/signal/gain';
import { signalPropagation } from '../../core/signal/propagation';
import { itemKey, SIGNAL_LIMITS, type SignalItem, type SignalSeries, type SignalViewState } from './signalMessages';

/** The depth the gradient readout quotes ("after 50 layers"). */
const READOUT_DEPTH = 50;
/** The edge curves run up to this σ_b² (the phase diagram shows [0, 1] unless σ_b² is set higher). */
const EDGE_MAX_SIGMA_B2 = 2;

/** "×0.83", "×1e−4", "×1.2e+3": a factor the way the readout prints it. */
function formatFactor(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '×∞' : '×NaN';
  if (v === 0) return '×0';
  // Near 1 two digits would print ×1 for χ₁ = 1.03: three keep the direction visible.
  if (v >= 0.9 && v < 1.1) return `×${Number(v.toPrecision(3))}`;
  if (v >= 0.01 && v < 1000) return `×${Number(v.toPrecision(2))}`;
  const [m, e] = v.toExponential(0).split('e');
  return `×${m}e${e.replace('-', '−')}`;
}

/** "gradients shrink by ×0.83 per layer: after 50 layers ×1e−4" (grow for χ₁ > 1, keep for the edge). */
function gradientReadout(chi1: number, phase: SignalSeries['phase'], depth = READOUT_DEPTH): string {
  if (phase === 'critical') return `gradients keep their size (χ₁ = 1): after ${depth} layers ×1`;
  const verb = chi1 < 1 ? 'shrink' : 'grow';
  return `gradients ${verb} by ${formatFactor(chi1)} per layer: after ${depth} layers ${formatFactor(chi1 ** depth)}`;
}

/** "√2" for √2 and ratios PyTorch writes that way, else four digits. */
function showGain(g: number): string {
  if (Math.abs(g - Math.SQRT2) < 1e-12) return '√2';
  if (Math.abs(g - 5 / 3) < 1e-12) return '5/3';
  if (Math.abs(g - 0.75) < 1e-12) return '3/4';
  return String(Number(g.toFixed(4)));
}

/** "init: nn.init.kaiming_normal_(w, nonlinearity='relu') (gain √2)"; SELU's note; PyTorch's convention. */
function initLine(id: string, params?: Record<string, number>): string {
  const r = initFor(id, params);
  let line = `init: ${r.pytorch} (gain ${showGain(r.callGain)})`;
  if (Math.abs(r.callGain - r.gain) > 1e-9) line += `; variance-preserving gain ${showGain(r.gain)}`;
  if (r.scheme === 'lecun') line += `; Keras ${r.keras}, JAX ${r.jax}, TF.js ${r.tfjs}`;
  else line += `; Keras ${r.keras}`;
  if (r.note) line += ` — ${r.note}`;
  return line;
}

/** "Leaky ReLU (alpha = 0.2)". */
function itemLabel(item: SignalItem): string {
  const entry = entryFor(item.id);
  const ps = Object.entries(item.params).map(([k, v]) => `${k} = ${v}`);
  return ps.length ? `${entry.title} (${ps.join(', ')})` : entry.title;
}

/** Every selected activation's series; edges only for those not in `haveEdges` (keys from itemKey). */
export function computeSignal(state: SignalViewState, haveEdges: readonly string[] = []): SignalSeries[] {
  const maxB2 = EDGE_MAX_SIGMA_B2;
  return state.items.map((item) => {
    const entry = entryFor(item.id);
    resolveParams(entry, item.params);
    const r = signalPropagation({ id: item.id, params: item.params, sigmaW2: state.sigmaW2, sigmaB2: state.sigmaB2, q0: state.q0, depth: SIGNAL_LIMITS.depth });
    const series: SignalSeries = {
      id: item.id,
      label: itemLabel(item),
      q: r.q,
      qStar: r.qStar,
      chi1: r.chi1,
      gain: r.gain,
      phase: r.phase,
      xiQ: r.xiQ,
      xiC: r.xiC,
      gradients: gradientReadout(r.chi1, r.phase),
      init: initLine(item.id, item.params),
    };
    if (haveEdges.includes(itemKey(item))) return series;
    return { ...series, edge: edgeOfChaosCurve(item.id, item.params, { maxSigmaB2: maxB2 }) };
  });
}
