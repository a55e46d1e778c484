/**
 * Keras models built in the document: the last layer of a `Sequential([...])` (or of its `model.add(...)`
 * calls), of a functional `keras.Model(inputs, outputs)`, and the loss given to `model.compile(loss=...)`.
 */
import type { Expr } from '../recognize/dataflow';
import { KERAS_DENSE, KERAS_MODEL, KERAS_SEQUENTIAL } from '../frameworks/pairing';
import type { Resolver } from './lintResolver';
import { fromLogitsIsLiteral } from './trace';
import type { OffsetRange } from './lintTypes';

export type LastLayer =
  | {
      readonly state: 'activation';
      readonly kind: 'sigmoid' | 'softmax';
      /** `activation="sigmoid"` (the keyword argument) or the `layers.Activation("softmax")` call. */
      readonly range: OffsetRange;
      /** The layer's call index. */
      readonly layer: number;
      readonly via: 'keyword' | 'layer';
      readonly written: string;
    }
  | { readonly state: 'linear'; readonly layer: number; readonly range: OffsetRange; readonly written: string };

export interface CompiledLoss {
  readonly probabilities: boolean;
  readonly family: 'bce' | 'cce';
  /** The string or the loss call (`"binary_crossentropy"`, `keras.losses.BinaryCrossentropy(from_logits=True)`). */
  readonly range: OffsetRange;
  /** The loss call's index, when the loss is a call. */
  readonly call?: number;
  readonly written: string;
}

export interface CompiledModel {
  readonly compile: number;
  readonly last: LastLayer;
  readonly loss: CompiledLoss;
  /** The last layer is an item of a Sequential list (so it can be removed). */
  readonly inList: boolean;
}

/** Every `M.compile(loss=...)` whose model M is built in the document with a known last layer and loss. */
export function compiledModels(resolver: Resolver): CompiledModel[] {
  const flow = resolver.flow;
  if (flow.family !== 'python') return [];
  const out: CompiledModel[] = [];
  for (const call of flow.calls) {
    const segs = flow.segments(call);
    if (!segs || segs.length !== 2 || segs[1] !== 'compile') continue;
    const lossArg = flow.argumentAt(call, 1, ['loss']);
    if (!lossArg) continue;
    const loss = compiledLoss(resolver, flow.argExpr(lossArg), 0);
    if (!loss) continue;
    const model = lastLayerOf(resolver, segs[0], call.index);
    if (!model) continue;
    out.push({ compile: call.index, last: model.last, loss, inList: model.inList });
  }
  return out;
}

function compiledLoss(resolver: Resolver, expr: Expr, depth: number): CompiledLoss | undefined {
  const flow = resolver.flow;
  const e = flow.unwrap(expr);
  if (e.value.kind === 'name' && depth < 3) {
    const binding = flow.valueAt(e.value.name, e.start);
    return binding && compiledLoss(resolver, flow.bindingExpr(binding), depth + 1);
  }
  let named;
  let call: number | undefined;
  if (e.value.kind === 'string') named = resolver.string(e);
  else if (e.value.kind === 'call') {
    call = e.value.call;
    named = resolver.callee(call);
    if (!named || named.kind !== 'class' || !fromLogitsIsLiteral(resolver, call)) return undefined;
  }
  if (!named || named.framework !== 'tensorflow') return undefined;
  const kinds = new Map<string, [boolean, 'bce' | 'cce']>([
    ['bce', [true, 'bce']],
    ['bce_with_logits', [false, 'bce']],
    ['cce', [true, 'cce']],
    ['cce_with_logits', [false, 'cce']],
  ]);
  const kind = kinds.get(named.id);
  if (!kind) return undefined;
  return { probabilities: kind[0], family: kind[1], range: { start: e.start, end: e.end }, call, written: flow.text.slice(e.start, e.end) };
}

