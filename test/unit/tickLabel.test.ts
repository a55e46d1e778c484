/**
 * The charts' axis labels (webview/shared/numberText.ts tickLabel) are written without Intl.NumberFormat, whose
 * first use costs a fresh page tens of milliseconds; they must read as Chart.js's own numeric tick formatter
 * writes them in English. Compared here on tick sets laid out as Chart.js lays them out (a nice step of
 * 1, 2, 2.5 or 5 × 10^k, values rounded to the step's decimals) over ranges from 1e-4 to 1e15 wide.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Ticks } from 'chart.js';
import { formatValue, tickLabel } from '../../webview/shared/numberText';

/** Chart.js's formatter as a chart with the English locale calls it. */
function chartJsLabel(value: number, ticks: { value: number }[]): string {
  const scale = { chart: { options: { locale: 'en-US' } }, options: { ticks: { format: {} } } };
  return String(Ticks.formatters.numeric.call(scale as never, value, ticks.indexOf(ticks.find((t) => t.value === value)!), ticks as never));
}

function niceTicks(start: number, span: number, count: number, mantissa: number): { value: number }[] {
  const exponent = Math.floor(Math.log10(span / count));
  const step = mantissa * 10 ** exponent;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + (mantissa === 2.5 ? 1 : 0));
  const first = Math.ceil(start / step);
  const out: { value: number }[] = [];
  for (let i = 0; i <= count; i++) out.push({ value: Number(((first + i) * step).toFixed(decimals)) });
  return out;
}

describe('chart tick labels without Intl', () => {
  it('read as Chart.js writes them in English, over ranges from 1e-4 to 1e15 wide', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: -3, max: 14 }),
        fc.integer({ min: 1, max: 11 }),
        fc.constantFrom(1, 2, 2.5, 5),
        (start, spanExponent, count, mantissa) => {
          const ticks = niceTicks(start, 10 ** spanExponent, count, mantissa);
          const largest = Math.max(Math.abs(ticks[0].value), Math.abs(ticks[ticks.length - 1].value));
          for (const { value } of ticks) {
            const ours = tickLabel(value, ticks);
            if (largest < 1e-4 || largest > 1e15) assert.equal(ours, value === 0 ? '0' : formatValue(value));
            else assert.equal(ours, chartJsLabel(value, ticks), `${value} among ${ticks.map((t) => t.value).join(', ')}`);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a lone tick, zero, negatives and thousands', () => {
    const cases: [number, number[]][] = [
      [0.5, [0.5]],
      [0, [-1, 0, 1]],
      [-1234.5, [-1234.5, -1234, -1233.5]],
      [1500000, [0, 500000, 1000000, 1500000]],
      [-0.25, [-0.5, -0.25, 0, 0.25]],
      [2.5, [1, 2, 3, 4]],
    ];
    for (const [value, values] of cases) {
      const ticks = values.map((v) => ({ value: v }));
      assert.equal(tickLabel(value, ticks), chartJsLabel(value, ticks), `${value} among ${values.join(', ')}`);
    }
  });
});
