/**
 * The document model's syntax layer: one pass over the tokens builds the calls (callee chain, arguments
 * with keyword / value / range, nesting), the name chains, the scopes (module, classes, functions with their
 * parameters), the assignments per scope, `self.NAME` / `this.NAME` attributes per class, function
 * definitions with their bodies, returns, and the imports. No catalogue knowledge here: resolve.ts reads
 * the framework table on top of it. Linear in the number of tokens; bracket nesting uses an explicit stack.
 */
import { isTfjsModule, TFJS_ROOT, type LanguageFamily } from '../frameworks/spellings';
import { MAX_LINE, OpCode, Tok, type Tokens } from './scanner';

/** A value as written: a literal, a name, a dotted chain, a call, an object literal, or anything else. */
export type Value =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'chain'; readonly chain: number }
  | { readonly kind: 'call'; readonly call: number }
  | { readonly kind: 'object'; readonly props: readonly Arg[] }
  | { readonly kind: 'lambda'; readonly def: number }
  | { readonly kind: 'other' };

/** One argument of a call (or property of an object literal, or parameter of a definition). */
export interface Arg {
  /** Keyword (`alpha=`), property key (`alpha:`) or parameter name; absent for a positional argument. */
  readonly key?: string;
  /** Offsets of the whole argument (key included), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the value alone. */
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly value: Value;
  /** `*args`, `**kwargs`, `...rest`. */
  readonly spread?: boolean;
}

/** A dotted name as written: `F.leaky_relu`, `self.act`, `x.softmax` (`.softmax` after `)` has an empty head). */
export interface Chain {
  readonly segments: readonly string[];
  /** Offset of each segment. */
  readonly starts: readonly number[];
  /** The chain hangs off an expression (`f(x).relu`, `logits[0].softmax`): segments[0] is not a name in scope. */
  readonly afterExpression: boolean;
  /** The call this chain is the callee of, or -1. */
  call: number;
  /** The scope the chain occurs in. */
  readonly scope: number;
  /** The chain is a keyword argument's key or a definition's name, not a use. */
  readonly role: 'use' | 'keyword' | 'key' | 'definition' | 'target' | 'import';
  /** The call whose argument list holds the chain (-1 when none), and which argument it is in. */
  readonly inCall: number;
  readonly argIndex: number;
}

/** A simple string literal given as an argument or property: `activation="relu"`, `Activation('gelu')`. */
export interface StringArg {
  readonly arg: Arg;
  /** The call it is an argument of (-1 for an object / dict literal's property). */
  readonly call: number;
  /** Its position among the call's arguments. */
  readonly index: number;
}

export interface Call {
  readonly index: number;
  /** The callee chain, or -1 for a call on an expression (`nn.ReLU()(x)`: `calleeCall` is then the inner call). */
  readonly chain: number;
  readonly calleeCall: number;
  readonly open: number;
  /** Offset after the closing parenthesis (the document's end when unclosed). */
  close: number;
  args: Arg[];
  /** The call whose arguments contain this one, or -1. */
  readonly parent: number;
  readonly scope: number;
}

export interface Binding {
  readonly name: string;
  /** A function parameter: `value` is its default, and the caller may pass anything else. */
  readonly param?: boolean;
  /** Offset of the statement that binds it. */
  readonly at: number;
  readonly value: Value;
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface Scope {
  readonly index: number;
  readonly kind: 'module' | 'class' | 'function';
  readonly name: string;
  readonly parent: number;
  readonly start: number;
  end: number;
  /** Python: the indentation of the `def` / `class` line. */
  readonly indent: number;
  /** Parameters of a function, in order, with their defaults. */
  params: Arg[];
  /** Assignments in this scope, by name, in document order. */
  readonly locals: Map<string, Binding[]>;
  /** Class scopes: `self.NAME = …` / `this.NAME = …` in its methods, by NAME (the last one wins). */
  readonly attributes: Map<string, Binding>;
}

/** A function the document defines: `def sigmoid(x):`, `function relu(x) {`, `gelu = lambda x: …`. */
export interface Definition {
  readonly index: number;
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly params: readonly string[];
  /** The body's offsets: a block, or a lambda / arrow expression. */
  readonly bodyStart: number;
  bodyEnd: number;
  /** The body is one expression (lambda, arrow without braces). */
  readonly expression: boolean;
  /** The scope of the body (-1 for an expression body). */
  readonly scope: number;
}

export interface Imports {
  /** Local name → dotted module path (Python) or `tf.…` / `?module` (JavaScript: `?` marks non-TF.js modules). */
  readonly aliases: Map<string, string>;
  /** Python `from module import *` modules. */
  readonly starModules: string[];
  /** Every imported module path. */
  readonly modules: string[];
}

export interface Syntax {
  readonly text: string;
  readonly family: LanguageFamily;
  readonly tokens: Tokens;
  readonly chains: Chain[];
  readonly calls: Call[];
  readonly scopes: Scope[];
  readonly definitions: Definition[];
  readonly imports: Imports;
  /** String literals given as arguments or properties, in document order. */
  readonly strings: StringArg[];
  /** Object / dict literals' properties (`{activation: 'relu'}`, `{"loss": "hinge"}`), each list in document order. */
  readonly objects: Arg[][];
  /** `return <expr>` statements: the function scope and the expression's offsets. */
  readonly returns: { readonly scope: number; readonly start: number; readonly end: number }[];
}

/** A bracket open during the pass. */
interface Frame {
  readonly char: number;
  /** Call index, or -1. */
  readonly call: number;
  /** Parameter list of a definition (args are parameters). */
  readonly params: Scope | undefined;
  /** A JS brace that is a block (statements inside), not an object literal. */
  readonly block: boolean;
  /** A block brace that opens this scope (closed with it). */
  readonly opensScope: number;
  readonly args: Arg[] | undefined;
  argStart: number;
}

/** Brackets that are neither calls, parameter lists nor object literals carry nothing: one shared frame each. */
const PLAIN_PAREN: Frame = Object.freeze({ char: 40, call: -1, params: undefined, block: false, opensScope: -1, args: undefined, argStart: -1 });
const PLAIN_BRACKET: Frame = Object.freeze({ char: 91, call: -1, params: undefined, block: false, opensScope: -1, args: undefined, argStart: -1 });

const DOT = 46;
const EQ = 61;

/**
 * Guards, so that no document can stall the builder (issue 16). Brackets nested deeper than MAX_DEPTH, and
 * the part of a physical line beyond its first MAX_LINE characters (minified code, generated data), are only
 * counted to keep the nesting balanced: no calls, arguments, chains or statements are recorded there, so those
 * regions have no sites and the hover answers nothing rather than something wrong. Brackets left open at the
 * end of an overlong line are closed there (the scanner forgets them too), so the code after it is read as usual.
 */
export const MAX_DEPTH = 128;
export { MAX_LINE };

/** [start, end) offsets of the physical lines of `text` longer than MAX_LINE, flattened. */
function longLines(text: string, from = 0): number[] {
  const out: number[] = [];
  // From the start of the line holding `from`.
  let start = from > 0 ? text.lastIndexOf('\n', from - 1) + 1 : 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_LINE) out.push(start, end);
    start = end + 1;
  }
  return out;
}

