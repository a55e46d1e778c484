/**
 * A parser for one Python or JavaScript expression, enough of either language to read the math in a
 * selection: calls with keyword arguments, attribute chains, the ternaries, chained comparisons (Python),
 * logical and bitwise operators. It never runs anything; translate.ts turns the tree into a formula.
 */
import { FormulaError } from '../formulaTypes';

export type CodeLanguage = 'python' | 'javascript';

export interface CodeToken {
  readonly type: 'num' | 'name' | 'str' | 'op' | 'eof';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface Arg {
  readonly keyword?: string;
  readonly value: CodeNode;
}

export type CodeNode = { readonly start: number; readonly end: number } & (
  | { readonly type: 'num'; readonly value: number }
  | { readonly type: 'str'; readonly value: string }
  | { readonly type: 'name'; readonly name: string }
  | { readonly type: 'attr'; readonly object: CodeNode; readonly name: string }
  | { readonly type: 'call'; readonly callee: CodeNode; readonly args: readonly Arg[] }
  | { readonly type: 'index'; readonly object: CodeNode }
  | { readonly type: 'unary'; readonly op: string; readonly arg: CodeNode }
  | { readonly type: 'binary'; readonly op: string; readonly left: CodeNode; readonly right: CodeNode }
  /** Python `a < b <= c`: ops[i] compares operands[i] and operands[i + 1]. */
  | { readonly type: 'compare'; readonly ops: readonly string[]; readonly operands: readonly CodeNode[] }
  | { readonly type: 'ternary'; readonly cond: CodeNode; readonly then: CodeNode; readonly otherwise: CodeNode }
);

const OPS = [
  '===', '!==', '**=', '//=', '>>>', '...',
  '**', '//', '==', '!=', '<=', '>=', '&&', '||', '=>', '<<', '>>', '+=', '-=', '*=', '/=', '??', '?.',
  '+', '-', '*', '/', '%', '@', '<', '>', '(', ')', '[', ']', '{', '}', ',', '.', ':', '?', '!', '&', '|', '^', '~', '=', ';',
];

export function tokenizeCode(text: string, language: CodeLanguage): CodeToken[] {
  const tokens: CodeToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c) || (c === '\\' && text[i + 1] === '\n')) {
      i += c === '\\' ? 2 : 1;
      continue;
    }
    if (c === '#' && language === 'python') break;
    if (c === '/' && text[i + 1] === '/' && language === 'javascript') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:0[xXbBoO][0-9a-fA-F_]+|(?:\d[\d_]*)?\.?\d*[\d_]*(?:[eE][+-]?\d[\d_]*)?)[jJn]?/.exec(text.slice(i));
      const literal = match ? match[0] : c;
      i += literal.length;
      tokens.push({ type: 'num', text: literal, start, end: i });
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_$]/.test(text[i])) i++;
      tokens.push({ type: 'name', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) throw new FormulaError('this string is never closed', start, text.length);
      i++;
      tokens.push({ type: 'str', text: text.slice(start, i), start, end: i });
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new FormulaError(`unexpected character '${c}'`, i, i + 1);
    i += op.length;
    tokens.push({ type: 'op', text: op, start, end: i });
  }
  tokens.push({ type: 'eof', text: '', start: text.length, end: text.length });
  return tokens;
}

const MAX_CODE_DEPTH = 64;

/** Binding powers of binary operators, loosest first. */
function binaryPower(t: CodeToken, language: CodeLanguage): number {
  const text = t.text;
  if (t.type === 'name' && language === 'python') {
    if (text === 'or') return 2;
    if (text === 'and') return 3;
    if (text === 'in' || text === 'is') return 5;
    return 0;
  }
  if (t.type !== 'op') return 0;
  switch (text) {
    case '||':
    case '??':
      return 2;
    case '&&':
      return 3;
    case '==':
    case '!=':
    case '===':
    case '!==':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return 5;
    case '|':
      return 6;
    case '^':
      return 7;
    case '&':
      return 8;
    case '<<':
    case '>>':
    case '>>>':
      return 9;
    case '+':
    case '-':
      return 10;
    case '*':
    case '/':
    case '//':
    case '%':
    case '@':
      return 11;
    case '**':
      return 13;
    default:
      return 0;
  }
}

