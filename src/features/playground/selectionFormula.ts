/**
 * Plot Selection's translation: the selected code (Python or JavaScript, as the editor's language) into a
 * formula the playground compiles, or one error message that quotes the user's own text. A translation
 * error's span is in the selection and is quoted from it; a compile error's span is in the translated
 * formula, so its text is quoted only when the user wrote the very same characters once in the selection
 * (`F.leaky_relu(x, -1)` → at "-1"), never by offset into text it does not belong to. Pure: no 'vscode'.
 */
import { formulaFromCode, FormulaError } from '../../core/formula';
import type { CodeContext } from '../../core/formula/fromCode';
import { messageOf } from '../../host/errorMessage';
import { checkFormula } from './evaluateSeries';

/** `context`: the document model's imports and constants where the selection is (codeContextAt in src/recognize). */
export function formulaFromSelection(text: string, languageId: string, context?: CodeContext): { readonly formula: string } | { readonly error: string } {
  const cannot = (detail: string) => ({ error: `Plot Selection: cannot plot \`${text}\`: ${detail}` });
  let formula: string;
  try {
    formula = formulaFromCode(text, languageId, context);
  } catch (error) {
    const part = error instanceof FormulaError && error.end > error.start && error.end - error.start < text.length ? text.slice(error.start, error.end) : undefined;
    return cannot(`${messageOf(error)}${part === undefined ? '' : ` (at "${part}")`}`);
  }
  try {
    checkFormula(formula);
  } catch (error) {
    const piece = error instanceof FormulaError && error.end > error.start ? formula.slice(error.start, error.end) : '';
    const at = piece ? text.indexOf(piece) : -1;
    const unique = at >= 0 && text.indexOf(piece, at + 1) < 0 && piece.length < text.length;
    return cannot(`${messageOf(error)}${unique ? ` (at "${piece}")` : ''}`);
  }
  return { formula };
}