/**
 * A chain as the builder records it: its tokens (a name, then `.name` pairs) and where it occurs. The segments'
 * strings and offsets are read from the tokens when first asked for (most chains are never resolved).
 */
interface ChainSource {
  readonly text: string;
  readonly tokens: Tokens;
}

class ChainRecord implements Chain {
  private segmentList: string[] | undefined;
  private startList: number[] | undefined;
  constructor(
    /** The text and tokens the chain was read from (a later version's when reused: the same up to the chain). */
    public source: ChainSource,
    /** Token of the first segment, and the number of segments (segment i is token first + 2i). */
    readonly first: number,
    readonly count: number,
    readonly afterExpression: boolean,
    public call: number,
    readonly scope: number,
    readonly role: Chain['role'],
    readonly inCall: number,
    readonly argIndex: number,
  ) {}
  get segments(): readonly string[] {
    if (!this.segmentList) {
      const { text, tokens } = this.source;
      const list: string[] = [];
      for (let i = 0; i < this.count; i++) list.push(text.slice(tokens.start[this.first + 2 * i], tokens.end[this.first + 2 * i]));
      this.segmentList = list;
    }
    return this.segmentList;
  }
  get starts(): readonly number[] {
    if (!this.startList) {
      const { tokens } = this.source;
      const list: number[] = [];
      for (let i = 0; i < this.count; i++) list.push(tokens.start[this.first + 2 * i]);
      this.startList = list;
    }
    return this.startList;
  }
  /** Offset after the last segment. */
  get end(): number {
    return this.source.tokens.end[this.first + 2 * (this.count - 1)];
  }
}

/** Values that carry nothing of their own, shared. */
const OTHER: Value = Object.freeze({ kind: 'other' });
const NONE: Value = Object.freeze({ kind: 'none' });
const TRUE: Value = Object.freeze({ kind: 'bool', value: true });
const FALSE: Value = Object.freeze({ kind: 'bool', value: false });

/** Keywords by first character, so a name token is tested without taking its text. */
function keywordTable(words: readonly string[]): Map<number, string[]> {
  const table = new Map<number, string[]>();
  for (const w of words) {
    const list = table.get(w.charCodeAt(0));
    if (list) list.push(w);
    else table.set(w.charCodeAt(0), [w]);
  }
  return table;
}

const PY_KEYWORDS = new Set(['if', 'elif', 'while', 'for', 'in', 'not', 'and', 'or', 'is', 'return', 'yield', 'await', 'lambda', 'else', 'with', 'as', 'assert', 'del', 'raise', 'from', 'import', 'def', 'class', 'pass', 'global', 'nonlocal', 'try', 'except', 'finally', 'async', 'print']);
const JS_KEYWORDS = new Set(['if', 'else', 'while', 'for', 'in', 'of', 'return', 'typeof', 'new', 'const', 'let', 'var', 'function', 'class', 'import', 'export', 'from', 'await', 'async', 'yield', 'throw', 'case', 'switch', 'delete', 'void', 'instanceof', 'do', 'try', 'catch', 'finally', 'default', 'extends', 'super']);

/**
 * Where the builder may resume: the first token of a statement read with nothing open (no bracket, no scope but
 * the module's, nothing pending), and how long each list was there. Everything the builder made before it is
 * final there (later tokens never change it), except the module scope's bindings and the imports, which are
 * rebuilt from the lists' lengths and the alias log.
 */
interface Checkpoint {
  readonly tok: number;
  readonly at: number;
  readonly chains: number;
  readonly calls: number;
  readonly scopes: number;
  readonly definitions: number;
  readonly returns: number;
  readonly objects: number;
  readonly strings: number;
  readonly modules: number;
  readonly starModules: number;
  readonly aliases: number;
  /** Length of the module scope's binding log. */
  readonly moduleBindings: number;
}

/** What an earlier build leaves for the next version of the same document. */
interface ResumeState {
  readonly checkpoints: readonly Checkpoint[];
  /** Every `aliases.set(name, value)` in order. */
  readonly aliasLog: readonly (readonly [string, string])[];
  /** The name of each binding added to the module scope, in order. */
  readonly moduleLog: readonly string[];
}
const resumeStates = new WeakMap<Syntax, ResumeState>();

/** Checkpoints at least this many tokens apart. */
const CHECKPOINT_EVERY = 512;
/**
 * The builder reads ahead of the token it is at by at most this many tokens (a definition's colon, an import's
 * names, a JS import's `from`), so a checkpoint this far before the first changed token saw nothing changed.
 */
const LOOKAHEAD = { python: 256, js: 4200 } as const;

/**
 * Builds the syntax of `text`. With `reuse` (the syntax of an earlier version of the same document and the
 * index of the first token that differs between the two versions' tokens), what the earlier build made before
 * its last checkpoint safely before that token is reused and the pass starts there: the result is the same as
 * a fresh build.
 */
const PY_KEYWORD_TABLE = keywordTable([...PY_KEYWORDS]);
const JS_KEYWORD_TABLE = keywordTable([...JS_KEYWORDS]);

export function buildSyntax(text: string, family: LanguageFamily, tokens: Tokens, reuse?: { readonly syntax: Syntax; readonly firstChangedToken: number }): Syntax {
  const state = reuse && reuse.syntax.family === family ? resumeStates.get(reuse.syntax) : undefined;
  let from: Checkpoint | undefined;
  if (reuse && state) {
    const limit = reuse.firstChangedToken - LOOKAHEAD[family];
    const list = state.checkpoints;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].tok <= limit) {
        from = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
  }
  const builder = new Builder(text, family, tokens);
  if (from && reuse && state) builder.resumeAt(from, reuse.syntax, state);
  return builder.build();
}

class Builder {
  private chains: Chain[] = [];
  private calls: Call[] = [];
  private scopes: Scope[] = [];
  private definitions: Definition[] = [];
  private returns: Syntax['returns'] = [];
  private objects: Arg[][] = [];
  private strings: StringArg[] = [];
  private imports: Imports = { aliases: new Map(), starModules: [], modules: [] };
  private checkpoints: Checkpoint[] = [];
  private aliasLog: (readonly [string, string])[] = [];
  private moduleLog: string[] = [];
  private readonly source: ChainSource;
  /** The token the pass starts at (a checkpoint's, when resuming). */
  private firstTok = 0;
  private readonly frames: Frame[] = [];
  /** Python: scopes open by indentation; JS: scopes open by braces (innermost last). */
  private readonly open: number[] = [0];
  private readonly py: boolean;
  /** The chain that ended at the previous token (a following `(` makes it a callee), or -1. */
  private chainEndTok = -1;
  private chainEndIndex = -1;
  /** The last token of the last chain read (its tokens are not read again). */
  private covered = -1;
  /** Token index → the chain starting there / the call closing there (-1 when none). */
  /** The last call closed, and the token that closed it (kept through muted regions, unlike closedCall). */
  private lastClosedCall = -1;
  private lastClosedTok = -1;
  /** Lambda / arrow definitions whose expression body ends with the statement. */
  private readonly openExpressionDefs: number[] = [];
  /** Scope index → the definition whose body it is. */
  private readonly defOfScope = new Map<number, number>();
  /** The call closed by the previous token (`)`), for `f()(x)`. */
  private closedCallTok = -1;
  private closedCall = -1;
  /** A statement's pending assignment: target and where its value starts. */
  private pending: { name: string; attr: boolean; scope: number; at: number; valueTok: number; lambda?: boolean } | undefined;
  /** A definition whose parameter list comes next (`def f(`, `function f(`, a method `f(`). */
  private pendingDef: { name: string; nameStart: number; nameEnd: number; indent: number; arrow?: boolean } | undefined;
  /** A JS function whose `{` opens its scope next. */
  private pendingBlockScope = -1;
  private pendingBlockDef = -1;

