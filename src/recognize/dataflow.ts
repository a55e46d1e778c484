/**
 * Def-use on top of the document model, for the pairing lints (src/lint): the full range of a call
 * (receiver included), the expression an argument / binding / return holds, which binding a name has at a
 * use when straight-line code proves it, the reads of a local, classes with their `forward` and `self.NAME`
 * attributes, and callee names expanded through the imports. Everything not proven answers `undefined`:
 * the lints stay silent rather than guess.
 *
 * Written by LINTS (issue 17) as a self-contained addition to the model (MODEL, issue 16; request in
 * /tmp/team/MODEL_REQUESTS.md). Pure: no vscode, no Node built-ins. Reads only DocumentModel.
 */
import { canonicalPython } from '../frameworks/spellings';
import type { DocumentModel } from './model';
import type { Arg, Binding, Call, Scope, Value } from './syntax';

/** A value as written, with its offsets. */
export interface Expr {
  readonly value: Value;
  readonly start: number;
  readonly end: number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Characters between an assignment and its use beyond which straight-line flow is not followed. */
const MAX_FLOW_DISTANCE = 20_000;

export class Flow {
  readonly text: string;
  readonly family: 'python' | 'js';
  private callsByClose: Map<number, number[]> | undefined;
  private readonly qualifiedNames = new Map<number, string | undefined>();
  private readonly starts: Int32Array;
  private usesByName: Map<string, number[]> | undefined;
  private callByChainStart: Map<number, number> | undefined;
  private children: Map<number, number[]> | undefined;
  private byReceiver: Map<string, number[]> | undefined;
  private attributeTargets: Map<string, number> | undefined;
  private classes: Map<string, Scope> | undefined;
  private methods: Map<string, Scope> | undefined;
  private scopesByStart: Scope[] | undefined;
  private returnsByScope: Map<number, { readonly scope: number; readonly start: number; readonly end: number }[]> | undefined;

  constructor(readonly model: DocumentModel) {
    this.text = model.text;
    this.family = model.family;
    this.starts = new Int32Array(model.syntax.calls.length).fill(-1);
  }

  /** The innermost scope holding `offset`: a binary search on scope starts, then up the parents (the model's is a scan). */
  scopeAt(offset: number): number {
    const sorted = (this.scopesByStart ??= [...this.model.syntax.scopes].sort((a, b) => a.start - b.start || a.index - b.index));
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const scopes = this.model.syntax.scopes;
    for (let s = found >= 0 ? sorted[found].index : 0; s >= 0; s = scopes[s].parent) {
      if (scopes[s].start <= offset && offset < scopes[s].end) return s;
      if (scopes[s].parent < 0) return s;
    }
    return 0;
  }

  get calls(): readonly Call[] {
    return this.model.syntax.calls;
  }

  call(index: number): Call {
    return this.model.syntax.calls[index];
  }

  /** Where call `index` starts: its callee chain, the call it applies (`nn.Sigmoid()(x)`), or the receiver of `expr.method()`. */
  callStart(index: number): number {
    const cached = this.starts[index];
    if (cached >= 0) return cached;
    const call = this.call(index);
    let start = call.open;
    if (call.chain >= 0) {
      const chain = this.model.syntax.chains[call.chain];
      start = chain.afterExpression ? this.receiverStart(chain.starts[0]) : chain.starts[0];
    } else if (call.calleeCall >= 0) start = this.callStart(call.calleeCall);
    this.starts[index] = start;
    return start;
  }

