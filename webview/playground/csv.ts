/**
 * CSV of what the chart shows: x and every visible line, one row per sample. Numbers are written in
 * JavaScript's shortest round-trip form (so parsing the file gives back the same doubles), NaN as an
 * empty cell, ±∞ as Infinity / -Infinity and −0 as -0.
 */

export interface CsvColumn {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

export function toCsv(x: ArrayLike<number>, columns: readonly CsvColumn[]): string {
  for (const c of columns) {
    if (c.values.length !== x.length) throw new Error(`CSV column '${c.name}' has ${c.values.length} values, expected ${x.length} (one per x)`);
  }
  const rows = [['x', ...columns.map((c) => c.name)].map(quote).join(',')];
  for (let i = 0; i < x.length; i++) {
    let row = formatNumber(x[i]);
    for (const c of columns) row += `,${formatNumber(c.values[i])}`;
    rows.push(row);
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return '';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
