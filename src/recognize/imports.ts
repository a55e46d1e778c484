/**
 * The names a document's import statements bind: `import torch.nn.functional as F` binds F to
 * `torch.nn.functional`; `from keras import layers` binds layers to `keras.layers`;
 * `import * as tf from '@tensorflow/tfjs'` and `const tf = require('@tensorflow/tfjs')` bind tf to TF.js.
 *
 * Found with indexOf on the keywords (no regular expression runs over the whole document), each
 * statement parsed within a bounded slice, and statements inside strings or comments skipped.
 */
import { inTripleQuoted } from './lexer';

/** The TF.js root every `@tensorflow/tfjs*` import resolves to. */
export const TFJS_ROOT = 'tf';

export interface Imports {
  /** Local name → dotted module path (Python) or `tf.…` / `?module` (JavaScript: `?` marks non-TF.js modules). */
  readonly aliases: ReadonlyMap<string, string>;
  /** Python `from module import *` modules. */
  readonly starModules: readonly string[];
  /** Every imported module path, to tell which frameworks the document uses. */
  readonly modules: readonly string[];
}

/** Longest import statement looked at, in characters. */
const MAX_STATEMENT = 2000;

/** The imports of a document; `triples` are its Python triple-quoted strings (imports there do not count). */
export function scanImports(text: string, family: 'python' | 'js', triples?: Int32Array): Imports {
  const aliases = new Map<string, string>();
  const starModules: string[] = [];
  const modules: string[] = [];
  const result = { aliases, starModules, modules };
  if (family === 'python') scanPython(text, triples ?? new Int32Array(0), result);
  else scanJs(text, result);
  return result;
}

interface Sink {
  aliases: Map<string, string>;
  starModules: string[];
  modules: string[];
}

function isIdent(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

/** Each index where `word` occurs as a whole word. */
function* wordOccurrences(text: string, word: string): Generator<number> {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return;
    from = at + word.length;
    if (at > 0 && (isIdent(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === 46)) continue;
    if (isIdent(text.charCodeAt(at + word.length))) continue;
    yield at;
  }
}

/** Whether the line holding `at` is a JavaScript comment line (`//…`, ` * …`, `/* …`) before `at`. */
function onCommentLine(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && at - i < MAX_STATEMENT) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  const head = text.slice(i, at).trimStart();
  return head.startsWith('//') || head.startsWith('*') || head.startsWith('/*') || head.includes('//');
}

const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*$/;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function dotted(s: string): string | undefined {
  const t = s.trim();
  return t.length <= 200 && DOTTED.test(t) ? t.replace(/\s+/g, '') : undefined;
}

// --------------------------------------------------------------------------------------------- Python

function scanPython(text: string, triples: Int32Array, sink: Sink): void {
  for (const at of wordOccurrences(text, 'import')) {
    if (triples.length > 0 && inTripleQuoted(triples, at)) continue;
    // The statement starts at the line start (after indentation) or after a `;`.
    let start = at;
    while (start > 0) {
      const c = text.charCodeAt(start - 1);
      if (c === 10 || c === 13 || c === 59) break;
      start--;
      if (at - start > MAX_STATEMENT) break;
    }
    const head = text.slice(start, at).trim();
    const tail = statementTail(text, at + 6);
    if (head === '') parseImport(tail, sink);
    else if (head.startsWith('from ') || head.startsWith('from\t')) {
      const module = head.slice(5).trim();
      if (!module.startsWith('.')) parseFromImport(module, tail, sink);
    }
  }
}

/** The rest of an import statement: to the line end, or to the closing `)` of a parenthesised list. */
function statementTail(text: string, from: number): string {
  const limit = Math.min(text.length, from + MAX_STATEMENT);
  let i = from;
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (text.charCodeAt(i) === 40) {
    const close = text.indexOf(')', i);
    return text.slice(i + 1, close < 0 || close > limit ? limit : close).replace(/#[^\n]*/g, '');
  }
  let end = i;
  while (end < limit) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13 || c === 59 || c === 35) {
      // A backslash before the line end continues the statement.
      if ((c === 10 || c === 13) && text.charCodeAt(end - 1) === 92) {
        end++;
        continue;
      }
      break;
    }
    end++;
  }
  return text.slice(i, end).replace(/\\\r?\n/g, ' ');
}

/** `import a.b.c`, `import a.b as x, c` */
function parseImport(tail: string, sink: Sink): void {
  for (const part of tail.split(',')) {
    const [path, alias] = splitAs(part);
    const module = path && dotted(path);
    if (!module) continue;
    sink.modules.push(module);
    if (alias) sink.aliases.set(alias, module);
    else {
      const root = module.split('.', 1)[0];
      sink.aliases.set(root, root);
    }
  }
}

