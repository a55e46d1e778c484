import type { ActivationDef, FunctionFacts, LossDef } from '../functionTypes';

/** A catalogue row as a family's file writes it: everything but the framework names (and the prose, prose.ts). */
export type ActivationDoc = Omit<FunctionFacts, 'frameworks' | 'kind'> & {
  readonly kind: 'activation';
  readonly def: ActivationDef;
};
export type LossDoc = Omit<FunctionFacts, 'frameworks' | 'kind'> & { readonly kind: 'loss'; readonly def: LossDef };
