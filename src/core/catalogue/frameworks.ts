import type { FrameworkName } from '../types';

/** Catalogue id → how each framework spells it. */
export const frameworkNames: Readonly<Record<string, readonly FrameworkName[]>> = {};