/** `from a.b import c`, `from a import (c as d, e)`, `from a import *` */
function parseFromImport(moduleText: string, tail: string, sink: Sink): void {
  const module = dotted(moduleText);
  if (!module) return;
  sink.modules.push(module);
  for (const part of tail.split(',')) {
    const [name, alias] = splitAs(part);
    if (name === '*') sink.starModules.push(module);
    else if (name && IDENT.test(name)) sink.aliases.set(alias ?? name, `${module}.${name}`);
  }
}

function splitAs(part: string): [string | undefined, string | undefined] {
  const words = part.trim().split(/\s+/);
  if (words.length === 1) return [words[0] || undefined, undefined];
  if (words.length === 3 && words[1] === 'as' && IDENT.test(words[2])) return [words[0], words[2]];
  return [undefined, undefined];
}

// ----------------------------------------------------------------------------------------- JavaScript

function isTfjsModule(module: string): boolean {
  return module === '@tensorflow/tfjs' || module.startsWith('@tensorflow/tfjs-');
}

function moduleTarget(module: string): string {
  return isTfjsModule(module) ? TFJS_ROOT : `?${module}`;
}

function scanJs(text: string, sink: Sink): void {
  for (const at of wordOccurrences(text, 'import')) {
    if (onCommentLine(text, at)) continue;
    const slice = text.slice(at + 6, Math.min(text.length, at + 6 + MAX_STATEMENT));
    const trimmed = slice.trimStart();
    if (trimmed.startsWith('(')) {
      // `const tf = await import('@tensorflow/tfjs')`
      parseRequireLike(text, at, slice, sink);
      continue;
    }
    const from = /^([\s\S]*?)\bfrom\s*(['"])([^'"\n]{1,200})\2/.exec(slice);
    if (from) {
      sink.modules.push(from[3]);
      parseImportClause(from[1], moduleTarget(from[3]), sink);
      continue;
    }
    // TypeScript: `import tf = require('@tensorflow/tfjs')`
    const tsRequire = /^\s+([A-Za-z_$][\w$]*)\s*=\s*require\s*\(\s*(['"])([^'"\n]{1,200})\2/.exec(slice);
    if (tsRequire) {
      sink.modules.push(tsRequire[3]);
      sink.aliases.set(tsRequire[1], moduleTarget(tsRequire[3]));
    }
  }
  for (const at of wordOccurrences(text, 'require')) {
    if (onCommentLine(text, at)) continue;
    parseRequireLike(text, at, text.slice(at + 7, Math.min(text.length, at + 7 + 300)), sink);
  }
}

/** `import tf, { layers, relu as r } from`, `import * as tf from`, `import type { X } from` */
function parseImportClause(clause: string, target: string, sink: Sink): void {
  let rest = clause.trim().replace(/^type\s+/, '');
  const ns = /^(?:([A-Za-z_$][\w$]*)\s*,\s*)?\*\s*as\s+([A-Za-z_$][\w$]*)$/.exec(rest);
  if (ns) {
    if (ns[1]) sink.aliases.set(ns[1], target);
    sink.aliases.set(ns[2], target);
    return;
  }
  const def = /^([A-Za-z_$][\w$]*)\s*(?:,|$)/.exec(rest);
  if (def) {
    sink.aliases.set(def[1], target);
    rest = rest.slice(def[0].length).trim();
  }
  if (rest.startsWith('{')) {
    const close = rest.indexOf('}');
    for (const part of rest.slice(1, close < 0 ? undefined : close).split(',')) {
      const words = part.trim().replace(/^type\s+/, '').split(/\s+/);
      const name = words[0];
      if (!name || !IDENT.test(name)) continue;
      const local = words.length === 3 && words[1] === 'as' ? words[2] : name;
      if (IDENT.test(local)) sink.aliases.set(local, member(target, name));
    }
  }
}

function member(target: string, name: string): string {
  return `${target}.${name}`;
}

/** `const tf = require('…')`, `const { layers, losses: L } = require('…')`, with `await import(…)` too. */
function parseRequireLike(text: string, at: number, after: string, sink: Sink): void {
  const arg = /^\s*\(\s*(['"])([^'"\n]{1,200})\1\s*\)/.exec(after);
  if (!arg) return;
  const module = arg[2];
  sink.modules.push(module);
  const target = moduleTarget(module);
  // Look back over `= await ` to the binding.
  const before = text.slice(Math.max(0, at - 300), at);
  const binding = /(?:const|let|var)\s+([A-Za-z_$][\w$]*|\{[^{}]*\})\s*=\s*(?:await\s+)?$/.exec(before);
  if (!binding) return;
  const pattern = binding[1];
  if (!pattern.startsWith('{')) {
    sink.aliases.set(pattern, target);
    return;
  }
  for (const part of pattern.slice(1, -1).split(',')) {
    const [name, local] = part.split(':').map((s) => s.trim());
    if (!name || !IDENT.test(name)) continue;
    const bound = local && IDENT.test(local) ? local : name;
    sink.aliases.set(bound, member(target, name));
  }
}
