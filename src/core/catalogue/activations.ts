import type { ActivationDoc } from './docTypes';

export const activationDocs: readonly ActivationDoc[] = [];
