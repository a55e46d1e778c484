import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatNumber, toCsv } from '../../webview/playground/csv';

/** Parses what toCsv writes (quoted header fields, plain numbers) back into cells. */
function parse(csv: string): string[][] {
  return csv
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const cells: string[] = [];
      const re = /("([^"]|"")*"|[^,]*)(,|$)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) && m[0] !== '') {
        const cell = m[1];
        cells.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
        if (m[3] === '') break;
      }
      return cells;
    });
}

describe('CSV export', () => {
  it('writes a header of x and each visible line, then one row per x', () => {
    const csv = toCsv([0, 1], [
      { name: 'Sigmoid', values: [0.5, 0.7310585786300049] },
      { name: 'Sigmoid′', values: [0.25, 0.19661193324148185] },
    ]);
    assert.equal(csv, 'x,Sigmoid,Sigmoid′\r\n0,0.5,0.25\r\n1,0.7310585786300049,0.19661193324148185\r\n');
  });

  it('writes only x when no line is visible', () => {
    assert.equal(toCsv([1, 2], []), 'x\r\n1\r\n2\r\n');
  });

  it('quotes names with commas and quotes', () => {
    const csv = toCsv([0], [{ name: 'Leaky ReLU (alpha=0.2, "β")', values: [0] }]);
    assert.equal(csv.split('\r\n')[0], 'x,"Leaky ReLU (alpha=0.2, ""β"")"');
    assert.deepEqual(parse(csv)[0], ['x', 'Leaky ReLU (alpha=0.2, "β")']);
  });

  it('writes NaN as an empty cell, ±∞ as Infinity and keeps the sign of −0', () => {
    assert.equal(toCsv([0, 1, 2, 3], [{ name: 'f', values: [NaN, Infinity, -Infinity, -0] }]), 'x,f\r\n0,\r\n1,Infinity\r\n2,-Infinity\r\n3,-0\r\n');
  });

  it('refuses a column whose length does not match x', () => {
    assert.throws(() => toCsv([0, 1], [{ name: 'f', values: [1] }]), /CSV column 'f' has 1 values, expected 2/);
  });

  it('round-trips every double exactly, subnormals and extremes included', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 50 }), (values) => {
        const xs = values.map((_, i) => i / 7);
        const rows = parse(toCsv(xs, [{ name: 'f', values }])).slice(1);
        rows.forEach(([x, y], i) => {
          assert.ok(Object.is(Number(x), xs[i]));
          const back = y === '' ? NaN : Number(y);
          assert.ok(Object.is(back, values[i]), `${values[i]} came back as ${back}`);
        });
      }),
      { numRuns: 200 },
    );
    for (const v of [5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, 0.1 + 0.2, 1e21, 1e-7]) assert.ok(Object.is(Number(formatNumber(v)), v));
  });
});
