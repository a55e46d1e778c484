/** Binary search over the document model's sorted offset arrays (lines, statements, chains, strings). */

/** The last index i in [0, count) with key(i) <= value, or -1; key must not decrease with i. */
export function lastAtOrBelow(count: number, key: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