  constructor(
    private readonly text: string,
    private readonly family: LanguageFamily,
    private readonly tokens: Tokens,
  ) {
    this.py = family === 'python';
    this.source = { text, tokens };
    this.scopes.push(newScope(0, 'module', '', -1, 0, -1));
  }

  /** Continues an earlier build of the same document from checkpoint `c` (see buildSyntax). */
  resumeAt(c: Checkpoint, previous: Syntax, state: ResumeState): void {
    this.firstTok = c.tok;
    this.chains = previous.chains.slice(0, c.chains);
    // Reused chains read their segments from this version (the same text up to them), so no old text stays alive.
    for (const chain of this.chains) (chain as ChainRecord).source = this.source;
    this.calls = previous.calls.slice(0, c.calls);
    this.scopes = previous.scopes.slice(0, c.scopes);
    this.definitions = previous.definitions.slice(0, c.definitions);
    this.returns = previous.returns.slice(0, c.returns);
    this.objects = previous.objects.slice(0, c.objects);
    this.strings = previous.strings.slice(0, c.strings);
    this.aliasLog = state.aliasLog.slice(0, c.aliases);
    const aliases = new Map<string, string>();
    for (const [name, value] of this.aliasLog) aliases.set(name, value);
    this.imports = { aliases, starModules: previous.imports.starModules.slice(0, c.starModules), modules: previous.imports.modules.slice(0, c.modules) };
    this.checkpoints = state.checkpoints.filter((k) => k.tok <= c.tok);
    // The module scope is the one object later statements add to. Its bindings (a Map that can hold a binding per
    // line) are MOVED from the earlier version, not copied: the bindings made after `c` are taken out, and the
    // earlier version's model must not be read after this (ModelCache drops it; nothing keeps a stale version).
    const module = previous.scopes[0];
    const locals = module.locals;
    this.moduleLog = state.moduleLog.slice(0, c.moduleBindings);
    for (let i = c.moduleBindings; i < state.moduleLog.length; i++) {
      const name = state.moduleLog[i];
      const list = locals.get(name);
      if (!list) continue;
      let n = 0;
      while (n < list.length && list[n].at < c.at) n++;
      if (n === 0) locals.delete(name);
      else list.length = n;
    }
    const moved = newScope(0, 'module', '', -1, 0, -1);
    (moved as { locals: Map<string, Binding[]> }).locals = locals;
    this.scopes[0] = moved;
  }

  private setAlias(name: string, value: string): void {
    this.imports.aliases.set(name, value);
    this.aliasLog.push([name, value]);
  }

  private tokText(t: number): string {
    return this.text.slice(this.tokens.start[t], this.tokens.end[t]);
  }
  private isOp(t: number, code: number): boolean {
    return t >= 0 && t < this.tokens.count && this.tokens.kind[t] === Tok.Op && this.tokens.aux[t] === code;
  }
  private get scope(): number {
    return this.open[this.open.length - 1];
  }

  build(): Syntax {
    const { tokens } = this;
    const { kind } = tokens;
    const { start: tokStart, aux } = tokens;
    let stmtStart = true;
    let indent = this.firstTok > 0 ? aux[this.firstTok - 1] : tokens.firstIndent;
    // Guards (see MAX_DEPTH / MAX_LINE): brackets opened while muted are counted only.
    // When resuming, the lines from the checkpoint's on (the pass reads no token before it).
    const long = longLines(this.text, this.firstTok > 0 ? tokStart[this.firstTok] : 0);
    let li = 0;
    /** Frames open when the current overlong line began (-1: not on one). */
    let lineBase = -1;
    let muted = 0;
    let nextCheckpoint = this.firstTok + CHECKPOINT_EVERY;
    for (let t = this.firstTok; t < tokens.count; t++) {
      const k = kind[t];
      let inTail = false;
      if (li < long.length) {
        const at = tokStart[t];
        if (lineBase >= 0 && at >= long[li + 1]) {
          // Leaving an overlong line: what it left open is closed at its end, like the scanner forgets it.
          while (this.frames.length > lineBase) this.closeBracket(t - 1);
          this.closedCallTok = -1;
          lineBase = -1;
          muted = 0;
        }
        while (li < long.length && at >= long[li + 1]) li += 2;
        if (li < long.length && at >= long[li]) {
          if (lineBase < 0) lineBase = this.frames.length;
          inTail = at >= long[li] + MAX_LINE;
        }
      }
      if (muted > 0 || inTail) {
        if (k === Tok.Op) {
          const code = aux[t];
          if (code === 40 || code === 91 || code === 123) muted++;
          else if (code === 41 || code === 93 || code === 125) {
            if (muted > 0) muted--;
            else this.closeBracket(t);
          }
        }
        if (k !== Tok.NL || muted > 0) {
          this.chainEndTok = -1;
          this.closedCallTok = -1;
          continue;
        }
      }
      if (k === Tok.NL) {
        const top = this.frames[this.frames.length - 1];
        // JS: a line break inside an object literal or an argument list is not a statement end.
        if (top && !top.block) continue;
        this.endStatement(t);
        stmtStart = true;
        indent = tokens.aux[t];
        continue;
      }
      if (stmtStart) {
        if (t >= nextCheckpoint && this.clean(lineBase, muted, t)) {
          this.checkpoint(t);
          nextCheckpoint = t + CHECKPOINT_EVERY;
        }
        stmtStart = false;
        const skip = this.statement(t, indent);
        if (skip > t) {
          t = skip - 1;
          stmtStart = true;
          continue;
        }
      }
      if (k === Tok.Name) {
        if (t > this.covered && !this.isOp(t - 1, DOT)) this.chain(t, false);
      } else if (k === Tok.Op) {
        const code = tokens.aux[t];
        if (code === DOT && tokens.kind[t + 1] === Tok.Name && t > this.covered) {
          const prev = t - 1;
          const afterExpr = prev >= 0 && (tokens.kind[prev] === Tok.Str || this.isOp(prev, 41) || this.isOp(prev, 93));
          if (afterExpr) this.chain(t + 1, true);
        } else if (code === 40 || code === 91 || code === 123) {
          if (this.frames.length >= MAX_DEPTH) {
            muted = 1;
            continue;
          }
          this.openBracket(t, code);
          const top = this.frames[this.frames.length - 1];
          if (code === 123 && top && top.block) stmtStart = true;
        } else if (code === 41 || code === 93 || code === 125) {
          this.closeBracket(t);
          if (code === 125) {
            const top = this.frames[this.frames.length - 1];
            if (!top || top.block) {
              this.endStatement(t);
              stmtStart = true;
            }
          }
        } else if (code === 44) {
          const top = this.frames[this.frames.length - 1];
          if (top?.args) {
            this.finishArg(top, t);
            top.argStart = t + 1;
          }
        } else if (code === 59 /* ; */) {
          const top = this.frames[this.frames.length - 1];
          if (!top || top.block) {
            this.endStatement(t);
            stmtStart = true;
          }
        } else if (code === OpCode.Arrow && !this.py) {
          this.arrow(t);
        }
      }
    }
    this.endStatement(tokens.count);
    while (this.frames.length > 0) this.closeBracket(-1);
    for (const s of this.open) if (this.scopes[s].end < 0) this.scopes[s].end = this.text.length;
    for (const d of this.definitions) if (d.bodyEnd < 0) d.bodyEnd = this.scopes[d.scope]?.end ?? this.text.length;
    const syntax: Syntax = {
      text: this.text,
      family: this.family,
      tokens,
      chains: this.chains,
      calls: this.calls,
      scopes: this.scopes,
      definitions: this.definitions,
      imports: this.imports,
      returns: this.returns,
      objects: this.objects,
      strings: this.strings,
    };
    resumeStates.set(syntax, { checkpoints: this.checkpoints, aliasLog: this.aliasLog, moduleLog: this.moduleLog });
    return syntax;
  }

