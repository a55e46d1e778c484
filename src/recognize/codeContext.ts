/**
 * What Plot Selection needs from the document model: the document's imports (so `L.relu` resolves the way
 * the hover resolves it) and the names bound to numbers where the selection is (`slope = 0.2`).
 */
import type { CodeContext } from '../core/formula/fromCode';
import type { DocumentModel } from './model';

/** The context of a selection `selected` starting at `offset` in the model's document. */
export function codeContextAt(model: DocumentModel, offset: number, selected: string): CodeContext {
  const constants = new Map<string, number>();
  const names = selected.match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? [];
  for (const name of new Set(names)) {
    const binding = model.bindingAt(name, offset);
    if (binding && binding.value.kind === 'number') constants.set(name, binding.value.value);
  }
  return { aliases: model.syntax.imports.aliases, constants };
}
