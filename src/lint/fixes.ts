/**
 * Quick fixes as plain edits. Each fix leaves the file valid and its diagnostic gone (the unit tests apply
 * every fix to the corpus and lint again); a fix that would change another use of a value is not offered,
 * and the diagnostic says why.
 */
import { canonicalPython } from '../frameworks/spellings';
import { LOG_FORM } from '../frameworks/pairing';
import type { CompiledModel } from './kerasModel';
import { messages } from './messages';
import type { Resolver } from './lintResolver';
import type { ActivationSource, LossUse, Tracer } from './trace';
import type { LintCode, LintFix, OffsetRange, TextEdit } from './lintTypes';

export interface FixContext {
  readonly resolver: Resolver;
  readonly tracer: Tracer;
  readonly pairs: readonly { readonly loss: LossUse; readonly source: ActivationSource }[];
}

type Edits = TextEdit[] | { readonly reason: string };

function isReason(edits: Edits): edits is { readonly reason: string } {
  return !Array.isArray(edits);
}

export function pairFixes(ctx: FixContext, code: LintCode, source: ActivationSource, loss: LossUse): { fixes: LintFix[]; reason?: string } {
  const flow = ctx.resolver.flow;
  const removal = removeActivation(ctx, source, loss);
  if (isReason(removal)) return { fixes: [], reason: removal.reason || undefined };
  const fixes: LintFix[] = [];
  if (code === 'sigmoid-into-bce') {
    const switched = switchToLogits(ctx, source, loss);
    if (isReason(switched)) return { fixes: [], reason: switched.reason || undefined };
    fixes.push({ title: `Compute the loss on the logits (${switchTitle(loss)})`, isPreferred: true, edits: merge(flow.text, [...removal, ...switched]) });
  } else if (code === 'softmax-into-nll') {
    const renamed = renameActivation(ctx, source);
    if (renamed) fixes.push({ title: 'Use log_softmax (same dim)', isPreferred: true, edits: renamed });
    const nll = flow.lastSegment(flow.call(loss.definition));
    if (nll) {
      const ce = nll.name === 'NLLLoss' ? 'CrossEntropyLoss' : 'cross_entropy';
      const holderOk = !loss.holder || otherLossCalls(ctx, source, loss) === undefined;
      if (holderOk) fixes.push({ title: `Pass the logits to ${ce}`, isPreferred: !renamed, edits: merge(flow.text, [...removal, { start: nll.start, end: nll.end, newText: ce }]) });
    }
  } else {
    fixes.push({ title: `Remove ${source.written} (the loss applies it itself)`, isPreferred: true, edits: merge(flow.text, removal) });
  }
  return { fixes };
}

/** Edits that make the loss path carry the activation's input instead of its output. */
function removeActivation(ctx: FixContext, source: ActivationSource, loss: LossUse): Edits {
  const flow = ctx.resolver.flow;
  if (source.model) {
    const other = otherModelCalls(ctx, source);
    if (other) return other;
    if (source.form === 'sequential-member') return removeListItem(flow.text, source.range);
  }
  if (!source.input) return { reason: '' };
  const inputText = flow.text.slice(source.input.start, source.input.end);
  if (source.via.length === 0 || source.model) return [{ ...source.range, newText: inputText }];
  // p = torch.sigmoid(z); loss(p, y): when p has no other use, p now holds the logits.
  if (source.via.every((b) => flow.readsOf(b).length === 1)) return [{ ...source.range, newText: inputText }];
  // p is also used elsewhere: the loss reads the input instead, when that is a name still holding the same value.
  const reason = { reason: messages.noFixOtherUses(source.via[source.via.length - 1].name) };
  if (source.input.value.kind !== 'name') return reason;
  const name = source.input.value.name;
  const atActivation = flow.valueAt(name, source.input.start);
  const atLoss = flow.valueAt(name, loss.prediction.start);
  const same = atActivation ? atLoss?.at === atActivation.at : !atLoss && !rebinds(ctx, name, source.range.end, loss.prediction.start);
  if (!same) return reason;
  return [{ start: loss.prediction.start, end: loss.prediction.end, newText: name }];
}

/** Any binding of `name` between two offsets in the scope holding `to`. */
function rebinds(ctx: FixContext, name: string, from: number, to: number): boolean {
  const model = ctx.resolver.flow.model;
  const scope = model.syntax.scopes[ctx.resolver.flow.scopeAt(to)];
  return (scope.locals.get(name) ?? []).some((b) => b.at > from && b.at < to);
}

/** A model whose output is read somewhere else than on this loss path cannot lose its activation. */
function otherModelCalls(ctx: FixContext, source: ActivationSource): { reason: string } | undefined {
  const flow = ctx.resolver.flow;
  const model = source.model;
  if (!model) return undefined;
  if (!model.binding) return { reason: messages.noFixOtherUses(model.name) };
  const calls = flow.callsOf(model.binding);
  if (calls.length !== 1 || flow.callStart(calls[0]) !== model.callStart) return { reason: messages.noFixOtherUses(model.name) };
  return undefined;
}

