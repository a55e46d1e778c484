/**
 * Tokens of the formula language. Only what the grammar knows becomes a token; every other character is
 * a FormulaError that names it and, where there is one, says what to write instead.
 *
 * Identifiers are ASCII only (`[A-Za-z_][A-Za-z0-9_]*`): a Greek letter gets a hint to spell it out
 * (`α` → `alpha`), which the LaTeX renders back as α.
 */
import { FormulaError, type FormulaNote } from './formulaTypes';

export type TokenType = 'num' | 'ident' | 'op' | 'eof';

export interface Token {
  readonly type: TokenType;
  /** The token's text; for 'num' the literal as written. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For 'num': the parsed value. */
  readonly value?: number;
  /** Whitespace separates this token from the previous one. */
  readonly spaced: boolean;
}

export const MAX_FORMULA_LENGTH = 2000;

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', κ: 'kappa',
  λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', φ: 'phi', χ: 'chi',
  ψ: 'psi', ω: 'omega',
};

/** Characters with a known ASCII spelling. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  '−': '-', '×': '*', '·': '*', '⋅': '*', '÷': '/', '≤': '<=', '≥': '>=', '≠': '!=', '²': '^2', '³': '^3',
};

/** Characters the grammar rejects outright, with the reason. */
const REJECTED: Readonly<Record<string, string>> = {
  ';': "';' is not part of a formula: a formula is a single expression",
  '[': "brackets '[ ]' are not part of a formula: use parentheses",
  ']': "brackets '[ ]' are not part of a formula: use parentheses",
  '{': "braces '{ }' are not part of a formula: use parentheses",
  '}': "braces '{ }' are not part of a formula: use parentheses",
  "'": 'string literals are not part of a formula',
  '"': 'string literals are not part of a formula',
  '`': 'backticks are not part of a formula',
  '.': "'.' (member access) is not part of a formula: write exp(x), not Math.exp(x)",
  '\\': "'\\' is not part of a formula: write exp(x) or sqrt(x), not LaTeX",
  '%': "'%' (remainder) is not part of a formula",
  '&': "'&' is not part of a formula: use 'and'",
  '|': "'|' is not part of a formula: use 'or', or abs(x) for |x|",
  '~': "'~' is not part of a formula: use 'not'",
  '?': "'?' is not part of a formula: use where(condition, a, b)",
  ':': "':' is not part of a formula: use where(condition, a, b)",
  '#': "'#' is not part of a formula (no comments)",
  '@': "'@' is not part of a formula",
  $: "'$' is not part of a formula",
};

const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdentStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentPart = (c: string) => isIdentStart(c) || isDigit(c);

