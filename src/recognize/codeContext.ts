/**
 * What Plot Selection needs from the document model: the document's imports (so `L.relu` resolves the way
 * the hover resolves it), the names bound to numbers where the selection is (`slope = 0.2`), and the callees
 * resolved to an assignment (`self.act(h)` with `self.act = nn.GELU(approximate="tanh")`).
 */
import type { CodeContext } from '../core/formula/fromCode';
import type { DocumentModel } from './model';

/**
 * The context of a selection `selected` starting at `offset` in the model's document. A large document's
 * model answers from the window at the selection (its imports and bindings included): the imports come from it.
 */
export function codeContextAt(document: DocumentModel, offset: number, selected: string): CodeContext {
  const model = document.windowAt(offset);
  const constants = new Map<string, number>();
  const names = selected.match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? [];
  for (const name of new Set(names)) {
    const binding = model.bindingAt(name, offset);
    if (binding && binding.value.kind === 'number') constants.set(name, binding.value.value);
  }
  // `self.act(h)`, `act(h)`, `this.act.apply(h)`: callees the model resolves to their assignment. The
  // selection may start with whitespace; a callee counts only where the document has the same text.
  const callees = new Map<string, { id: string; params: Readonly<Record<string, number>> }>();
  let base = offset;
  const text = document.text;
  while (base < text.length && base < offset + MAX_LEADING_SPACE && /\s/.test(text[base])) base++;
  const lead = selected.length - selected.trimStart().length;
  for (const m of selected.matchAll(CALLEE)) {
    const at = base + (m.index ?? 0) - lead;
    if (!text.startsWith(m[0], at)) continue;
    const nameEnd = m[0].endsWith('.apply') ? m[0].length - '.apply'.length : m[0].length;
    const site = document.siteAt(at + nameEnd - 1);
    if (site && (site.form === 'attribute' || site.form === 'alias') && !site.unknown) callees.set(m[0], { id: site.id, params: site.params });
  }
  return { aliases: model.syntax.imports.aliases, constants, callees };
}

/** `self.NAME(`, `this.NAME.apply(`, `NAME(`: a callee the model may resolve to an assignment. */
const CALLEE = /(?<![\w$.])(?:(?:self|this)\.)?[A-Za-z_$][\w$]*(?:\.apply)?(?=\s*\()/g;
const MAX_LEADING_SPACE = 10_000;
