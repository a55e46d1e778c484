/**
 * A translated expression written out in the formula grammar, with the fewest parentheses that keep its
 * structure (so the formula means exactly what the code computed).
 */

export type Formula =
  | { readonly k: 'num'; readonly value: number }
  | { readonly k: 'name'; readonly name: string }
  | { readonly k: 'const'; readonly name: 'pi' | 'e' }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly l: Formula; readonly r: Formula }
  | { readonly k: 'neg'; readonly a: Formula }
  | { readonly k: 'not'; readonly a: Formula }
  | { readonly k: 'cmp'; readonly op: '<' | '<=' | '>' | '>=' | '==' | '!='; readonly l: Formula; readonly r: Formula }
  | { readonly k: 'and' | 'or'; readonly l: Formula; readonly r: Formula }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Formula[] };

const PREC = { or: 1, and: 2, not: 3, cmp: 4, add: 5, mul: 6, neg: 7, pow: 8, atom: 9 } as const;

interface Printed {
  readonly s: string;
  readonly prec: number;
}

/** `names` maps each free name of the code to its formula name (the variable to x). */
export function printFormula(f: Formula, names: ReadonlyMap<string, string>): string {
  const wrap = (p: Printed, needed: boolean) => (needed ? `(${p.s})` : p.s);
  const print = (f: Formula): Printed => {
    switch (f.k) {
      case 'num': {
        const s = String(f.value);
        return f.value < 0 ? { s, prec: PREC.neg } : { s, prec: PREC.atom };
      }
      case 'name':
        return { s: names.get(f.name) ?? f.name, prec: PREC.atom };
      case 'const':
        return { s: f.name, prec: PREC.atom };
      case 'neg': {
        const a = print(f.a);
        return { s: `-${wrap(a, a.prec < PREC.pow)}`, prec: PREC.neg };
      }
      case 'not': {
        const a = print(f.a);
        return { s: `not ${wrap(a, a.prec < PREC.not)}`, prec: PREC.not };
      }
      case 'bin': {
        const l = print(f.l);
        const r = print(f.r);
        if (f.op === '^') return { s: `${wrap(l, l.prec <= PREC.pow)}^${wrap(r, r.prec < PREC.pow)}`, prec: PREC.pow };
        const prec = f.op === '+' || f.op === '-' ? PREC.add : PREC.mul;
        const rightNeeds = r.prec <= prec || r.prec === PREC.neg;
        return { s: `${wrap(l, l.prec < prec)} ${f.op} ${wrap(r, rightNeeds)}`, prec };
      }
      case 'cmp': {
        const l = print(f.l);
        const r = print(f.r);
        return { s: `${wrap(l, l.prec <= PREC.cmp)} ${f.op} ${wrap(r, r.prec <= PREC.cmp)}`, prec: PREC.cmp };
      }
      case 'and':
      case 'or': {
        const prec = PREC[f.k];
        const l = print(f.l);
        const r = print(f.r);
        return { s: `${wrap(l, l.prec < prec)} ${f.k} ${wrap(r, r.prec <= prec)}`, prec };
      }
      case 'call':
        return { s: `${f.fn}(${f.args.map((a) => print(a).s).join(', ')})`, prec: PREC.atom };
    }
  };
  return print(f).s;
}
