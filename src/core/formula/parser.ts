/**
 * Recursive descent over the tokens, producing a syntax tree that keeps every node's span. Names are not
 * resolved here (lower.ts does that); the parser only knows the shape of the language.
 *
 * Precedence, loosest first: or · and · not · comparisons (not chained) · + − · × ÷ and implicit
 * multiplication (`2x`, `2(x+1)`: a number followed by a name or a parenthesis) · unary − + ·
 * ^ and ** (right-associative, so −x^2 = −(x^2) and 2^−x = 2^(−x)).
 *
 * Nesting (parentheses, calls, unary signs, exponents) is counted and limited to MAX_DEPTH, so hostile
 * input fails with a FormulaError instead of overflowing the stack.
 */
import { type Token, tokenize } from './lexer';
import { FormulaError, type FormulaNote } from './formulaTypes';

const MAX_DEPTH = 64;

export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type ArithOp = '+' | '-' | '*' | '/' | '^';

export type Syntax =
  | { readonly type: 'num'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly type: 'name'; readonly name: string; readonly start: number; readonly end: number }
  | {
      readonly type: 'call';
      readonly name: string;
      readonly nameEnd: number;
      readonly args: readonly Syntax[];
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: 'unary'; readonly op: '-' | '+' | 'not'; readonly arg: Syntax; readonly start: number; readonly end: number }
  | {
      readonly type: 'binary';
      readonly op: ArithOp | CompareOp | 'and' | 'or';
      readonly left: Syntax;
      readonly right: Syntax;
      readonly start: number;
      readonly end: number;
    };

const COMPARE = new Set(['<', '<=', '>', '>=', '==', '!=']);