  /** Nothing open at token `t` (a statement's first): no bracket, no scope but the module's, nothing pending. */
  private clean(lineBase: number, muted: number, t: number): boolean {
    return (
      this.frames.length === 0 &&
      this.open.length === 1 &&
      lineBase < 0 &&
      muted === 0 &&
      this.pending === undefined &&
      this.pendingDef === undefined &&
      this.pendingReturn === undefined &&
      this.pendingBlockScope < 0 &&
      this.pendingBlockDef < 0 &&
      this.pendingClass === '' &&
      this.openExpressionDefs.length === 0 &&
      t > 0 &&
      this.tokens.kind[t - 1] === Tok.NL &&
      // Python: the statement does not continue a scope (its indentation closes none).
      (!this.py || this.tokens.aux[t - 1] === 0)
    );
  }

  private checkpoint(t: number): void {
    this.checkpoints.push({
      tok: t,
      at: this.tokens.start[t],
      chains: this.chains.length,
      calls: this.calls.length,
      scopes: this.scopes.length,
      definitions: this.definitions.length,
      returns: this.returns.length,
      objects: this.objects.length,
      strings: this.strings.length,
      modules: this.imports.modules.length,
      starModules: this.imports.starModules.length,
      aliases: this.aliasLog.length,
      moduleBindings: this.moduleLog.length,
    });
  }

  // ------------------------------------------------------------------------------------- statements

  /**
   * A statement's first token: scope bookkeeping, imports, definitions, assignments, returns. Returns the
   * index of the first token after the statement when it consumed it whole (imports), else `t`.
   */
  private statement(t: number, indent: number): number {
    const { tokens } = this;
    if (this.py) this.popPythonScopes(indent, tokens.start[t]);
    if (tokens.kind[t] !== Tok.Name) return t;
    let first = this.tokText(t);
    let at = t;
    if (first === 'export' || (first === 'async' && tokens.kind[t + 1] === Tok.Name)) {
      at = t + 1;
      first = this.tokText(at);
    }
    if (first === 'import' || (first === 'from' && this.py)) return this.py ? this.pythonImport(at) : this.jsImport(at);
    if (first === 'def' || first === 'function' || first === 'class') {
      const nameTok = at + 1;
      if (tokens.kind[nameTok] !== Tok.Name) return t;
      const name = this.tokText(nameTok);
      // A JS class's scope opens with its brace (openBracket).
      if (first === 'class') {
        if (this.py) this.openScope('class', name, tokens.start[at], indent);
      } else this.pendingDef = { name, nameStart: tokens.start[nameTok], nameEnd: tokens.end[nameTok], indent };
      this.chains.push(new ChainRecord(this.source, nameTok, 1, false, -1, this.scope, 'definition', -1, -1));
      this.chainEndTok = -1;
      this.covered = nameTok;
      return t;
    }
    if (first === 'return') {
      this.pendingReturn = { scope: this.scope, start: tokens.end[at] };
      return t;
    }
    if (!this.py && (first === 'const' || first === 'let' || first === 'var')) {
      at++;
      if (this.isOp(at, 123)) {
        this.jsDestructuredRequire(at);
        return t;
      }
      if (tokens.kind[at] !== Tok.Name) return t;
      if (this.isOp(at + 1, EQ)) this.startAssignment(this.tokText(at), false, at + 2, t);
      return t;
    }
    // A JS class member: `name(params) {` or `constructor(…) {`.
    if (!this.py && this.scopes[this.scope].kind === 'class' && this.isOp(at + 1, 40)) {
      this.pendingDef = { name: first, nameStart: tokens.start[at], nameEnd: tokens.end[at], indent };
      return t;
    }
    // NAME = …, NAME: T = …, self.NAME = …, this.NAME = …
    if (this.isOp(at + 1, EQ)) this.startAssignment(first, false, at + 2, t);
    else if (this.py && this.isOp(at + 1, 58)) {
      // An annotated assignment: find `=` on the statement without crossing brackets far.
      for (let k = at + 2; k < tokens.count && k < at + 40 && tokens.kind[k] !== Tok.NL; k++) {
        if (this.isOp(k, EQ)) {
          this.startAssignment(first, false, k + 1, t);
          break;
        }
      }
    } else if ((first === 'self' || first === 'this') && this.isOp(at + 1, DOT) && tokens.kind[at + 2] === Tok.Name && this.isOp(at + 3, EQ)) {
      this.startAssignment(this.tokText(at + 2), true, at + 4, t);
    }
    return t;
  }

  private pendingReturn: { scope: number; start: number } | undefined;

  private startAssignment(name: string, attr: boolean, valueTok: number, stmtTok: number): void {
    const { tokens } = this;
    const lambda = this.py && tokens.kind[valueTok] === Tok.Name && this.tokText(valueTok) === 'lambda';
    this.pending = { name, attr, scope: this.scope, at: tokens.start[stmtTok], valueTok, lambda };
    if (lambda) {
      // `gelu = lambda x: …`: a definition whose body is the expression after the colon.
      const params: string[] = [];
      let k = valueTok + 1;
      while (k < tokens.count && tokens.kind[k] !== Tok.NL && !this.isOp(k, 58)) {
        if (tokens.kind[k] === Tok.Name) params.push(this.tokText(k));
        k++;
      }
      const nameTok = valueTok - 2;
      if (this.isOp(k, 58) && this.tokText(nameTok) === name) {
        this.openExpressionDefs.push(this.definitions.length);
        this.definitions.push({
          index: this.definitions.length,
          name,
          nameStart: tokens.start[nameTok],
          nameEnd: tokens.end[nameTok],
          params,
          bodyStart: tokens.end[k],
          bodyEnd: -2,
          expression: true,
          scope: -1,
        });
      }
    }
  }

