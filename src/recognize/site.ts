import type { Framework, FrameworkName } from '../core/functionTypes';

/** Where a parameter's value comes from. */
export interface ParamSource {
  /**
   * 'code': a literal in the call; 'name': a name bound to a literal in scope (`text` says which and where);
   * 'unknown': set in code by something whose value is not known here (`text` is what the code writes);
   * 'gate': switched off by another argument (Keras' apply_class_balancing=False turns focal α off; `text` says which).
   */
  readonly from: 'code' | 'name' | 'unknown' | 'gate';
  readonly text: string;
}

/** A catalogue function found in source text, with the parameters the code gives it. */
export interface FunctionRef {
  /** Catalogue id, e.g. 'leaky_relu'. */
  readonly id: string;
  /** Parameters in effect: the framework's defaults overlaid with the arguments written in the code. */
  readonly params: Readonly<Record<string, number>>;
  /** Names of the parameters that the code sets explicitly to a known value (the rest are defaults or unknown). */
  readonly explicit: readonly string[];
  /** Offsets into the text of the recognised name (what the hover highlights), end exclusive. */
  readonly range: { readonly start: number; readonly end: number };
  /** The name as written in the code, e.g. 'nn.LeakyReLU' or '"relu"'. */
  readonly written: string;
  /** The framework it was resolved to, when known (plain `def sigmoid(x)` has none). */
  readonly framework?: Framework;
  /** The catalogue's framework entry it matched, when known. */
  readonly frameworkName?: FrameworkName;
  /**
   * Parameters the code sets to something whose value is not known here (`nn.LeakyReLU(slope)` with `slope`
   * computed): parameter → what the code writes. `params` then holds the default, which is NOT in effect.
   */
  readonly unknown?: Readonly<Record<string, string>>;
  /** Where each explicitly given parameter comes from. */
  readonly sources?: Readonly<Record<string, ParamSource>>;
  /** The document's own implementation of the function, compared with the catalogue's (own definitions only). */
  readonly implementation?: {
    readonly status: 'matches' | 'differs' | 'unchecked';
    readonly message: string;
    readonly traps: readonly string[];
  };
}

/** How a site names its function. */
export type SiteForm =
  | 'call' // F.relu(x), nn.ReLU(), a reference nn.GELU
  | 'method' // x.softmax(-1) (PyTorch tensor method)
  | 'attribute' // self.act(x) / this.act.apply(x), resolved to its assignment
  | 'alias' // act(x) where act = nn.GELU() or partial(...)
  | 'partial' // partial(nn.LeakyReLU, negative_slope=0.2)
  | 'string' // activation="relu", get_act_layer("silu")
  | 'definition' // def sigmoid(x): …
  | 'plain'; // sigmoid(out) with no framework

/** A call site (or reference) of the document model, resolved to a catalogue function. */
export interface Site extends FunctionRef {
  readonly form: SiteForm;
  /** The canonical name of the table row (`torch.nn.LeakyReLU`), when resolved through the table. */
  readonly canonical?: string;
  /** The call this site is the callee of (index into the model's calls), or -1. */
  readonly call: number;
  /** For form 'attribute' / 'alias': the site of the assignment it resolves to. */
  readonly target?: Site;
  /** The document's own definition of a plain name (index into the model's definitions), when there is one. */
  readonly definition?: number;
}
