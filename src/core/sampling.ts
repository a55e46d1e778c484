/**
 * The one grid and the one seeded random source, pure so that every layer can use them: the core's
 * gradient checks, the extension host and the webviews (through src/shared/grid.ts), the benches and the
 * tests. One grid means the x the host computed at and the x a webview labels agree to the last bit.
 */

/** x_i = lo + (hi − lo)·i/(n − 1), with x_{n−1} = hi exactly (not lo + (hi − lo)·1 rounded). */
export function gridPoint(lo: number, hi: number, points: number, i: number): number {
  return i === points - 1 ? hi : lo + ((hi - lo) * i) / (points - 1);
}

/** `points` evenly spaced values from lo to hi, both ends exact. */
export function linspace(lo: number, hi: number, points: number): Float64Array {
  const xs = new Float64Array(points);
  linspaceInto(xs, lo, hi, 0, points);
  return xs;
}

/** Grid points start … end − 1 of linspace(lo, hi, xs.length), written into xs (so a long grid can be filled in slices). */
export function linspaceInto(xs: Float64Array, lo: number, hi: number, start: number, end: number): void {
  const points = xs.length;
  for (let i = start; i < end; i++) xs[i] = gridPoint(lo, hi, points, i);
}

/**
 * Uniform numbers in [0, 1) from a 32-bit state (mulberry32: small, fast, and the same sequence for the same
 * state everywhere), so random test vectors and benchmark data repeat from run to run.
 */
export function mulberry32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