  private endStatement(t: number): void {
    const end = t < this.tokens.count ? this.tokens.start[t] : this.text.length;
    const lastEnd = this.lastTokenEndBefore(t);
    if (this.pendingReturn) {
      this.returns.push({ scope: this.pendingReturn.scope, start: this.pendingReturn.start, end: Math.max(lastEnd, this.pendingReturn.start) });
      this.pendingReturn = undefined;
    }
    const p = this.pending;
    if (p) {
      this.pending = undefined;
      if (p.valueTok < t && !this.py && !p.attr) {
        const module = this.requiredModule(p.valueTok);
        if (module !== undefined) this.setAlias(p.name, moduleTarget(module));
      }
      if (p.valueTok < t) {
        const value = this.valueOf(p.valueTok, t);
        const binding: Binding = { name: p.name, at: p.at, value, valueStart: this.tokens.start[p.valueTok], valueEnd: lastEnd };
        if (p.attr) {
          const cls = this.enclosingClass(p.scope);
          if (cls >= 0) this.scopes[cls].attributes.set(p.name, binding);
        } else {
          const locals = this.scopes[p.scope].locals;
          const list = locals.get(p.name);
          if (list) list.push(binding);
          else locals.set(p.name, [binding]);
          if (p.scope === 0) this.moduleLog.push(p.name);
        }
        if (p.lambda) {
          const d = this.definitions[this.definitions.length - 1];
          if (d && d.bodyEnd === -2 && d.name === p.name) d.bodyEnd = lastEnd;
        }
      }
    }
    // An expression-bodied lambda / arrow ends with its statement.
    for (const d of this.openExpressionDefs) if (this.definitions[d].bodyEnd === -2) this.definitions[d].bodyEnd = Math.max(this.definitions[d].bodyStart, lastEnd);
    this.openExpressionDefs.length = 0;
    void end;
  }

  private lastTokenEndBefore(t: number): number {
    let k = Math.min(t, this.tokens.count) - 1;
    while (k >= 0 && this.tokens.kind[k] === Tok.NL) k--;
    return k >= 0 ? this.tokens.end[k] : 0;
  }

  /** The class a method's `self.NAME` belongs to: the function's enclosing class scope, or -1. */
  private enclosingClass(scope: number): number {
    let s = scope;
    while (s >= 0 && this.scopes[s].kind === 'function') {
      const parent = this.scopes[s].parent;
      if (parent >= 0 && this.scopes[parent].kind === 'class') return parent;
      s = parent;
    }
    return -1;
  }

  private openScope(kind: 'class' | 'function', name: string, start: number, indent: number): number {
    const index = this.scopes.length;
    this.scopes.push(newScope(index, kind, name, this.scope, start, indent));
    this.open.push(index);
    return index;
  }

  /** Python: a statement at `indent` closes every def / class at that indentation or deeper. */
  private popPythonScopes(indent: number, at: number): void {
    while (this.open.length > 1) {
      const s = this.scopes[this.open[this.open.length - 1]];
      if (s.indent < indent) break;
      s.end = at;
      this.open.pop();
    }
  }

  // ------------------------------------------------------------------------------------------ chains

  private chain(t: number, afterExpression: boolean): void {
    const { tokens } = this;
    let count = 1;
    let k = t;
    while (this.isOp(k + 1, DOT) && tokens.kind[k + 2] === Tok.Name && count < 64) {
      k += 2;
      count++;
    }
    this.chainEndTok = k;
    this.covered = k;
    if (!afterExpression && count === 1) {
      const keyword = this.keywordAt(t);
      if (keyword !== undefined) {
        this.chainEndTok = -1;
        if (keyword === 'function' && !this.py) this.jsFunctionKeyword(t);
        return;
      }
    }
    let role: Chain['role'] = 'use';
    const top = this.frames[this.frames.length - 1];
    const next = k + 1;
    let argStart = top ? top.argStart : -1;
    while (argStart >= 0 && tokens.kind[argStart] === Tok.NL) argStart++;
    if (count === 1 && top && top.args && argStart === t) {
      if (this.isOp(next, EQ) && this.py) role = 'keyword';
      else if (this.isOp(next, 58) && !top.block && top.char === 123) role = 'key';
    }
    if (!this.py && count === 1 && this.isOp(next, 58) && top && top.char === 123 && !top.block) role = 'key';
    if (role === 'use' && !afterExpression && this.isOp(next, EQ) && (!top || top.block)) role = 'target';
    // Keyword names and attribute targets are not uses: nothing resolves them, so they are not kept.
    if (role === 'keyword' || (role === 'target' && count > 1)) {
      this.chainEndIndex = -1;
      return;
    }
    this.chainEndIndex = this.chains.length;
    const inCall = top && top.call >= 0 ? top.call : -1;
    this.chains.push(new ChainRecord(this.source, t, count, afterExpression, -1, this.scope, role, inCall, inCall >= 0 && top?.args ? top.args.length : -1));
  }

  /** The keyword name token `t` spells, or undefined (no slice of the text). */
  private keywordAt(t: number): string | undefined {
    const { tokens, text } = this;
    const s = tokens.start[t];
    const list = (this.py ? PY_KEYWORD_TABLE : JS_KEYWORD_TABLE).get(text.charCodeAt(s));
    if (!list) return undefined;
    const length = tokens.end[t] - s;
    for (const word of list) if (word.length === length && text.startsWith(word, s)) return word;
    return undefined;
  }

  /** `function name(` is handled at statement start; an anonymous `function (` opens a scope all the same. */
  private jsFunctionKeyword(t: number): void {
    const { tokens } = this;
    if (tokens.kind[t + 1] === Tok.Name && this.isOp(t + 2, 40)) {
      // A named function expression: `const f = function relu(x) {…}`.
      this.pendingDef = { name: this.tokText(t + 1), nameStart: tokens.start[t + 1], nameEnd: tokens.end[t + 1], indent: 0 };
    } else if (this.isOp(t + 1, 40)) {
      const name = this.pending && !this.pending.attr ? this.pending.name : '';
      this.pendingDef = { name, nameStart: -1, nameEnd: -1, indent: 0 };
    }
  }

  /** `(x) => …` / `x => …`: a function (named by the assignment it is the value of, if any). */
  private arrow(t: number): void {
    const { tokens } = this;
    const params: string[] = [];
    if (this.isOp(t - 1, 41)) {
      // Walk back over a flat parameter list.
      let k = t - 2;
      while (k >= 0 && k > t - 64 && !this.isOp(k, 40)) {
        if (tokens.kind[k] === Tok.Name && (this.isOp(k - 1, 40) || this.isOp(k - 1, 44))) params.unshift(this.tokText(k));
        k--;
      }
    } else if (tokens.kind[t - 1] === Tok.Name) params.push(this.tokText(t - 1));
    const p = this.pending;
    const name = p && !p.attr ? p.name : '';
    if (this.isOp(t + 1, 123)) {
      const scope = this.newFunctionScope(name, tokens.start[t], params);
      this.pendingBlockScope = scope;
      this.pendingBlockDef = name && p && p.valueTok <= t ? this.addDefinition(name, p, params, tokens.end[t + 1], false, scope) : -1;
    } else if (name && p && p.valueTok <= t) {
      this.addDefinition(name, p, params, tokens.end[t], true, -1);
    }
  }

