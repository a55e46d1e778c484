import type { Framework, FrameworkName } from '../core/types';

/** A catalogue function found in source text, with the parameters the code gives it. */
export interface FunctionRef {
  /** Catalogue id, e.g. 'leaky_relu'. */
  readonly id: string;
  /** Parameters in effect: the framework's defaults overlaid with the arguments written in the code. */
  readonly params: Readonly<Record<string, number>>;
  /** Names of the parameters that the code sets explicitly (the rest are defaults). */
  readonly explicit: readonly string[];
  /** Offsets into the text of the recognised name (what the hover highlights), end exclusive. */
  readonly range: { readonly start: number; readonly end: number };
  /** The name as written in the code, e.g. 'nn.LeakyReLU' or '"relu"'. */
  readonly written: string;
  /** The framework it was resolved to, when known (plain `def sigmoid(x)` has none). */
  readonly framework?: Framework;
  /** The catalogue's framework entry it matched, when known. */
  readonly frameworkName?: FrameworkName;
}
