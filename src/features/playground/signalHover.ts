/**
 * The hover's signal-propagation line for an elementwise activation: the initialisation it implies, with
 * PyTorch's spelling and gain, SELU's self-normalising note, and a link that opens the Signal Propagation view
 * with this activation and its parameters, e.g.
 *
 *   init: `nn.init.kaiming_normal_(w, nonlinearity='relu')` (gain √2) · [Signal propagation](command:…)
 *
 * Empty for losses and vector activations. Pure: no 'vscode' (the hover's Markdown builder calls it).
 */
import { checkParam } from '../../core/api';
import { entryFor } from '../../core/catalogue';
import { initFor } from '../../core/signal/gain';
import { shapeOf } from '../../core/signal/shapes';
import type { Params } from '../../core/functionTypes';

const cache = new Map<string, string>();

function gainText(g: number): string {
  if (Math.abs(g - Math.SQRT2) < 1e-12) return '√2';
  if (Math.abs(g - 5 / 3) < 1e-12) return '5/3';
  if (Math.abs(g - 0.75) < 1e-12) return '3/4';
  return String(Number(g.toFixed(4)));
}

export function signalHoverLine(id: string, params: Params): string {
  const key = JSON.stringify([id, params]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let line = '';
  const entry = entryFor(id);
  // Parameters out of range (the hover says so where the plot would be) imply no initialisation.
  const inRange = entry.params.every((spec) => !(spec.name in params) || checkParam(spec, params[spec.name]) === undefined);
  if (entry.kind === 'activation' && entry.def.shape === 'elementwise' && inRange && shapeOf(id, params)) {
    const r = initFor(id, { ...params });
    const args = encodeURIComponent(JSON.stringify([{ id, params }]));
    const parts = [`init: \`${r.pytorch}\` (gain ${gainText(r.callGain)})`];
    if (r.scheme === 'lecun') parts.push('self-normalising with `lecun_normal` and `AlphaDropout`');
    else if (Math.abs(r.callGain - r.gain) > 1e-9) parts.push(`variance-preserving gain ${gainText(r.gain)}`);
    parts.push(`[Signal propagation](command:formulaPlayground.signalPropagation?${args})`);
    line = parts.join(' · ');
  }
  cache.set(key, line);
  return line;
}