  /** The start of the expression that ends right before the `.` preceding offset `segment` (a call, a name, `(…)`, `[…]`). */
  private receiverStart(segment: number): number {
    const text = this.text;
    let i = segment - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (text[i] === '.') i--;
    while (i >= 0 && /\s/.test(text[i])) i--;
    const limit = Math.max(0, i - 4000);
    // Walk back over balanced brackets and dotted names: f(x)[0].g(y)
    for (;;) {
      if (i < limit) return segment;
      const ch = text[i];
      if (ch === ')' || ch === ']') {
        const open = ch === ')' ? '(' : '[';
        let depth = 0;
        for (; i >= limit; i--) {
          if (text[i] === ch) depth++;
          else if (text[i] === open && --depth === 0) break;
        }
        if (i < limit) return segment;
        const before = i - 1;
        if (before >= 0 && /[\w$\])]/.test(text[before])) {
          i = before;
          continue;
        }
        return i;
      }
      if (/[\w$]/.test(ch)) {
        while (i > 0 && /[\w$]/.test(text[i - 1])) i--;
        if (i > 0 && text[i - 1] === '.') {
          i -= 2;
          continue;
        }
        return i;
      }
      return i + 1;
    }
  }

  /** The expression of an argument's value. */
  argExpr(arg: Arg): Expr {
    return { value: arg.value, start: arg.valueStart, end: arg.valueEnd };
  }

  bindingExpr(binding: Binding): Expr {
    return { value: binding.value, start: binding.valueStart, end: binding.valueEnd };
  }

  /** The expression between two offsets: a call or a name when it is exactly one, else `other`. */
  exprAt(start: number, end: number): Expr {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(this.text[s])) s++;
    while (e > s && /[\s;]/.test(this.text[e - 1])) e--;
    if (!this.callsByClose) {
      this.callsByClose = new Map();
      for (const c of this.calls) {
        const list = this.callsByClose.get(c.close);
        if (list) list.push(c.index);
        else this.callsByClose.set(c.close, [c.index]);
      }
    }
    const call = this.callsByClose.get(e)?.find((c) => this.callStart(c) === s);
    if (call !== undefined) return { value: { kind: 'call', call }, start: s, end: e };
    const text = this.text.slice(s, e);
    if (IDENTIFIER.test(text)) return { value: { kind: 'name', name: text }, start: s, end: e };
    return { value: { kind: 'other' }, start: s, end: e };
  }

  /** `(x)` is the same value as `x`. */
  unwrap(expr: Expr): Expr {
    let { start, end } = expr;
    if (expr.value.kind !== 'other') return expr;
    while (this.text[start] === '(' && this.text[end - 1] === ')' && this.balanced(start + 1, end - 1)) {
      start++;
      end--;
      while (/\s/.test(this.text[start])) start++;
      while (/\s/.test(this.text[end - 1])) end--;
    }
    return start === expr.start ? expr : this.exprAt(start, end);
  }

  private balanced(start: number, end: number): boolean {
    let depth = 0;
    for (let i = start; i < end; i++) {
      const ch = this.text[i];
      if (ch === '(') depth++;
      else if (ch === ')' && --depth < 0) return false;
    }
    return depth === 0;
  }

  /** The argument at `index` (positional) or named by one of `keywords`; undefined when a spread hides it. */
  argumentAt(call: Call, index: number, keywords: readonly string[] = []): Arg | undefined {
    const named = call.args.find((a) => a.key !== undefined && keywords.includes(a.key));
    if (named) return named;
    let position = 0;
    for (const arg of call.args) {
      if (arg.spread) return undefined;
      if (arg.key !== undefined) continue;
      if (position === index) return arg;
      position++;
    }
    return undefined;
  }

  keyword(call: Call, key: string): Arg | undefined {
    return call.args.find((a) => a.key === key);
  }

  /** The callee chain's segments (`['nn', 'BCELoss']`), undefined for a call on an expression. */
  segments(call: Call): readonly string[] | undefined {
    if (call.chain < 0) return undefined;
    const chain = this.model.syntax.chains[call.chain];
    return chain.afterExpression ? undefined : chain.segments;
  }

  /** The last segment of the callee and its offsets (`softmax` in `F.softmax(…)`, `log` in `x.log()`). */
  lastSegment(call: Call): { name: string; start: number; end: number } | undefined {
    if (call.chain < 0) return undefined;
    const chain = this.model.syntax.chains[call.chain];
    const n = chain.segments.length - 1;
    const name = chain.segments[n];
    if (!name) return undefined;
    return { name, start: chain.starts[n], end: chain.starts[n] + name.length };
  }

  /** The callee's text range (`nn.BCELoss`, `F.softmax`). */
  calleeRange(call: Call): { start: number; end: number } | undefined {
    const last = this.lastSegment(call);
    return last && { start: this.callStart(call.index), end: last.end };
  }

  /** The receiver of a method call: `logits` in `logits.sigmoid()`, `torch.sigmoid(x)` in `torch.sigmoid(x).log()`. */
  receiver(call: Call): Expr | undefined {
    if (call.chain < 0) return undefined;
    const chain = this.model.syntax.chains[call.chain];
    const n = chain.segments.length - 1;
    const start = this.callStart(call.index);
    let end = chain.starts[n];
    while (end > start && /[\s.]/.test(this.text[end - 1])) end--;
    if (end <= start) return undefined;
    if (!chain.afterExpression && n === 1) return { value: { kind: 'name', name: chain.segments[0] }, start, end };
    if (!chain.afterExpression) return { value: { kind: 'other' }, start, end };
    return this.unwrap(this.exprAt(start, end));
  }

  /** `a.b.c` of a callee with `a` expanded through the imports (canonical Python form; `tfjs:tf.x` for TF.js). */
  qualified(call: Call): string | undefined {
    if (this.qualifiedNames.has(call.index)) return this.qualifiedNames.get(call.index);
    const found = this.qualify(call);
    this.qualifiedNames.set(call.index, found);
    return found;
  }

  private qualify(call: Call): string | undefined {
    const segs = this.segments(call);
    if (!segs || segs.length === 0) return undefined;
    const module = this.model.syntax.imports.aliases.get(segs[0]);
    if (module === undefined || this.shadowedAt(segs[0], this.callStart(call.index))) return undefined;
    if (this.family === 'js') return module.startsWith('?') ? undefined : `tfjs:${[module, ...segs.slice(1)].join('.')}`;
    return canonicalPython([module, ...segs.slice(1)].join('.'));
  }

  /** True when `name` is an import alias (`torch`, `F`, `np`) not rebound where `offset` reads it. */
  isModuleAlias(name: string, offset: number): boolean {
    return this.model.syntax.imports.aliases.has(name) && !this.shadowedAt(name, offset);
  }

  /** A local or parameter named like an import hides it. */
  shadowedAt(name: string, offset: number): boolean {
    const scopes = this.model.syntax.scopes;
    for (let s = this.scopeAt(offset); s >= 0; s = scopes[s].parent) {
      const scope = scopes[s];
      if (scope.kind === 'class') continue;
      if (scope.params.some((p) => p.key === name)) return true;
      const locals = scope.locals.get(name);
      if (locals && locals.some((b) => !this.isImportBinding(b))) return true;
    }
    return false;
  }

  private isImportBinding(b: Binding): boolean {
    // const tf = require('@tensorflow/tfjs')
    if (b.value.kind !== 'call') return false;
    const segs = this.segments(this.call(b.value.call));
    return !!segs && segs.length === 1 && segs[0] === 'require';
  }

  /**
   * The binding `name` has where `offset` reads it, when the document proves it: the last assignment before
   * the read in the same function, in a block that still holds the read (straight-line code); or, for a
   * name the function does not bind, a module-level name assigned exactly once. Parameters: undefined.
   */
  valueAt(name: string, offset: number): Binding | undefined {
    const scopes = this.model.syntax.scopes;
    let s = this.scopeAt(offset);
    while (s > 0 && scopes[s].kind === 'class') s = scopes[s].parent;
    const scope = scopes[s];
    if (scope.params.some((p) => p.key === name)) return undefined;
    const locals = scope.locals.get(name) ?? [];
    const before = locals.filter((b) => b.at < offset && b.valueEnd <= offset);
    if (before.length > 0) {
      const last = before[before.length - 1];
      return this.sameBlock(last.at, offset) ? last : undefined;
    }
    if (locals.length > 0 || scope.kind === 'module') return undefined;
    for (let p = scope.parent; p >= 0; p = scopes[p].parent) {
      const outer = scopes[p];
      if (outer.kind === 'class') continue;
      if (outer.params.some((q) => q.key === name)) return undefined;
      const list = outer.locals.get(name);
      if (!list) continue;
      return outer.kind === 'module' && list.length === 1 ? list[0] : undefined;
    }
    return undefined;
  }

  /** The statement at `from` and the read at `to` are in one block, with no block ending between them. */
  private sameBlock(from: number, to: number): boolean {
    const text = this.text;
    // Farther apart than this is not "the same few lines": not proven (keeps the lints linear).
    if (to - from > MAX_FLOW_DISTANCE) return false;
    if (this.family === 'python') {
      // One pass: a line that starts outside brackets and strings with less indentation closes the block.
      const indent = indentOf(text, text.lastIndexOf('\n', from - 1) + 1);
      let depth = 0;
      for (let i = from; i < to; i++) {
        const ch = text[i];
        if (ch === '"' || ch === "'") i = closingQuote(text, i, to);
        else if (ch === '#') {
          const nl = text.indexOf('\n', i);
          if (nl < 0) break;
          i = nl - 1;
        } else if (ch === '(' || ch === '[' || ch === '{') depth++;
        else if (ch === ')' || ch === ']' || ch === '}') depth--;
        else if (ch === '\n' && depth <= 0) {
          let j = i + 1;
          while (text[j] === ' ' || text[j] === '\t') j++;
          const blank = text[j] === '\n' || text[j] === '\r' || text[j] === '#' || j >= text.length;
          if (!blank && j - (i + 1) < indent && j < to) return false;
        }
      }
      return true;
    }
    let depth = 0;
    for (let i = from; i < to; i++) {
      const ch = text[i];
      if (ch === '"' || ch === "'" || ch === '`') i = closingQuote(text, i, to);
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth < 0) return false;
    }
    return true;
  }

  /** Offsets of the reads of `binding`'s name after it, in its scope and the scopes nested in it. */
  readsOf(binding: Binding): number[] {
    const syntax = this.model.syntax;
    if (!this.usesByName) {
      this.usesByName = new Map();
      syntax.chains.forEach((chain, i) => {
        if (chain.role !== 'use' || chain.afterExpression) return;
        const list = this.usesByName?.get(chain.segments[0]);
        if (list) list.push(i);
        else this.usesByName?.set(chain.segments[0], [i]);
      });
    }
    const home = this.scopeAt(binding.at);
    const out: number[] = [];
    for (const i of this.usesByName.get(binding.name) ?? []) {
      const chain = syntax.chains[i];
      const at = chain.starts[0];
      if (at < binding.at || at <= binding.valueEnd || !this.within(chain.scope, home)) continue;
      out.push(at);
    }
    return out;
  }

  /** Reads of `binding`'s name that call it (`model(x)`, `criterion(p, y)`): the call indexes. */
  callsOf(binding: Binding): number[] {
    if (!this.callByChainStart) {
      this.callByChainStart = new Map();
      for (const call of this.calls) {
        if (call.chain < 0) continue;
        const chain = this.model.syntax.chains[call.chain];
        if (!chain.afterExpression && chain.segments.length === 1) this.callByChainStart.set(chain.starts[0], call.index);
      }
    }
    const out: number[] = [];
    for (const at of this.readsOf(binding)) {
      const call = this.callByChainStart.get(at);
      if (call !== undefined) out.push(call);
    }
    return out;
  }

  /** The calls written directly in the arguments of call `index` (list items included), in order. */
  childCalls(index: number): readonly number[] {
    if (!this.children) {
      this.children = new Map();
      for (const call of this.calls) {
        if (call.parent < 0) continue;
        const list = this.children.get(call.parent);
        if (list) list.push(call.index);
        else this.children.set(call.parent, [call.index]);
      }
    }
    return this.children.get(index) ?? [];
  }

  /** Calls `name.method(...)` (`model.add(…)`), in order. */
  methodCallsOn(name: string): readonly number[] {
    if (!this.byReceiver) {
      this.byReceiver = new Map();
      for (const call of this.calls) {
        const segs = this.segments(call);
        if (!segs || segs.length !== 2) continue;
        const list = this.byReceiver.get(segs[0]);
        if (list) list.push(call.index);
        else this.byReceiver.set(segs[0], [call.index]);
      }
    }
    return this.byReceiver.get(name) ?? [];
  }

  private within(scope: number, ancestor: number): boolean {
    const scopes = this.model.syntax.scopes;
    for (let s = scope; s >= 0; s = scopes[s].parent) if (s === ancestor) return true;
    return false;
  }

  /** A class the document defines, by name (the first one). */
  classNamed(name: string): Scope | undefined {
    if (!this.classes) {
      this.classes = new Map();
      for (const s of this.model.syntax.scopes) if (s.kind === 'class' && !this.classes.has(s.name)) this.classes.set(s.name, s);
    }
    return this.classes.get(name);
  }

  /** A method of a class scope, by name. */
  methodOf(cls: Scope, name: string): Scope | undefined {
    if (!this.methods) {
      this.methods = new Map();
      for (const s of this.model.syntax.scopes) if (s.kind === 'function' && s.parent >= 0) this.methods.set(`${s.parent}:${s.name}`, s);
    }
    return this.methods.get(`${cls.index}:${name}`);
  }

  /** The class whose method holds `offset`. */
  classAt(offset: number): Scope | undefined {
    const scopes = this.model.syntax.scopes;
    for (let s = this.scopeAt(offset); s >= 0; s = scopes[s].parent) if (scopes[s].kind === 'class') return scopes[s];
    return undefined;
  }

  /** The expressions a function returns (its own return statements). */
  returnsOf(fn: Scope): Expr[] {
    if (!this.returnsByScope) {
      this.returnsByScope = new Map();
      for (const r of this.model.syntax.returns) {
        const list = this.returnsByScope.get(r.scope);
        if (list) list.push(r);
        else this.returnsByScope.set(r.scope, [r]);
      }
    }
    return (this.returnsByScope.get(fn.index) ?? []).map((r) => this.unwrap(this.exprAt(r.start, r.end)));
  }

  /** The value of `self.NAME` / `this.NAME`, when the class assigns it exactly once. */
  attribute(cls: Scope, name: string): Binding | undefined {
    const binding = cls.attributes.get(name);
    if (!binding) return undefined;
    if (!this.attributeTargets) {
      this.attributeTargets = new Map();
      const self = this.family === 'python' ? 'self' : 'this';
      for (const chain of this.model.syntax.chains) {
        if (chain.role !== 'target' || chain.segments.length !== 2 || chain.segments[0] !== self) continue;
        const owner = this.classAt(chain.starts[0]);
        if (!owner) continue;
        const key = `${owner.index}:${chain.segments[1]}`;
        this.attributeTargets.set(key, (this.attributeTargets.get(key) ?? 0) + 1);
      }
    }
    return (this.attributeTargets.get(`${cls.index}:${name}`) ?? 0) <= 1 ? binding : undefined;
  }

  /** The indentation of the line holding `offset` (Python). */
  indentAt(offset: number): number {
    return indentOf(this.text, this.text.lastIndexOf('\n', offset - 1) + 1);
  }
}

/**
 * The offset of the quote that closes the string opened at `open` (a backslash escapes the next character),
 * or `to` when it is not closed before `to`.
 */
function closingQuote(text: string, open: number, to: number): number {
  const quote = text[open];
  for (let i = open + 1; i < to; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === quote) return i;
  }
  return to;
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i - lineStart;
}