const COMPARISONS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=']);

export class CodeParser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly tokens: CodeToken[],
    private readonly language: CodeLanguage,
    start = 0,
  ) {
    this.pos = start;
  }

  get position(): number {
    return this.pos;
  }

  peek(offset = 0): CodeToken {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  next(): CodeToken {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private is(t: CodeToken, text: string): boolean {
    return (t.type === 'op' || t.type === 'name') && t.text === text;
  }

  private expect(text: string, open?: CodeToken): CodeToken {
    const t = this.peek();
    if (this.is(t, text)) return this.next();
    if (open && t.type === 'eof') throw new FormulaError(`unbalanced '${open.text}': it is never closed`, open.start, open.end);
    throw new FormulaError(`expected '${text}' here`, t.start, Math.max(t.end, t.start + 1));
  }

  private enter(t: CodeToken): void {
    if (++this.depth > MAX_CODE_DEPTH) throw new FormulaError(`the expression nests more than ${MAX_CODE_DEPTH} levels deep`, t.start, t.end);
  }

  /** A whole expression, including the Python `a if c else b` and the JavaScript `c ? a : b`. */
  parseExpression(): CodeNode {
    const first = this.peek();
    this.enter(first);
    let node = this.parseBinary(1);
    if (this.language === 'python' && this.is(this.peek(), 'if')) {
      this.next();
      const cond = this.parseBinary(1);
      this.expect('else');
      const otherwise = this.parseExpression();
      node = { type: 'ternary', cond, then: node, otherwise, start: node.start, end: otherwise.end };
    } else if (this.language === 'javascript' && this.is(this.peek(), '?')) {
      this.next();
      const then = this.parseExpression();
      this.expect(':');
      const otherwise = this.parseExpression();
      node = { type: 'ternary', cond: node, then, otherwise, start: node.start, end: otherwise.end };
    }
    this.depth--;
    return node;
  }

  private parseBinary(minPower: number): CodeNode {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      const power = binaryPower(t, this.language);
      if (power === 0 || power < minPower) return left;
      this.next();
      if (COMPARISONS.has(t.text) || (t.type === 'name' && (t.text === 'in' || t.text === 'is'))) {
        const ops = [t.text];
        const operands = [left, this.parseBinary(power + 1)];
        while (COMPARISONS.has(this.peek().text) && this.peek().type === 'op') {
          ops.push(this.next().text);
          operands.push(this.parseBinary(power + 1));
        }
        left = { type: 'compare', ops, operands, start: left.start, end: operands[operands.length - 1].end };
        continue;
      }
      // ** is right-associative and its right operand may carry a sign (2 ** -x).
      const right = t.text === '**' ? this.parseUnary() : this.parseBinary(power + 1);
      left = { type: 'binary', op: t.text, left, right, start: left.start, end: right.end };
    }
  }

  private parseUnary(): CodeNode {
    const t = this.peek();
    const isPythonNot = this.language === 'python' && t.type === 'name' && t.text === 'not';
    if (isPythonNot || (t.type === 'op' && ['-', '+', '!', '~'].includes(t.text))) {
      this.next();
      this.enter(t);
      // Python's `not` binds looser than comparisons: not x > 0 is not (x > 0).
      const arg = isPythonNot ? this.parseBinary(4) : this.parseUnary();
      this.depth--;
      // -x ** 2 is -(x ** 2) in Python; JavaScript makes it a syntax error, read it the same way.
      const operand = !isPythonNot && this.is(this.peek(), '**') ? this.continuePower(arg) : arg;
      return { type: 'unary', op: t.text, arg: operand, start: t.start, end: operand.end };
    }
    const base = this.parsePostfix();
    return this.is(this.peek(), '**') ? this.continuePower(base) : base;
  }

  private continuePower(base: CodeNode): CodeNode {
    const op = this.next();
    this.enter(op);
    const exponent = this.parseUnary();
    this.depth--;
    return { type: 'binary', op: '**', left: base, right: exponent, start: base.start, end: exponent.end };
  }

  private parsePostfix(): CodeNode {
    let node = this.parsePrimary();
    for (;;) {
      const t = this.peek();
      if (this.is(t, '.') || this.is(t, '?.')) {
        this.next();
        const name = this.next();
        if (name.type !== 'name') throw new FormulaError(`expected a name after '${t.text}'`, name.start, Math.max(name.end, name.start + 1));
        node = { type: 'attr', object: node, name: name.text, start: node.start, end: name.end };
      } else if (this.is(t, '(')) {
        this.next();
        this.enter(t);
        const args: Arg[] = [];
        while (!this.is(this.peek(), ')')) {
          const a = this.peek();
          if (this.language === 'javascript' && this.is(a, '{')) {
            // TF.js options: `tf.layers.leakyReLU({ alpha: 0.2 })` — each property is a keyword argument.
            this.next();
            while (!this.is(this.peek(), '}')) {
              const key = this.next();
              if ((key.type !== 'name' && key.type !== 'str') || !this.is(this.peek(), ':')) {
                throw new FormulaError('only `{ name: value }` options can be translated', key.start, Math.max(key.end, key.start + 1));
              }
              this.next();
              args.push({ keyword: key.type === 'str' ? key.text.slice(1, -1) : key.text, value: this.parseExpression() });
              if (!this.is(this.peek(), ',')) break;
              this.next();
            }
            this.expect('}', a);
          } else if (a.type === 'name' && this.is(this.peek(1), '=') ) {
            this.next();
            this.next();
            args.push({ keyword: a.text, value: this.parseExpression() });
          } else {
            if (this.is(a, '*') || this.is(a, '**') || this.is(a, '...')) {
              throw new FormulaError('unpacked arguments cannot be translated', a.start, a.end);
            }
            args.push({ value: this.parseExpression() });
          }
          if (!this.is(this.peek(), ',')) break;
          this.next();
        }
        const close = this.expect(')', t);
        this.depth--;
        node = { type: 'call', callee: node, args, start: node.start, end: close.end };
      } else if (this.is(t, '[')) {
        this.next();
        this.enter(t);
        let level = 1;
        while (level > 0 && this.peek().type !== 'eof') {
          const inner = this.next();
          if (this.is(inner, '[')) level++;
          if (this.is(inner, ']')) level--;
        }
        if (level > 0) throw new FormulaError("unbalanced '[': it is never closed", t.start, t.end);
        this.depth--;
        node = { type: 'index', object: node, start: node.start, end: this.tokens[this.pos - 1].end };
      } else return node;
    }
  }

  private parsePrimary(): CodeNode {
    const t = this.next();
    switch (t.type) {
      case 'num':
        return { type: 'num', value: parseNumber(t), start: t.start, end: t.end };
      case 'str':
        return { type: 'str', value: t.text.slice(1, -1), start: t.start, end: t.end };
      case 'name':
        return { type: 'name', name: t.text, start: t.start, end: t.end };
      case 'eof':
        throw new FormulaError('the expression ends too early: an operand is missing', t.start, t.end);
      case 'op':
        if (t.text === '(') {
          this.enter(t);
          if (this.is(this.peek(), ')')) throw new FormulaError('empty parentheses (a tuple) cannot be translated', t.start, this.peek().end);
          const inner = this.parseExpression();
          if (this.is(this.peek(), ',')) throw new FormulaError('a tuple cannot be translated', t.start, this.peek().end);
          const close = this.expect(')', t);
          this.depth--;
          return { ...inner, start: t.start, end: close.end };
        }
        if (t.text === '[' || t.text === '{') {
          throw new FormulaError(`a ${t.text === '[' ? 'list' : 'dict or object'} literal cannot be translated`, t.start, t.end);
        }
        throw new FormulaError(`missing operand before '${t.text}'`, t.start, t.end);
    }
  }
}

function parseNumber(t: CodeToken): number {
  const text = t.text;
  if (/^0[xXbBoO]/.test(text)) throw new FormulaError(`hexadecimal, binary and octal literals cannot be translated: ${text}`, t.start, t.end);
  if (/[jJ]$/.test(text)) throw new FormulaError(`complex literals cannot be translated: ${text}`, t.start, t.end);
  if (/n$/.test(text)) throw new FormulaError(`BigInt literals cannot be translated: ${text}`, t.start, t.end);
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(value)) throw new FormulaError(`not a finite number: ${text}`, t.start, t.end);
  return value;
}