export function parse(source: string, warnings?: FormulaNote[]): Syntax {
  return new Parser(tokenize(source, warnings)).parseFormula();
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseFormula(): Syntax {
    if (this.peek().type === 'eof') throw new FormulaError('the formula is empty', 0, 0);
    const tree = this.parseOr();
    const next = this.peek();
    if (next.type !== 'eof') throw this.unexpectedAfterOperand(next);
    return tree;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private isOp(t: Token, ...ops: string[]): boolean {
    return t.type === 'op' && ops.includes(t.text);
  }

  private isKeyword(t: Token, word: string): boolean {
    return t.type === 'ident' && t.text === word;
  }

  private enter(at: Token): void {
    if (++this.depth > MAX_DEPTH) {
      throw new FormulaError(`the formula nests more than ${MAX_DEPTH} levels deep`, at.start, at.end);
    }
  }

  private leave(): void {
    this.depth--;
  }

  private parseOr(): Syntax {
    return this.parseKeywordChain('or', () => this.parseAnd());
  }

  private parseAnd(): Syntax {
    return this.parseKeywordChain('and', () => this.parseNot());
  }

  /** operand (keyword operand)*, left-associative: `a or b or c`, `a and b`. */
  private parseKeywordChain(keyword: 'or' | 'and', parseOperand: () => Syntax): Syntax {
    let left = parseOperand();
    while (this.isKeyword(this.peek(), keyword)) {
      const op = this.next();
      const right = this.operand(op, parseOperand);
      left = { type: 'binary', op: keyword, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseNot(): Syntax {
    const t = this.peek();
    if (!this.isKeyword(t, 'not')) return this.parseComparison();
    this.next();
    this.enter(t);
    const arg = this.operand(t, () => this.parseNot());
    this.leave();
    return { type: 'unary', op: 'not', arg, start: t.start, end: arg.end };
  }

  private parseComparison(): Syntax {
    const left = this.parseAdditive();
    const t = this.peek();
    if (!(t.type === 'op' && COMPARE.has(t.text))) return left;
    this.next();
    const right = this.operand(t, () => this.parseAdditive());
    const after = this.peek();
    if (after.type === 'op' && COMPARE.has(after.text)) {
      throw new FormulaError(
        `comparisons cannot be chained: write a ${t.text} b and b ${after.text} c`,
        after.start,
        after.end,
      );
    }
    return { type: 'binary', op: t.text as CompareOp, left, right, start: left.start, end: right.end };
  }

  private parseAdditive(): Syntax {
    let left = this.parseMultiplicative();
    while (this.isOp(this.peek(), '+', '-')) {
      const op = this.next();
      const right = this.operand(op, () => this.parseMultiplicative());
      left = { type: 'binary', op: op.text as ArithOp, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseMultiplicative(): Syntax {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, '*', '/')) {
        this.next();
        const right = this.operand(t, () => this.parseUnary());
        left = { type: 'binary', op: t.text as ArithOp, left, right, start: left.start, end: right.end };
      } else if (this.tokens[this.pos - 1]?.type === 'num' && this.startsImplicitFactor(t)) {
        // `2x`, `2 exp(x)`, `2(x + 1)`: a number followed by a name or a parenthesis multiplies.
        const right = this.parsePower();
        left = { type: 'binary', op: '*', left, right, start: left.start, end: right.end };
      } else return left;
    }
  }

  private startsImplicitFactor(t: Token): boolean {
    if (this.isOp(t, '(')) return true;
    return t.type === 'ident' && t.text !== 'and' && t.text !== 'or' && t.text !== 'not';
  }

  private parseUnary(): Syntax {
    const t = this.peek();
    if (!this.isOp(t, '-', '+')) return this.parsePower();
    this.next();
    this.enter(t);
    const arg = this.operand(t, () => this.parseUnary());
    this.leave();
    return { type: 'unary', op: t.text as '-' | '+', arg, start: t.start, end: arg.end };
  }

  private parsePower(): Syntax {
    const base = this.parsePrimary();
    const t = this.peek();
    if (!this.isOp(t, '^', '**')) return base;
    this.next();
    this.enter(t);
    // The exponent may carry its own sign (2^-x) and is itself a power (right-associative).
    const exponent = this.operand(t, () => this.parseUnary());
    this.leave();
    return { type: 'binary', op: '^', left: base, right: exponent, start: base.start, end: exponent.end };
  }

  private parsePrimary(): Syntax {
    const t = this.peek();
    if (t.type === 'num') {
      this.next();
      return { type: 'num', value: t.value as number, start: t.start, end: t.end };
    }
    if (t.type === 'ident') {
      if (t.text === 'and' || t.text === 'or' || t.text === 'not') throw this.missingOperand(t);
      this.next();
      if (this.isOp(this.peek(), '(')) return this.parseCall(t);
      return { type: 'name', name: t.text, start: t.start, end: t.end };
    }
    if (this.isOp(t, '(')) {
      this.next();
      this.enter(t);
      if (this.isOp(this.peek(), ')')) throw new FormulaError('empty parentheses', t.start, this.peek().end);
      const inner = this.parseOr();
      this.expectClose(t);
      this.leave();
      return inner;
    }
    throw this.missingOperand(t);
  }

  private parseCall(name: Token): Syntax {
    const open = this.next();
    this.enter(open);
    const args: Syntax[] = [];
    if (!this.isOp(this.peek(), ')')) {
      for (;;) {
        const t = this.peek();
        if (this.isOp(t, ',') || this.isOp(t, ')')) {
          throw new FormulaError(`missing argument in ${name.text}(…)`, t.start, t.end);
        }
        args.push(this.parseOr());
        if (!this.isOp(this.peek(), ',')) break;
        this.next();
      }
    }
    const close = this.expectClose(open);
    this.leave();
    return { type: 'call', name: name.text, nameEnd: name.end, args, start: name.start, end: close.end };
  }

  private expectClose(open: Token): Token {
    const t = this.peek();
    if (this.isOp(t, ')')) return this.next();
    if (t.type === 'eof') {
      throw new FormulaError("unbalanced parenthesis: this '(' is never closed", open.start, open.end);
    }
    if (this.isOp(t, ',')) throw new FormulaError("',' separates arguments of a function call only", t.start, t.end);
    throw this.unexpectedAfterOperand(t);
  }

  /** Parses the operand of `op`, turning a missing one into an error that points at the operator. */
  private operand(op: Token, parse: () => Syntax): Syntax {
    const t = this.peek();
    if (t.type === 'eof' || this.isOp(t, ')', ',')) {
      throw new FormulaError(`missing operand after '${op.text}'`, op.start, op.end);
    }
    return parse();
  }

  private missingOperand(t: Token): FormulaError {
    if (t.type === 'eof') return new FormulaError('missing operand at the end of the formula', t.start, t.end);
    if (this.isOp(t, ')')) {
      return new FormulaError("unbalanced parenthesis: this ')' has no matching '('", t.start, t.end);
    }
    if (this.isOp(t, ',')) return new FormulaError("',' separates arguments of a function call only", t.start, t.end);
    return new FormulaError(`missing operand before '${t.text}'`, t.start, t.end);
  }

  private unexpectedAfterOperand(t: Token): FormulaError {
    if (this.isOp(t, ')')) {
      return new FormulaError("unbalanced parenthesis: this ')' has no matching '('", t.start, t.end);
    }
    if (this.isOp(t, ',')) return new FormulaError("',' separates arguments of a function call only", t.start, t.end);
    const prev = this.tokens[this.pos - 1];
    return new FormulaError(
      `missing operator between '${prev?.text ?? ''}' and '${t.text}' (write * to multiply)`,
      t.start,
      t.end,
    );
  }
}
