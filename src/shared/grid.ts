/**
 * The one grid: `points` evenly spaced values from lo to hi, both ends exact. Every x axis the extension
 * draws (playground lines, results-view lines, hover sparklines) and every x the webviews label comes from
 * this, so a value the host computed and the x the webview prints for it agree to the last bit.
 */

/** x_i = lo + (hi − lo)·i/(n − 1), with x_{n−1} = hi exactly. */
export function gridPoint(lo: number, hi: number, points: number, i: number): number {
  return i === points - 1 ? hi : lo + ((hi - lo) * i) / (points - 1);
}

export function linspace(lo: number, hi: number, points: number): Float64Array {
  const xs = new Float64Array(points);
  for (let i = 0; i < points; i++) xs[i] = gridPoint(lo, hi, points, i);
  return xs;
}
