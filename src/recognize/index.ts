/**
 * The recognizer's public surface: find the activation or loss named at a cursor position in Python,
 * JavaScript or TypeScript source, with the parameters its call site gives it.
 */
export { recognize, createRecognizer, languageFamily } from './recognizer';
export type { Recognizer, DocumentVersion } from './recognizer';
export type { FunctionRef } from './types';
