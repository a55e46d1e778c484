/**
 * The comparison of a document's own implementation (`def sigmoid(x): return 1 / (1 + np.exp(-x))`) with the
 * catalogue function of its name is plugged in rather than imported: it needs the formula compiler, which the
 * extension's host bundle does not carry. The features bundle plugs ownImplementation.ts's check in when it
 * loads, right after activation (src/features/lazy.ts); tests and scripts plug it in themselves. Until then an
 * own definition resolves without a comparison, and the hover waits for one (whenCheckerPlugged).
 */
import type { Definition, Syntax } from './syntax';

export interface ImplementationCheck {
  readonly status: 'matches' | 'differs' | 'unchecked';
  /** One line for the hover, plain text with `code` spans. */
  readonly message: string;
  /** Numeric traps found in the body (each one line). */
  readonly traps: readonly string[];
}

/** Checks definition `d` of `syntax` against catalogue function `id`. Never throws. */
export type ImplementationChecker = (syntax: Syntax, d: Definition, id: string) => ImplementationCheck;

let current: ImplementationChecker | undefined;
let plugged: () => void = () => undefined;
const pluggedIn = new Promise<void>((resolve) => {
  plugged = resolve;
});

/** Plugs `checker` in (undefined unplugs it: tests only). */
export function plugImplementationChecker(checker: ImplementationChecker | undefined): void {
  current = checker;
  if (checker) plugged();
}

export function implementationChecker(): ImplementationChecker | undefined {
  return current;
}

/** Resolves once a checker is plugged in, or after `waitMs` (false then). */
export function whenCheckerPlugged(waitMs: number): Promise<boolean> {
  if (current) return Promise.resolve(true);
  return Promise.race([pluggedIn.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), waitMs))]);
}