/** Removes an item of an argument list or list display, with the comma before it. */
function removeListItem(text: string, item: OffsetRange): Edits {
  let i = item.start - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] !== ',') return { reason: ' No quick fix: the activation is the only layer.' };
  return [{ start: i, end: item.end, newText: '' }];
}

/** Other calls of the same loss object whose prediction does not come from this activation. */
function otherLossCalls(ctx: FixContext, source: ActivationSource, loss: LossUse): { reason: string } | undefined {
  const flow = ctx.resolver.flow;
  if (!loss.holder) return undefined;
  if (!loss.holder.binding) return { reason: messages.noFixOtherUses(loss.holder.name) };
  const others = flow.callsOf(loss.holder.binding).filter((c) => c !== loss.call);
  const fixedToo = (c: number) => ctx.pairs.some((p) => p.loss.call === c && p.source.range.start === source.range.start);
  return others.every(fixedToo) ? undefined : { reason: messages.noFixOtherUses(loss.holder.name) };
}

/** nn.BCELoss → nn.BCEWithLogitsLoss, F.binary_cross_entropy → …_with_logits, Keras from_logits=True, tf.losses.logLoss → sigmoidCrossEntropy. */
function switchToLogits(ctx: FixContext, source: ActivationSource, loss: LossUse): Edits {
  const flow = ctx.resolver.flow;
  const other = otherLossCalls(ctx, source, loss);
  if (other) return other;
  const made = flow.call(loss.definition);
  const last = flow.lastSegment(made);
  if (!last) return { reason: '' };
  if (last.name === 'BCELoss') return [{ start: last.start, end: last.end, newText: 'BCEWithLogitsLoss' }];
  if (last.name === 'binary_cross_entropy') return [{ start: last.start, end: last.end, newText: 'binary_cross_entropy_with_logits' }];
  if (last.name === 'logLoss') {
    if (made.args.length > 3) return { reason: ' No quick fix: logLoss’s epsilon argument has no counterpart in sigmoidCrossEntropy.' };
    return [{ start: last.start, end: last.end, newText: 'sigmoidCrossEntropy' }];
  }
  if (loss.framework === 'tensorflow') return setFromLogits(ctx, loss.definition, true);
  return { reason: '' };
}

function switchTitle(loss: LossUse): string {
  if (loss.framework === 'tensorflow') return 'from_logits=True';
  if (loss.written.endsWith('logLoss')) return 'tf.losses.sigmoidCrossEntropy';
  if (loss.written.endsWith('BCELoss')) return 'BCEWithLogitsLoss';
  return 'binary_cross_entropy_with_logits';
}

/** `from_logits=value` on a Keras loss call: replaces an existing keyword or adds one. */
function setFromLogits(ctx: FixContext, index: number, value: boolean): TextEdit[] {
  const flow = ctx.resolver.flow;
  const call = flow.call(index);
  const literal = value ? 'True' : 'False';
  const existing = flow.keyword(call, 'from_logits');
  if (existing) return [{ start: existing.valueStart, end: existing.valueEnd, newText: literal }];
  const close = call.close - 1;
  return [{ start: close, end: close, newText: call.args.length > 0 ? `, from_logits=${literal}` : `from_logits=${literal}` }];
}

/** softmax → log_softmax on the activation itself, when its output has no other use. */
function renameActivation(ctx: FixContext, source: ActivationSource): TextEdit[] | undefined {
  const flow = ctx.resolver.flow;
  if (source.via.some((b) => flow.readsOf(b).length !== 1)) return undefined;
  if (source.model && otherModelCalls(ctx, source)) return undefined;
  const segment = source.segment;
  if (!segment) return undefined;
  const renamed = segment.name === 'Softmax' ? 'LogSoftmax' : segment.name === 'softmax' ? 'log_softmax' : undefined;
  if (!renamed) return undefined;
  return [{ start: segment.start, end: segment.end, newText: renamed }];
}

