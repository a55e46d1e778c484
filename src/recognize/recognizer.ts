/**
 * recognize(text, offset, languageId): the catalogue function named under the cursor, with the parameters
 * its call site gives it — a query on the document model (model.ts), which is built once per version.
 *
 * What fires: qualified names through any import alias or a conventional one (`F.leaky_relu`, `nn.LeakyReLU`,
 * `keras.losses.Huber`, `jax.nn.gelu`, `optax.huber_loss`, `tf.layers.leakyReLU`); PyTorch tensor methods
 * (`logits.softmax(-1)`) in files that import torch; `self.act(x)` / `this.act.apply(x)` resolved to their
 * assignment; names bound to a framework call or a `partial(...)`; string names as the value of an activation /
 * loss key and PyTorch Image Models' activation names; catalogue names used plainly (definitions, calls,
 * references to a name the document defines); doctest lines inside docstrings.
 * What does not: identifiers that merely contain a name (`relu_count`), members of other objects, other
 * strings, comments and prose.
 */
import { languageFamily } from './model';
import { ModelCache } from './documentModel';
import type { FunctionRef } from './site';

export { languageFamily };

/** Identifies one version of one document, so its model is built once. */
export interface DocumentVersion {
  readonly key: string;
  readonly version: number;
}

export interface Recognizer {
  /** The function under `offset`, or undefined. Pass `document` to key the cache by document and version. */
  recognize(text: string, offset: number, languageId: string, document?: DocumentVersion): FunctionRef | undefined;
  /** Forget every cached document. */
  clear(): void;
}

/** A recognizer with a small LRU cache of document models (`capacity` documents). */
export function createRecognizer(capacity = 8): Recognizer {
  const cache = new ModelCache(capacity);
  return {
    recognize(text, offset, languageId, document) {
      if (typeof text !== 'string' || !Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined;
      return cache.get(text, languageId, document)?.siteAt(offset);
    },
    clear() {
      cache.clear();
    },
  };
}

const shared = createRecognizer(4);

/** The catalogue function named at `offset` in `text`, with its parameters; undefined when there is none. */
export function recognize(text: string, offset: number, languageId: string): FunctionRef | undefined {
  return shared.recognize(text, offset, languageId);
}
