/**
 * Every size limit on what the user or a webview can ask for, in one place. The host validates against
 * these; the webviews clamp their controls to the same numbers, so a control can never ask for what the
 * host would refuse. Pure: no 'vscode', no DOM.
 */
import type { Framework } from '../core/functionTypes';

/** The formula language's own limit (the parser refuses longer sources), reused for every formula field. */
export { MAX_FORMULA_LENGTH } from '../core/formula/lexer';

/** Points of one playground line (the host allocates that many doubles per line and per role). */
export const MAX_SERIES_POINTS = 10_001;
/** Fewest points of a line or a gradient check. */
export const MIN_POINTS = 2;
/** Points of one gradient check: at most 1e6, the core's own cap (it runs in slices, so this is a time limit, not a memory one). */
export const MAX_CHECK_POINTS = 1_000_000;
/** |x| bound of a playground range. */
export const MAX_ABS_X = 1e6;
/** Loss targets y per series. */
export const MAX_LABELS = 8;
/** The other logits of a softmax-like series. */
export const MAX_OTHER_LOGITS = 15;
/** Parameters of one function or formula. */
export const MAX_PARAMS = 32;
/** Exports from the playground, as a data URL / as text. */
export const MAX_PNG_CHARS = 40_000_000;
export const MAX_CSV_CHARS = 40_000_000;
/** Rows of the gradient-check results view (Check All Built-ins makes one per catalogue entry). */
export const MAX_RESULT_ROWS = 1000;
/** Free text of a message (titles, error messages). */
export const MAX_MESSAGE_TEXT = 4000;
/**
 * Documents larger than this get no hover, Formula view or Plot Selection context: reading them costs more than
 * a hover may take. (The document model's own guard, MAX_DOCUMENT in src/recognize/model.ts, sits above it.)
 */
export const MAX_DOCUMENT_CHARS = 5_000_000;
/**
 * Lines longer than this (minified bundles) get no hover and no Formula view: nobody reads a formula there,
 * and the recognizer's look-behind for an enclosing block comment is linear in the line's length.
 */
export const MAX_LINE_CHARS = 20_000;
export const FRAMEWORKS: readonly Framework[] = ['pytorch', 'tensorflow', 'jax', 'tfjs'];