export function kerasFixes(ctx: FixContext, code: LintCode, model: CompiledModel): LintFix[] {
  const flow = ctx.resolver.flow;
  const { last, loss } = model;
  const fixes: LintFix[] = [];
  const removeActivationEdits = (): TextEdit[] | undefined => {
    if (last.state !== 'activation') return undefined;
    if (last.via === 'keyword') return [{ start: keywordStart(flow.text, last.range.start), end: last.range.end, newText: '' }];
    if (!model.inList) return undefined;
    const removed = removeListItem(flow.text, last.range);
    return isReason(removed) ? undefined : removed;
  };
  const fromLogits = (value: boolean): TextEdit[] | undefined => {
    if (loss.call !== undefined) return setFromLogits(ctx, loss.call, value);
    if (!value) return undefined;
    const replacement = kerasLossClass(ctx, loss.family, loss.written);
    return replacement ? [{ ...loss.range, newText: replacement }] : undefined;
  };
  if (code === 'sigmoid-into-bce') {
    const remove = removeActivationEdits();
    const logits = fromLogits(true);
    if (remove && logits) fixes.push({ title: 'Make the last layer linear and pass from_logits=True', isPreferred: true, edits: merge(flow.text, [...remove, ...logits]) });
    return fixes;
  }
  if (last.state === 'activation') {
    const remove = removeActivationEdits();
    const probabilities = fromLogits(false);
    const removeFirst = last.kind === 'sigmoid' && !!remove;
    if (removeFirst && remove) fixes.push({ title: 'Make the last layer linear (keep from_logits=True)', isPreferred: true, edits: remove });
    if (probabilities) fixes.push({ title: 'Set from_logits=False (the last layer gives probabilities)', isPreferred: !removeFirst, edits: probabilities });
    if (!removeFirst && remove) fixes.push({ title: 'Make the last layer linear (keep from_logits=True)', isPreferred: !probabilities, edits: remove });
    return fixes;
  }
  const logits = fromLogits(true);
  if (logits) fixes.push({ title: 'Pass from_logits=True (the last layer gives logits)', isPreferred: true, edits: logits });
  const activation = loss.family === 'bce' ? 'sigmoid' : 'softmax';
  const layer = flow.call(last.layer);
  const close = layer.close - 1;
  fixes.push({
    title: `Give the last layer activation="${activation}"`,
    isPreferred: !logits,
    edits: [{ start: close, end: close, newText: `${layer.args.length > 0 ? ', ' : ''}activation="${activation}"` }],
  });
  return fixes;
}

/** Start of `, activation="…"` so the removal takes its comma and spaces. */
function keywordStart(text: string, start: number): number {
  let i = start;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i > 0 && text[i - 1] === ',' ? i - 1 : start;
}

/** `keras.losses.BinaryCrossentropy(from_logits=True)` spelled through an alias the document imports. */
function kerasLossClass(ctx: FixContext, family: 'bce' | 'cce', written: string): string | undefined {
  const cls = family === 'bce' ? 'BinaryCrossentropy' : /sparse/.test(written) ? 'SparseCategoricalCrossentropy' : 'CategoricalCrossentropy';
  const aliases = [...ctx.resolver.flow.model.syntax.imports.aliases].map(([alias, module]) => [alias, canonicalPython(`${module}.x`).slice(0, -2)] as const);
  for (const [alias, module] of aliases) if (module === 'keras') return `${alias}.losses.${cls}(from_logits=True)`;
  for (const [alias, module] of aliases) if (module === 'keras.losses') return `${alias}.${cls}(from_logits=True)`;
  for (const [alias, module] of aliases) if (module === 'tf') return `${alias}.keras.losses.${cls}(from_logits=True)`;
  return undefined;
}

/** Joins edits that touch, so no two share an offset. */
function merge(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = out[out.length - 1];
    if (previous && edit.start <= previous.end) {
      out[out.length - 1] = { start: previous.start, end: Math.max(previous.end, edit.end), newText: previous.newText + text.slice(previous.end, edit.start) + edit.newText };
    } else out.push(edit);
  }
  return out;
}

/** log(sigmoid(x)) → the framework's log_sigmoid(x), log(softmax(x, dim)) → log_softmax(x, dim): nested forms only. */
export function logFixes(resolver: Resolver, range: OffsetRange, source: ActivationSource): { fixes: LintFix[]; suggestion?: string } {
  const flow = resolver.flow;
  const text = flow.text;
  if (source.via.length > 0 || !source.segment || (source.form !== 'function' && source.form !== 'method')) return { fixes: [] };
  const input = source.input ? text.slice(source.input.start, source.input.end) : undefined;
  const segment = source.segment;
  const withSegment = (name: string) => text.slice(source.range.start, segment.start) + name + text.slice(segment.end, source.range.end);
  let replacement: string | undefined;
  if (source.form === 'method') {
    if (flow.family === 'js') replacement = withSegment(segment.name === 'sigmoid' ? 'logSigmoid' : 'logSoftmax');
    else if (segment.name === 'softmax') replacement = withSegment('log_softmax');
    else if (input) replacement = torchLogSigmoid(resolver, input);
  } else {
    const key = flow.family === 'js' ? `tfjs:${source.canonical}` : source.canonical;
    const renamed = LOG_FORM.get(key);
    if (renamed) replacement = withSegment(renamed);
    else if ((source.canonical === 'torch.sigmoid' || source.canonical === 'torch.special.expit') && input) replacement = torchLogSigmoid(resolver, input);
    else if (source.canonical === 'tf.sigmoid' && input) replacement = `${text.slice(source.range.start, segment.start)}math.log_sigmoid(${input})`;
  }
  if (!replacement) return { fixes: [] };
  return { fixes: [{ title: `Use ${replacement}`, isPreferred: true, edits: [{ ...range, newText: replacement }] }], suggestion: replacement };
}

function torchLogSigmoid(resolver: Resolver, input: string): string | undefined {
  const aliases = resolver.flow.model.syntax.imports.aliases;
  for (const [alias, module] of aliases) if (module === 'torch.nn.functional') return `${alias}.logsigmoid(${input})`;
  for (const [alias, module] of aliases) if (module === 'torch') return `${alias}.nn.functional.logsigmoid(${input})`;
  return undefined;
}

