/**
 * The one place the Formula view asks the document model what is under the cursor. It reads the code the
 * way the hover does (src/features/hover/hoverProvider.ts): the same recognizer, cached per document
 * version. When the document model's query API (issue 16, /tmp/team/MODEL_API) lands, this function is the
 * only line that changes. Pure: no 'vscode'.
 */
import { createRecognizer, languageFamily } from '../../recognize';
import type { FunctionRef } from '../../recognize/types';

const recognizer = createRecognizer(8);

/** The recognised call (activation, loss, attribute use, tensor method, own implementation) at `offset`. */
export function siteAt(text: string, offset: number, languageId: string, key: string, version: number): FunctionRef | undefined {
  return recognizer.recognize(text, offset, languageId, { key, version });
}

/** 'python' or 'js' for a language the recognizer reads, else undefined. */
export function familyOf(languageId: string): 'python' | 'js' | undefined {
  return languageFamily(languageId);
}