function lastLayerOf(resolver: Resolver, name: string, compile: number): { last: LastLayer; inList: boolean } | undefined {
  const flow = resolver.flow;
  const compileStart = flow.callStart(compile);
  const binding = flow.valueAt(name, compileStart);
  if (!binding || binding.value.kind !== 'call') return undefined;
  const built = flow.call(binding.value.call);
  const qualified = flow.qualified(built);
  if (!qualified) return undefined;
  if (KERAS_SEQUENTIAL.has(qualified)) {
    const adds = addCalls(resolver, name, binding.valueEnd, compile);
    if (adds === undefined) return undefined;
    if (adds.length > 0) {
      const layer = flow.unwrap(adds[adds.length - 1]);
      const last = layer.value.kind === 'call' ? classify(resolver, layer.value.call) : undefined;
      return last && { last, inList: false };
    }
    const listArg = flow.argumentAt(built, 0, ['layers']);
    if (!listArg || flow.text[listArg.valueStart] !== '[') return undefined;
    // The list's last item must be a call that ends the list (nothing but a comma after it).
    const items = flow.childCalls(built.index).filter((c) => flow.callStart(c) > listArg.valueStart && flow.call(c).close <= listArg.valueEnd);
    const lastCall = items.length > 0 ? flow.call(items[items.length - 1]) : undefined;
    if (!lastCall || !/^[\s,]*\]$/.test(flow.text.slice(lastCall.close, listArg.valueEnd).replace(/#[^\n]*/g, ''))) return undefined;
    const last = classify(resolver, lastCall.index);
    return last && { last, inList: true };
  }
  if (KERAS_MODEL.has(qualified)) {
    const outputsArg = flow.argumentAt(built, 1, ['outputs']);
    if (!outputsArg) return undefined;
    let outputs = flow.unwrap(flow.argExpr(outputsArg));
    if (outputs.value.kind === 'name') {
      const b = flow.valueAt(outputs.value.name, outputs.start);
      if (!b) return undefined;
      outputs = flow.unwrap(flow.bindingExpr(b));
    }
    // outputs = layers.Dense(10, activation="softmax")(x): the layer is the callee.
    if (outputs.value.kind !== 'call') return undefined;
    const applied = flow.call(outputs.value.call);
    if (applied.calleeCall < 0) return undefined;
    const last = classify(resolver, applied.calleeCall);
    return last && { last, inList: false };
  }
  return undefined;
}

/** The layers of `name.add(layer)` calls after the model is built and before compile, in one block; undefined if not provable. */
function addCalls(resolver: Resolver, name: string, after: number, compile: number): Expr[] | undefined {
  const flow = resolver.flow;
  const compileStart = flow.callStart(compile);
  const indent = flow.indentAt(compileStart);
  const scope = flow.scopeAt(compileStart);
  const out: Expr[] = [];
  for (const index of flow.methodCallsOn(name)) {
    const call = flow.call(index);
    const start = flow.callStart(index);
    if (start < after || start >= compileStart) continue;
    const segs = flow.segments(call);
    if (!segs) continue;
    if (segs[1] === 'pop') return undefined;
    if (segs[1] !== 'add') continue;
    // An add inside a loop, a branch or another function is not proven.
    if (flow.scopeAt(start) !== scope || flow.indentAt(start) !== indent) return undefined;
    const layer = flow.argumentAt(call, 0, ['layer']);
    if (!layer) return undefined;
    out.push(flow.argExpr(layer));
  }
  return out;
}

/** What the last layer does to its output. */
function classify(resolver: Resolver, layer: number): LastLayer | undefined {
  const flow = resolver.flow;
  const call = flow.call(layer);
  const range = { start: flow.callStart(layer), end: call.close };
  const written = flow.text.slice(range.start, range.end);
  const qualified = flow.qualified(call);
  const dense = !!qualified && KERAS_DENSE.has(qualified);
  const activation = flow.keyword(call, 'activation');
  if (activation) {
    const value = flow.argExpr(activation);
    if (value.value.kind === 'none' && dense) return { state: 'linear', layer, range, written };
    if (value.value.kind !== 'string') return undefined;
    if (value.value.value === 'linear' && dense) return { state: 'linear', layer, range, written };
    const named = resolver.string(value);
    if (named && (named.id === 'sigmoid' || named.id === 'softmax')) {
      return { state: 'activation', kind: named.id, range: { start: activation.start, end: activation.end }, layer, via: 'keyword', written: flow.text.slice(value.start, value.end) };
    }
    return undefined;
  }
  if (qualified === 'keras.layers.Activation') {
    const arg = flow.argumentAt(call, 0, ['activation']);
    const named = arg && resolver.string(flow.argExpr(arg));
    if (named && (named.id === 'sigmoid' || named.id === 'softmax')) return { state: 'activation', kind: named.id, range, layer, via: 'layer', written };
    return undefined;
  }
  const named = resolver.callee(layer);
  if (named && named.kind === 'class' && named.id === 'softmax') return { state: 'activation', kind: 'softmax', range, layer, via: 'layer', written };
  // Dense(units) with no activation argument (positional activation is the second argument).
  if (dense && !call.args.some((a) => a.spread) && call.args.filter((a) => a.key === undefined).length <= 1) return { state: 'linear', layer, range, written };
  return undefined;
}
