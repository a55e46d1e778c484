/**
 * The pairing lints (issue 17): activation/loss mistakes that do not raise an error but make a model train
 * badly. Pure: text in, diagnostics and quick-fix edits out (offsets into the text). docs/lints.md.
 */
import { documentModel } from '../recognize/model';
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

/** Lints one document; `rules` turns single codes off. Unknown languages give no diagnostics. */
export function lintText(text: string, languageId: string, rules: RuleSwitches = {}, document?: LintDocument): LintDiagnostic[] {
  if (!lintsLanguage(languageId)) return [];
  const model = documentModel(text, languageId, document?.version, document?.key);
  if (!model) return [];
  return runRules(new Resolver(model)).filter((d) => rules[d.code] !== false);
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