/** Splits `source` into tokens, ending with an 'eof' token; literal warnings (1e-400 → 0) go into `warnings`. */
export function tokenize(source: string, warnings?: FormulaNote[]): Token[] {
  if (typeof source !== 'string') {
    throw new FormulaError(`a formula must be a string, got ${source === null ? 'null' : typeof source}`, 0, 0);
  }
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(
      `formula is ${source.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`,
      MAX_FORMULA_LENGTH,
      source.length,
    );
  }
  const tokens: Token[] = [];
  let i = 0;
  let spaced = false;
  const push = (type: TokenType, start: number, end: number, value?: number) => {
    tokens.push({ type, text: source.slice(start, end), start, end, value, spaced });
    spaced = false;
  };
  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      spaced = true;
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) {
      const end = scanNumber(source, i);
      const text = source.slice(i, end);
      const digits = text.replace(/_/g, '');
      const value = Number(digits);
      if (!Number.isFinite(value)) {
        throw new FormulaError(`number ${text} is too large for a double (the largest is 1.7976931348623157e308)`, i, end);
      }
      // 0x1F, 0b101, 0o17, and a bare 0x: Python and JavaScript both read a prefix there, never 0·x.
      if (text === '0' && /^[xXbBoO]/.test(source[end] ?? '')) {
        let stop = end + 1;
        while (stop < source.length && isIdentPart(source[stop])) stop++;
        throw new FormulaError(
          `'${source.slice(i, stop)}': hexadecimal, binary and octal literals are not supported: write a decimal number (or 0*x to multiply)`,
          i,
          stop,
        );
      }
      // 012: a syntax error in Python 3, an octal 10 in old JavaScript; either way not twelve.
      if (/^0\d/.test(digits) && !/^0+(\.|[eE]|$)/.test(digits)) {
        throw new FormulaError(`number ${text} has a leading zero: write ${digits.replace(/^0+(?=\d)/, '')}`, i, end);
      }
      // 1e-400: nonzero digits that round to 0 (the smallest double is 5e-324).
      if (value === 0 && /[1-9]/.test(digits.replace(/[eE].*$/, ''))) {
        warnings?.push({
          kind: 'warning',
          message: `${text} is below the smallest double (5e-324) and is taken as 0`,
          start: i,
          end,
        });
      }
      push('num', i, end, value);
      i = end;
    } else if (isIdentStart(c)) {
      let end = i + 1;
      while (end < source.length && isIdentPart(source[end])) end++;
      if (end < source.length && source.charCodeAt(end) > 127) throw nonAscii(source, end);
      push('ident', i, end);
      i = end;
    } else {
      const two = source.slice(i, i + 2);
      if (two === '**' || two === '<=' || two === '>=' || two === '==' || two === '!=') {
        if (two === '==' && source[i + 2] === '=') throw new FormulaError("'===' is not part of a formula: use ==", i, i + 3);
        push('op', i, i + 2);
        i += 2;
      } else if (two === '=>') {
        throw new FormulaError("'=>' (arrow function) is not part of a formula", i, i + 2);
      } else if (two === '&&' || two === '||') {
        throw new FormulaError(`'${two}' is not part of a formula: use '${two === '&&' ? 'and' : 'or'}'`, i, i + 2);
      } else if ('+-*/^(),<>'.includes(c)) {
        push('op', i, i + 1);
        i++;
      } else if (c === '=') {
        throw new FormulaError("'=' (assignment) is not part of a formula: use == to compare", i, i + 1);
      } else if (c === '!') {
        throw new FormulaError("'!' is not part of a formula: use 'not', or != to compare", i, i + 1);
      } else if (REJECTED[c] !== undefined) {
        throw new FormulaError(REJECTED[c], i, i + 1);
      } else if (source.charCodeAt(i) > 127) {
        throw nonAscii(source, i);
      } else {
        throw new FormulaError(`unexpected character ${describe(c)}`, i, i + 1);
      }
    }
  }
  push('eof', source.length, source.length);
  return tokens;
}

function scanNumber(source: string, start: number): number {
  let i = scanDigits(source, start);
  if (source[i] === '.') i = scanDigits(source, i + 1);
  // An exponent only when digits follow: `2e` and `2exp(x)` are 2·e and 2·exp(x).
  if (source[i] === 'e' || source[i] === 'E') {
    let j = i + 1;
    if (source[j] === '+' || source[j] === '-') j++;
    if (isDigit(source[j] ?? '')) i = scanDigits(source, j);
  }
  return i;
}

/**
 * Digits from `start`, with single underscores between digits as Python and JavaScript allow (1_000 is
 * 1000, not 1·_000); an underscore anywhere else in a number (1_, 1__0, 1_.5) is an error with its span.
 */
function scanDigits(source: string, start: number): number {
  let i = start;
  while (i < source.length) {
    if (isDigit(source[i])) i++;
    else if (source[i] === '_' && i > start && isDigit(source[i - 1])) {
      if (!isDigit(source[i + 1] ?? '')) {
        let stop = i + 1;
        while (stop < source.length && (source[stop] === '_' || isDigit(source[stop]))) stop++;
        throw new FormulaError("misplaced '_' in a number: underscores go between digits, as in 1_000", i, stop);
      }
      i++;
    } else break;
  }
  return i;
}

function nonAscii(source: string, i: number): FormulaError {
  const code = source.codePointAt(i) ?? 0;
  const c = String.fromCodePoint(code);
  const end = i + c.length;
  const name = GREEK[c] ?? GREEK[c.toLowerCase()];
  if (name) return new FormulaError(`write Greek letters as ASCII names: '${name}' instead of '${c}'`, i, end);
  const ascii = LOOKALIKES[c];
  if (ascii) return new FormulaError(`write '${ascii}' instead of '${c}'`, i, end);
  return new FormulaError(
    `unexpected character ${describe(c)}: names are ASCII letters, digits and '_'`,
    i,
    end,
  );
}

function describe(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return code < 32 || code === 127 ? `U+${hex}` : `'${c}' (U+${hex})`;
}
