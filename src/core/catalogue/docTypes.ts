import type { ActivationDef, FunctionInfo, LossDef } from '../functionTypes';

/** A catalogue row as a family's documentation file writes it: everything but the framework names. */
export type ActivationDoc = Omit<FunctionInfo, 'frameworks' | 'kind'> & {
  readonly kind: 'activation';
  readonly def: ActivationDef;
};
export type LossDoc = Omit<FunctionInfo, 'frameworks' | 'kind'> & { readonly kind: 'loss'; readonly def: LossDef };
