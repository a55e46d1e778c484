/**
 * The pairing lints (issue 17): activation/loss mistakes that do not raise an error but make a model train
 * badly. Pure: text in, diagnostics and quick-fix edits out (offsets into the text). docs/lints.md.
 */
import { documentModel } from '../recognize/documentModel';
import type { DocumentModel } from '../recognize/model';
import { Resolver } from './lintResolver';
import { runRules } from './rules';
import type { LintDiagnostic, RuleSwitches } from './lintTypes';

export * from './lintTypes';

const LANGUAGES: ReadonlySet<string> = new Set(['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact']);

/** Languages the lints read. */
export function lintsLanguage(languageId: string): boolean {
  return LANGUAGES.has(languageId);
}

/** Identifies a document version, so the lints and the hover share one model of it. */
export interface LintDocument {
  readonly key: string;
  readonly version: number;
}

/**
 * Lints one document; `rules` turns single codes off. Unknown languages give no diagnostics. A large document
 * (read in windows, src/recognize/windowedModel.ts) is linted where it is shown: see lintVisible; here, its start.
 */
export function lintText(text: string, languageId: string, rules: RuleSwitches = {}, document?: LintDocument): LintDiagnostic[] {
  return lintVisible(text, languageId, [{ start: 0, end: 0 }], rules, document).diagnostics;
}

/** Windows of a large document linted per call: each costs about what a whole 64 KB document does. */
const LINT_WINDOWS_PER_CALL = 2;

/** Per version of a large document (its model): the diagnostics of each window linted, by the window's span. */
const linted = new WeakMap<DocumentModel, Map<string, LintDiagnostic[]>>();

/**
 * Lints the parts of a document that are shown (`ranges`, offsets). A document read whole is linted whole. A
 * large one is linted window by window (the top-level statements around each range), at most
 * LINT_WINDOWS_PER_CALL windows a call, each once per version: the diagnostics are every window's linted so far
 * in this version, and `more` says that windows over `ranges` are left for another call.
 */
export function lintVisible(
  text: string,
  languageId: string,
  ranges: readonly { readonly start: number; readonly end: number }[],
  rules: RuleSwitches = {},
  document?: LintDocument,
): { diagnostics: LintDiagnostic[]; more: boolean } {
  if (!lintsLanguage(languageId)) return { diagnostics: [], more: false };
  const model = documentModel(text, languageId, document?.version, document?.key);
  if (!model) return { diagnostics: [], more: false };
  const on = (d: LintDiagnostic) => rules[d.code] !== false;
  if (!model.windowed) return { diagnostics: runRules(new Resolver(model)).filter(on), more: false };
  let done = linted.get(model);
  if (!done) linted.set(model, (done = new Map()));
  let budget = LINT_WINDOWS_PER_CALL;
  let more = false;
  for (const range of ranges) {
    for (let at = Math.max(0, range.start); ; ) {
      const window = model.windowAt(at);
      const { start, end } = window.span;
      const key = `${start}-${end}`;
      if (!done.has(key)) {
        if (budget === 0) {
          more = true;
          break;
        }
        budget--;
        // Only what lies in the window's own span: its binding statements are linted in their own windows.
        done.set(key, window === model ? [] : runRules(new Resolver(window)).filter((d) => start <= d.range.start && d.range.start < end));
      }
      if (end >= Math.min(range.end, text.length) || end <= at) break;
      at = end;
    }
  }
  // Windows rebuilt around other offsets can overlap: each diagnostic once.
  const seen = new Set<string>();
  const diagnostics = [...done.values()]
    .flat()
    .filter((d) => {
      const key = `${d.code}@${d.range.start}-${d.range.end}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    })
    .sort((a, b) => a.range.start - b.range.start);
  return { diagnostics: diagnostics.filter(on), more };
}

/** A notebook cell's place in the joined text. */
export interface CellSpan {
  readonly cell: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Lints notebook cells as one program in execution order (imports and names flow from earlier cells).
 * Returns the joined text's diagnostics and where each cell sits in it, to map ranges back.
 */
export function lintCells(cells: readonly string[], rules: RuleSwitches = {}): { diagnostics: LintDiagnostic[]; spans: CellSpan[]; text: string } {
  const spans: CellSpan[] = [];
  let text = '';
  cells.forEach((cell, index) => {
    const start = text.length;
    text += cell;
    spans.push({ cell: index, start, end: text.length });
    text += '\n\n';
  });
  return { diagnostics: lintText(text, 'python', rules), spans, text };
}