  private addDefinition(name: string, p: NonNullable<Builder['pending']>, params: string[], bodyStart: number, expression: boolean, scope: number): number {
    const nameTok = p.valueTok - 2;
    const index = this.definitions.length;
    if (expression) this.openExpressionDefs.push(index);
    else if (scope >= 0) this.defOfScope.set(scope, index);
    this.definitions.push({
      index,
      name,
      nameStart: this.tokens.start[nameTok],
      nameEnd: this.tokens.end[nameTok],
      params,
      bodyStart,
      bodyEnd: expression ? -2 : -1,
      expression,
      scope,
    });
    return index;
  }

  private newFunctionScope(name: string, start: number, params: string[]): number {
    const index = this.scopes.length;
    const scope = newScope(index, 'function', name, this.scope, start, -1);
    scope.params = params.map((n) => ({ key: n, start, end: start, valueStart: start, valueEnd: start, value: NONE }));
    this.scopes.push(scope);
    return index;
  }

  // ---------------------------------------------------------------------------------------- brackets

  private openBracket(t: number, code: number): void {
    const { tokens } = this;
    const start = tokens.start[t];
    if (code === 40) {
      const def = this.pendingDef;
      if (def) {
        // A definition's parameter list: `def f(` / `function f(` / method `f(`.
        this.pendingDef = undefined;
        let scopeIndex: number;
        if (this.py) scopeIndex = this.openScope('function', def.name, def.nameStart, def.indent);
        else {
          scopeIndex = this.newFunctionScope(def.name, def.nameStart, []);
          this.pendingBlockScope = scopeIndex;
        }
        const scope = this.scopes[scopeIndex];
        const args: Arg[] = [];
        this.frames.push({ char: code, call: -1, params: scope, block: false, opensScope: -1, args, argStart: t + 1 });
        if (def.nameStart >= 0) {
          const index = this.definitions.length;
          this.definitions.push({ index, name: def.name, nameStart: def.nameStart, nameEnd: def.nameEnd, params: [], bodyStart: -1, bodyEnd: -1, expression: false, scope: scopeIndex });
          this.defOfScope.set(scopeIndex, index);
          if (!this.py) this.pendingBlockDef = index;
        }
        this.chainEndTok = -1;
        return;
      }
      let chain = -1;
      let calleeCall = -1;
      if (this.chainEndTok === t - 1 && this.chainEndIndex >= 0) chain = this.chainEndIndex;
      else if (this.closedCallTok === t - 1) calleeCall = this.closedCall;
      if (chain >= 0 || calleeCall >= 0) {
        const index = this.calls.length;
        const parentFrame = this.innermostCall();
        // The call and its frame share the argument list.
        const args: Arg[] = [];
        this.calls.push({ index, chain, calleeCall, open: start, close: this.text.length, args, parent: parentFrame, scope: this.scope });
        if (chain >= 0) this.chains[chain].call = index;
        this.frames.push({ char: code, call: index, params: undefined, block: false, opensScope: -1, args, argStart: t + 1 });
        this.chainEndTok = -1;
        return;
      }
      this.frames.push(PLAIN_PAREN);
      return;
    }
    if (code === 123) {
      if (!this.py && this.pendingBlockScope >= 0) {
        const scope = this.pendingBlockScope;
        this.pendingBlockScope = -1;
        this.open.push(scope);
        const def = this.pendingBlockDef;
        this.pendingBlockDef = -1;
        if (def >= 0 && this.definitions[def].bodyStart < 0) {
          (this.definitions[def] as { bodyStart: number }).bodyStart = tokens.end[t];
        }
        this.frames.push({ char: code, call: -1, params: undefined, block: true, opensScope: scope, args: undefined, argStart: t + 1 });
        return;
      }
      const block = !this.py && this.isBlockBrace(t);
      if (block && this.pendingClass) {
        const scope = this.openScope('class', this.pendingClass, tokens.start[t], -1);
        this.pendingClass = '';
        this.frames.push({ char: code, call: -1, params: undefined, block: true, opensScope: scope, args: undefined, argStart: t + 1 });
        return;
      }
      this.frames.push({ char: code, call: -1, params: undefined, block, opensScope: -1, args: block ? undefined : [], argStart: t + 1 });
      return;
    }
    this.frames.push(PLAIN_BRACKET);
  }

  private pendingClass = '';

  /** A JS `{` that starts a block: after `)`, `=>`, `else`, `try`, `finally`, `do`, a class header, or at statement start. */
  private isBlockBrace(t: number): boolean {
    const { tokens } = this;
    if (t === 0) return true;
    const p = t - 1;
    const kind = tokens.kind[p];
    if (kind === Tok.NL) return true;
    if (kind === Tok.Op) {
      const code = tokens.aux[p];
      return code === 41 || code === OpCode.Arrow || code === 59 || code === 123 || code === 125;
    }
    if (kind === Tok.Name) {
      const word = this.tokText(p);
      if (word === 'else' || word === 'try' || word === 'finally' || word === 'do') return true;
      // `class Name extends Base {`
      for (let k = p; k >= 0 && k > p - 8; k--) {
        if (tokens.kind[k] === Tok.Name && this.tokText(k) === 'class') {
          const name = tokens.kind[k + 1] === Tok.Name ? this.tokText(k + 1) : '';
          this.pendingClass = name && name !== 'extends' ? name : 'anonymous';
          return true;
        }
        if (tokens.kind[k] !== Tok.Name && !this.isOp(k, DOT)) break;
      }
    }
    return false;
  }

