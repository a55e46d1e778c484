/**
 * Tokens of the formula language. Only what the grammar knows becomes a token; every other character is
 * a FormulaError that names it and, where there is one, says what to write instead.
 *
 * Identifiers are ASCII only (`[A-Za-z_][A-Za-z0-9_]*`): a Greek letter gets a hint to spell it out
 * (`α` → `alpha`), which the LaTeX renders back as α.
 */
import { FormulaError } from './types';

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

/** Splits `source` into tokens, ending with an 'eof' token. */
export function tokenize(source: string): Token[] {
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
      const value = Number(source.slice(i, end));
      if (!Number.isFinite(value)) {
        throw new FormulaError(`number ${source.slice(i, end)} is too large for a double`, i, end);
      }
      if (source[i] === '0' && /^[xXbBoO][0-9a-fA-F]/.test(source.slice(end, end + 2))) {
        throw new FormulaError('hexadecimal, binary and octal literals are not supported: write a decimal number', i, end + 2);
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
  let i = start;
  while (isDigit(source[i] ?? '')) i++;
  if (source[i] === '.') {
    i++;
    while (isDigit(source[i] ?? '')) i++;
  }
  // An exponent only when digits follow: `2e` and `2exp(x)` are 2·e and 2·exp(x).
  if (source[i] === 'e' || source[i] === 'E') {
    let j = i + 1;
    if (source[j] === '+' || source[j] === '-') j++;
    if (isDigit(source[j] ?? '')) {
      while (isDigit(source[j] ?? '')) j++;
      i = j;
    }
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
