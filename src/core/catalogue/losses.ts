import type { LossDoc } from './docTypes';

export const lossDocs: readonly LossDoc[] = [];