  private innermostCall(): number {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f.call >= 0) return f.call;
      if (f.block) return -1;
    }
    return -1;
  }

  private closeBracket(t: number): void {
    const frame = this.frames.pop();
    if (!frame) return;
    const end = t >= 0 ? this.tokens.end[t] : this.text.length;
    if (frame.args) this.finishArg(frame, t >= 0 ? t : this.tokens.count);
    if (frame.call >= 0) {
      const call = this.calls[frame.call];
      call.close = end;
      call.args = frame.args ?? [];
      this.closedCall = frame.call;
      this.closedCallTok = t;
      if (t >= 0) {
        this.lastClosedCall = frame.call;
        this.lastClosedTok = t;
      }
    } else if (frame.params) {
      frame.params.params = frame.args ?? [];
      const def = this.definitions[this.definitions.length - 1];
      if (def && def.scope === frame.params.index) {
        (def as { params: readonly string[] }).params = frame.params.params.filter((a) => a.key && a.key !== 'self' && a.key !== 'cls').map((a) => a.key as string);
        if (this.py) {
          // The body starts after the header's colon.
          let k = t + 1;
          while (k < this.tokens.count && k < t + 64 && !this.isOp(k, 58)) k++;
          (def as { bodyStart: number }).bodyStart = k < this.tokens.count ? this.tokens.end[k] : end;
        }
      }
    } else if (frame.opensScope >= 0) {
      const scope = this.scopes[frame.opensScope];
      scope.end = end;
      const at = this.open.lastIndexOf(frame.opensScope);
      if (at > 0) this.open.length = at;
      const d = this.defOfScope.get(frame.opensScope);
      if (d !== undefined && this.definitions[d].bodyEnd < 0) this.definitions[d].bodyEnd = t >= 0 ? this.tokens.start[t] : end;
    }
    if (frame.char === 123 && !frame.block && frame.args) {
      this.lastObject = { tok: t, props: frame.args };
      if (frame.args.length > 0) this.objects.push(frame.args);
    }
  }

  private lastObject: { tok: number; props: Arg[] } | undefined;

  /** Adds the argument tokens[argStart, t) to the frame's list. */
  private finishArg(frame: Frame, t: number): void {
    const { tokens } = this;
    let a = frame.argStart;
    let b = t;
    while (a < b && tokens.kind[a] === Tok.NL) a++;
    while (b > a && tokens.kind[b - 1] === Tok.NL) b--;
    if (a >= b || !frame.args) return;
    const start = tokens.start[a];
    const end = tokens.end[b - 1];
    let key: string | undefined;
    let valueTok = a;
    let spread = false;
    if (tokens.kind[a] === Tok.Op && (tokens.aux[a] === 42 || tokens.aux[a] === OpCode.Power || tokens.aux[a] === OpCode.Spread)) {
      spread = true;
      valueTok = a + 1;
    } else if (frame.char === 123) {
      // `key: value`, `'key': value`, `{alpha}` shorthand.
      if ((tokens.kind[a] === Tok.Name || tokens.kind[a] === Tok.Str) && this.isOp(a + 1, 58)) {
        key = tokens.kind[a] === Tok.Name ? this.tokText(a) : stringContent(this.tokText(a));
        valueTok = a + 2;
      } else if (!this.py && tokens.kind[a] === Tok.Name && b === a + 1) {
        key = this.tokText(a);
      } else if (this.py) return;
    } else if (tokens.kind[a] === Tok.Name && this.isOp(a + 1, EQ)) {
      key = this.tokText(a);
      valueTok = a + 2;
    } else if (frame.params && tokens.kind[a] === Tok.Name) {
      // A parameter: `alpha`, `alpha: float = 0.2`, `alpha = 0.2` (JS).
      key = this.tokText(a);
      valueTok = b;
      for (let k = a + 1; k < b; k++) {
        if (this.isOp(k, EQ)) {
          valueTok = k + 1;
          break;
        }
      }
    }
    if (frame.params && key === undefined && !spread) return;
    const value = valueTok < b ? this.valueOf(valueTok, b) : NONE;
    const valueStart = valueTok < b ? tokens.start[valueTok] : end;
    const arg: Arg = spread ? { key, start, end, valueStart, valueEnd: end, value, spread } : { key, start, end, valueStart, valueEnd: end, value };
    // A parameter's string default counts too: `def __init__(self, act_layer="gelu")`.
    if (value.kind === 'string' && (!frame.params || key !== undefined)) this.strings.push({ arg, call: frame.call, index: frame.args.length });
    frame.args.push(arg);
  }

  /** What tokens[a, b) spell, when it is one of the forms the model reads. */
  private valueOf(a: number, b: number): Value {
    const { tokens } = this;
    let sign = 1;
    let k = a;
    if (b - a === 2 && tokens.kind[a] === Tok.Op && (tokens.aux[a] === 45 || tokens.aux[a] === 43)) {
      sign = tokens.aux[a] === 45 ? -1 : 1;
      k = a + 1;
    }
    // `(0.2)` still spells a number.
    if (b - a === 3 && this.isOp(a, 40) && this.isOp(a + 2, 41)) k = a + 1;
    if (k === b - 1 || (k === a + 1 && b - a === 3)) {
      const kind = tokens.kind[k];
      const text = this.tokText(k);
      if (kind === Tok.Num) {
        const n = Number(text.includes('_') ? text.replace(/_/g, '') : text);
        return Number.isFinite(n) ? { kind: 'number', value: sign * n } : OTHER;
      }
      if (sign !== 1 || k !== a) return OTHER;
      if (kind === Tok.Str) {
        const content = stringContent(text);
        return content === undefined ? OTHER : { kind: 'string', value: content };
      }
      if (kind === Tok.Name) {
        if (text === 'True' || text === 'true') return TRUE;
        if (text === 'False' || text === 'false') return FALSE;
        if (text === 'None' || text === 'null' || text === 'undefined') return NONE;
        return { kind: 'name', name: text };
      }
    }
    if (tokens.kind[a] === Tok.Name) {
      // A chain `a.b.c` spanning the whole value, or a call `a.b(…)` / `a.b()(…)` closing at b - 1.
      const chainIndex = this.chainStartingAt(a);
      if (chainIndex >= 0) {
        const chain = this.chains[chainIndex] as ChainRecord;
        if (chain.end === tokens.end[b - 1] && chain.count > 1) return { kind: 'chain', chain: chainIndex };
        // valueOf runs while the token after the value is read, so a call closing at b - 1 is the last one closed.
        const c = this.lastClosedTok === b - 1 ? this.lastClosedCall : -1;
        if (c >= 0 && this.callStart(this.calls[c]) === tokens.start[a]) return { kind: 'call', call: c };
      }
    }
    if (this.isOp(a, 123) && this.isOp(b - 1, 125) && this.lastObject && this.lastObject.tok === b - 1) {
      return { kind: 'object', props: this.lastObject.props };
    }
    if (this.py && tokens.kind[a] === Tok.Name && this.tokText(a) === 'lambda') {
      const d = this.definitions[this.definitions.length - 1];
      if (d && d.expression) return { kind: 'lambda', def: d.index };
    }
    return OTHER;
  }

  /** The chain (not a definition's name) whose first token is `t`, or -1: chains are in token order. */
  private chainStartingAt(t: number): number {
    const { chains } = this;
    let lo = 0;
    let hi = chains.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const first = (chains[mid] as ChainRecord).first;
      if (first === t) return chains[mid].role === 'definition' ? -1 : mid;
      if (first < t) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private callStart(call: Call): number {
    let c = call;
    while (c.chain < 0 && c.calleeCall >= 0) c = this.calls[c.calleeCall];
    return c.chain >= 0 ? this.tokens.start[(this.chains[c.chain] as ChainRecord).first] : c.open;
  }


  // ----------------------------------------------------------------------------------------- imports

  /** `import a.b as c, d` / `from a.b import (c as d, e)` / `from a import *`; returns the token after it. */
  private pythonImport(t: number): number {
    const { tokens } = this;
    const { modules, starModules } = this.imports;
    let k = t;
    const dotted = (): string | undefined => {
      if (tokens.kind[k] !== Tok.Name) return undefined;
      let path = this.tokText(k);
      if (PY_KEYWORDS.has(path)) return undefined;
      k++;
      while (this.isOp(k, DOT) && tokens.kind[k + 1] === Tok.Name) {
        path += `.${this.tokText(k + 1)}`;
        k += 2;
      }
      return path;
    };
    const asName = (): string | undefined => {
      if (tokens.kind[k] === Tok.Name && this.tokText(k) === 'as' && tokens.kind[k + 1] === Tok.Name) {
        const name = this.tokText(k + 1);
        k += 2;
        return name;
      }
      return undefined;
    };
    const end = (): number => {
      while (k < tokens.count && tokens.kind[k] !== Tok.NL && !this.isOp(k, 59)) k++;
      return k;
    };
    if (this.tokText(t) === 'import') {
      k = t + 1;
      for (;;) {
        const module = dotted();
        if (!module) return end();
        modules.push(module);
        const alias = asName();
        if (alias) this.setAlias(alias, module);
        else {
          const dot = module.indexOf('.');
          const root = dot < 0 ? module : module.slice(0, dot);
          this.setAlias(root, root);
        }
        if (!this.isOp(k, 44)) return end();
        k++;
      }
    }
    // from
    k = t + 1;
    if (this.isOp(k, DOT)) return end();
    const module = dotted();
    if (!module || !(tokens.kind[k] === Tok.Name && this.tokText(k) === 'import')) return end();
    k++;
    modules.push(module);
    const paren = this.isOp(k, 40);
    if (paren) k++;
    for (;;) {
      while (paren && tokens.kind[k] === Tok.NL) k++;
      if (this.isOp(k, 42)) {
        starModules.push(module);
        k++;
      } else if (tokens.kind[k] === Tok.Name) {
        const name = this.tokText(k);
        k++;
        const alias = asName();
        this.setAlias(alias ?? name, `${module}.${name}`);
      } else break;
      if (!this.isOp(k, 44)) break;
      k++;
    }
    if (paren) {
      while (k < tokens.count && !this.isOp(k, 41)) k++;
      k++;
    }
    return end();
  }

  /** `const { layers, losses: L } = require('…')` (or `= await import('…')`). */
  private jsDestructuredRequire(open: number): void {
    const { tokens } = this;
    const bound: [string, string][] = [];
    let k = open + 1;
    for (; k < tokens.count && k < open + 512 && !this.isOp(k, 125); k++) {
      if (tokens.kind[k] !== Tok.Name) continue;
      const name = this.tokText(k);
      if (this.isOp(k + 1, 58) && tokens.kind[k + 2] === Tok.Name) {
        bound.push([this.tokText(k + 2), name]);
        k += 2;
      } else bound.push([name, name]);
    }
    if (!this.isOp(k, 125) || !this.isOp(k + 1, EQ)) return;
    const module = this.requiredModule(k + 2);
    if (module === undefined) return;
    const target = moduleTarget(module);
    for (const [local, name] of bound) this.setAlias(local, `${target}.${name}`);
  }

  /** The module of `require('m')` / `await import('m')` starting at token k, recorded as imported. */
  private requiredModule(k: number): string | undefined {
    const { tokens } = this;
    if (tokens.kind[k] === Tok.Name && this.tokText(k) === 'await') k++;
    if (tokens.kind[k] !== Tok.Name) return undefined;
    const word = this.tokText(k);
    if ((word !== 'require' && word !== 'import') || !this.isOp(k + 1, 40) || tokens.kind[k + 2] !== Tok.Str || !this.isOp(k + 3, 41)) return undefined;
    const module = stringContent(this.tokText(k + 2));
    if (module !== undefined) this.imports.modules.push(module);
    return module;
  }

  /** `import tf, {a, b as c} from '…'`, `import * as tf from '…'`, `import tf = require('…')`. */
  private jsImport(t: number): number {
    const { tokens } = this;
    const { modules } = this.imports;
    // `import(…)` is an expression: leave it to the require-like handling of calls.
    if (this.isOp(t + 1, 40)) return t;
    let k = t + 1;
    const bound: [string, string | undefined][] = [];
    if (tokens.kind[k] === Tok.Name && this.tokText(k) === 'type') k++;
    for (let guard = 0; guard < 4096 && k < tokens.count; guard++) {
      if (tokens.kind[k] === Tok.Str) break;
      if (tokens.kind[k] === Tok.Name && this.tokText(k) === 'from') {
        k++;
        break;
      }
      if (this.isOp(k, 42) && tokens.kind[k + 1] === Tok.Name && this.tokText(k + 1) === 'as' && tokens.kind[k + 2] === Tok.Name) {
        bound.push([this.tokText(k + 2), undefined]);
        k += 3;
      } else if (this.isOp(k, 123)) {
        k++;
        while (k < tokens.count && !this.isOp(k, 125) && tokens.kind[k] !== Tok.Str) {
          if (tokens.kind[k] === Tok.Name) {
            let name = this.tokText(k);
            if (name === 'type' && tokens.kind[k + 1] === Tok.Name) {
              k++;
              name = this.tokText(k);
            }
            let local = name;
            if (tokens.kind[k + 1] === Tok.Name && this.tokText(k + 1) === 'as' && tokens.kind[k + 2] === Tok.Name) {
              local = this.tokText(k + 2);
              k += 2;
            }
            bound.push([local, name]);
          }
          k++;
        }
        k++;
      } else if (tokens.kind[k] === Tok.Name && this.isOp(k + 1, EQ) && tokens.kind[k + 2] === Tok.Name && this.tokText(k + 2) === 'require') {
        // TypeScript `import tf = require('…')`
        const local = this.tokText(k);
        const str = k + 4;
        if (this.isOp(k + 3, 40) && tokens.kind[str] === Tok.Str) {
          const module = stringContent(this.tokText(str));
          if (module !== undefined) {
            modules.push(module);
            this.setAlias(local, moduleTarget(module));
          }
        }
        return t;
      } else if (tokens.kind[k] === Tok.Name) {
        bound.push([this.tokText(k), undefined]);
        k++;
      } else if (this.isOp(k, 44)) k++;
      else return t;
    }
    if (tokens.kind[k] !== Tok.Str) return t;
    const module = stringContent(this.tokText(k));
    if (module === undefined) return t;
    modules.push(module);
    const target = moduleTarget(module);
    for (const [local, name] of bound) this.setAlias(local, name === undefined ? target : `${target}.${name}`);
    return t;
  }
}

function moduleTarget(module: string): string {
  return isTfjsModule(module) ? TFJS_ROOT : `?${module}`;
}

function newScope(index: number, kind: Scope['kind'], name: string, parent: number, start: number, indent: number): Scope {
  return { index, kind, name, parent, start, end: -1, indent, params: [], locals: new Map(), attributes: new Map() };
}

/** The content of a simple string literal (`'relu'`, `r"x"`), or undefined for f-strings, triple quotes and escapes. */
function stringContent(literal: string): string | undefined {
  let i = 0;
  while (i < literal.length && i < 3 && /[rRuUbB]/.test(literal[i])) i++;
  const q = literal[i];
  if (q !== "'" && q !== '"' && q !== '`') return undefined;
  if (literal.length - i < 2 || literal[literal.length - 1] !== q) return undefined;
  const body = literal.slice(i + 1, -1);
  if (body.length > 200 || body.includes('\\') || body.includes(q) || (q === '`' && body.includes('${'))) return undefined;
  return body;
}
