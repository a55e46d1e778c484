/**
 * Work done in slices: generators that yield between small pieces of work, so that gradcheckIncremental can
 * stop after about a budget of milliseconds and an extension host can answer a hover or a Cancel in between.
 * No piece may be long: a pass over a 1e6-point grid (tens of milliseconds, hundreds for several passes) is
 * cut into slices of PASS_SLICE elements.
 */

/** Work done in slices: yields progress in [0, 1] or undefined (no news) between slices, returns T at the end. */
export type Work<T> = Generator<number | undefined, T, void>;

/** Elements of an array pass between yields: about a millisecond of simple arithmetic per slice. */
const PASS_SLICE = 1 << 15;

/** `body(lo, hi)` over [from, to) in slices of PASS_SLICE elements, yielding between slices. */
export function* pass(from: number, to: number, body: (lo: number, hi: number) => void): Generator<undefined, void, void> {
  for (let lo = from; lo < to; lo += PASS_SLICE) {
    if (lo > from) yield;
    body(lo, Math.min(to, lo + PASS_SLICE));
  }
}

/** `work` with each of its yields reported as `fraction` (a phase that cannot tell its own progress). */
export function* at<T>(fraction: number, work: Generator<undefined, T, void>): Work<T> {
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return step.value;
    yield fraction;
  }
}

/** The parts one after another, each part's progress rescaled into its share of the whole. */
export function* inSequence<T>(parts: readonly (() => Work<T>)[]): Work<T[]> {
  const out: T[] = [];
  for (let k = 0; k < parts.length; k++) {
    const work = parts[k]();
    for (let step = work.next(); ; step = work.next()) {
      if (step.done) {
        out.push(step.value);
        break;
      }
      yield step.value === undefined ? undefined : (k + step.value) / parts.length;
    }
  }
  return out;
}
