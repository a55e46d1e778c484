/**
 * Numbers as the charts write them, without Intl (pure: unit-tested in Node): formatValue for values
 * (tooltips, tables), tickLabel for axis ticks.
 */

/** Four significant digits, exponent form for tiny or huge magnitudes. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'undefined';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(3);
}

/**
 * An axis label as Chart.js's own numeric tick formatter writes it in English (as many decimals as the tick
 * spacing needs, thousands grouped with commas), without Intl.NumberFormat: the first one a page creates
 * loads ICU's number data, 27–180 ms (median ~47 ms) in a fresh Chromium page on this machine, which made
 * most of the first chart's time over a blank page. Ticks beyond 1e15 or all below 1e-4 in magnitude use
 * formatValue's exponent form (Chart.js would switch to scientific notation there too).
 */
export function tickLabel(value: number, ticks: readonly { value: number }[]): string {
  if (value === 0) return '0';
  let delta = value;
  if (ticks.length > 1) {
    const largest = Math.max(Math.abs(ticks[0].value), Math.abs(ticks[ticks.length - 1].value));
    if (largest < 1e-4 || largest > 1e15) return formatValue(value);
    // Chart.js's spacing: between the middle ticks, or the fraction of a non-integer tick when ticks are ≥ 1 apart.
    delta = ticks.length > 3 ? ticks[2].value - ticks[1].value : ticks[1].value - ticks[0].value;
    if (Math.abs(delta) >= 1 && value !== Math.floor(value)) delta = value - Math.floor(value);
  }
  const log = Math.log10(Math.abs(delta));
  const decimals = Number.isNaN(log) ? 1 : Math.max(Math.min(-Math.floor(log), 20), 0);
  const [whole, fraction] = fixed(value, decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * `value` with `decimals` decimals, rounded half away from zero from its shortest decimal form (what Intl
 * does: 0.075 → 0.08, where toFixed rounds the binary value 0.07499… to 0.07).
 */
function fixed(value: number, decimals: number): string {
  const text = String(Math.abs(value));
  if (text.includes('e')) return value.toFixed(decimals);
  const [whole, fraction = ''] = text.split('.');
  let digits = whole + fraction.slice(0, decimals).padEnd(decimals, '0');
  if (fraction.length > decimals && fraction[decimals] >= '5') digits = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  const cut = digits.length - decimals;
  const rounded = decimals > 0 ? `${digits.slice(0, cut) || '0'}.${digits.slice(cut)}` : digits;
  return value < 0 ? `-${rounded}` : rounded;
}
