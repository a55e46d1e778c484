/**
 * The recognizer's public surface: the document model of a document version (sites, syntax, bindings) and
 * the cursor query the hover uses.
 */
export { recognize, createRecognizer, languageFamily } from './recognizer';
export type { Recognizer, DocumentVersion } from './recognizer';
export { buildModel } from './model';
export { documentModel } from './documentModel';
export { codeContextAt } from './codeContext';
export type { DocumentModel } from './model';
export type { FunctionRef, Site, SiteForm, ParamSource } from './site';
export type { Syntax, Call, Chain, Arg, Value, Scope, Binding, Definition, Imports } from './syntax';
