/**
 * What the pairing lints return: diagnostics and quick-fix edits as plain data (offsets into the linted
 * text). src/features/lint turns them into vscode Diagnostics and CodeActions.
 */

export const LINT_CODES = [
  'sigmoid-into-bce',
  'sigmoid-into-logits-loss',
  'softmax-into-cross-entropy',
  'softmax-into-nll',
  'probabilities-vs-from-logits',
  'log-of-sigmoid',
  'log-of-softmax',
] as const;

export type LintCode = (typeof LINT_CODES)[number];

export type LintSeverity = 'error' | 'warning' | 'information';

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit extends OffsetRange {
  readonly newText: string;
}

export interface LintFix {
  readonly title: string;
  readonly isPreferred: boolean;
  /** Non-overlapping edits against the linted text. */
  readonly edits: readonly TextEdit[];
}

export interface RelatedInfo {
  readonly range: OffsetRange;
  readonly message: string;
}

/** Which comparison the "Show why in the playground" action opens. */
export type ShowWhyTopic = 'bce-of-sigmoid' | 'sigmoid-twice' | 'softmax-twice' | 'softmax-into-nll' | 'log-of-sigmoid' | 'log-of-softmax';

export interface LintDiagnostic {
  readonly code: LintCode;
  readonly severity: LintSeverity;
  readonly range: OffsetRange;
  readonly message: string;
  readonly related: readonly RelatedInfo[];
  readonly fixes: readonly LintFix[];
  readonly showWhy: ShowWhyTopic;
}

/** Per-code switches (`formulaPlayground.lint.rules`); a code missing from the map is on. */
export type RuleSwitches = Readonly<Partial<Record<LintCode, boolean>>>;
