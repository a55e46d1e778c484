/**
 * Error in units in the last place of the reference, the measure every accuracy test uses.
 * ulp(ref) is the spacing of doubles at |ref|; below the normal range it is the subnormal spacing 5e-324.
 */
const buffer = new DataView(new ArrayBuffer(8));

function ulp(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return NaN;
  if (a < 2.2250738585072014e-308) return 5e-324;
  buffer.setFloat64(0, a);
  const hi = buffer.getUint32(0);
  const lo = buffer.getUint32(4);
  // The next double up differs by one in the last bit of the significand.
  if (lo === 0xffffffff) {
    buffer.setUint32(0, hi + 1);
    buffer.setUint32(4, 0);
  } else buffer.setUint32(4, lo + 1);
  return buffer.getFloat64(0) - a;
}

/** |got − ref| in ulps of ref; 0 when both are the same infinity or both NaN. */
export function ulpError(got: number, ref: number): number {
  if (Number.isNaN(ref)) return Number.isNaN(got) ? 0 : Infinity;
  if (!Number.isFinite(ref)) return got === ref ? 0 : Infinity;
  if (Number.isNaN(got) || !Number.isFinite(got)) return Infinity;
  if (got === ref) return 0;
  return Math.abs(got - ref) / ulp(ref);
}

/** Parses a fixture number written as a decimal string ("1.9287e-22", "inf", "-inf", "nan"). */
export function parseFixtureNumber(s: string | number): number {
  if (typeof s === 'number') return s;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  if (s === 'nan') return NaN;
  return Number(s);
}
