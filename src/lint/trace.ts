/**
 * Following a value back to the activation that produced it, and a call forward to the loss it computes:
 * the data-flow shapes the lints accept (docs/lints.md, "What counts as flows into"). Every function answers
 * `undefined` when the document does not prove the flow.
 */
import type { Framework } from '../core/functionTypes';
import type { Expr } from '../recognize/dataflow';
import type { Binding } from '../recognize/syntax';
import { importsTensorLibrary, NLL_LOSSES, PREDICTION_ARGUMENT, TENSOR_METHODS, TORCH_SEQUENTIAL } from '../frameworks/pairing';
import type { CatalogueName, Resolver } from './lintResolver';
import type { OffsetRange } from './lintTypes';

export type ActivationKind = 'sigmoid' | 'softmax' | 'log_softmax';

export type SourceForm =
  /** `torch.sigmoid(x)`: input is the first argument. */
  | 'function'
  /** `x.sigmoid()`: input is the receiver. */
  | 'method'
  /** `self.sigmoid(h)`, `act(h)`, `nn.Sigmoid()(h)`: a module object applied; input is the first argument. */
  | 'module-call'
  /** `nn.Sequential(..., nn.Sigmoid())`: the last member. */
  | 'sequential-member';

export interface ActivationSource {
  readonly kind: ActivationKind;
  /** What the diagnostic underlines and the fix removes. */
  readonly range: OffsetRange;
  /** The activation as written (`torch.sigmoid`, `nn.Sigmoid`, `.sigmoid`), for messages. */
  readonly written: string;
  readonly framework: Framework;
  /** Canonical name (`torch.nn.functional.softmax`, `method:softmax`). */
  readonly canonical: string;
  readonly form: SourceForm;
  /** The name to rename for a log form (`softmax` in `F.softmax`, `Softmax` in `nn.Softmax`). */
  readonly segment?: OffsetRange & { readonly name: string };
  /** The activation's input: the first argument, or a method's receiver. */
  readonly input?: Expr;
  /** Locals the value passed through on its way to the use, nearest the activation first. */
  readonly via: readonly Binding[];
  /** The model whose call produced the value (Sequential / forward): its binding and where it is called. */
  readonly model?: { readonly binding?: Binding; readonly name: string; readonly callStart: number };
  /** Sequential: the call holding the members (for removing the last one). */
  readonly container?: number;
}

const ACTIVATIONS: ReadonlySet<string> = new Set(['sigmoid', 'softmax', 'log_softmax']);
const MODEL_PASSTHROUGH = new Set(['to', 'cuda', 'cpu', 'float', 'double', 'half', 'train', 'eval']);
const MAX_DEPTH = 8;

export class Tracer {
  private readonly tensorMethods: boolean;

  constructor(private readonly resolver: Resolver) {
    const flow = resolver.flow;
    this.tensorMethods = importsTensorLibrary(flow.model.syntax.imports.modules, flow.family);
  }

  private get flow() {
    return this.resolver.flow;
  }

  /** The activation whose output `expr` is, when the document proves it. */
  source(expr: Expr, depth = 0): ActivationSource | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const flow = this.flow;
    const e = flow.unwrap(expr);
    if (e.value.kind === 'name') {
      const binding = flow.valueAt(e.value.name, e.start);
      if (!binding) return undefined;
      const found = this.source(flow.bindingExpr(binding), depth + 1);
      return found && { ...found, via: [...found.via, binding] };
    }
    if (e.value.kind !== 'call') return undefined;
    const index = e.value.call;
    const call = flow.call(index);
    const range = { start: flow.callStart(index), end: call.close };
    const firstArg = flow.argumentAt(call, 0, ['input', 'x']);
    const input = firstArg && flow.argExpr(firstArg);
    const segment = flow.lastSegment(call);
    const written = flow.text.slice(range.start, segment?.end ?? call.open);

    const named = this.resolver.callee(index);
    if (named && ACTIVATIONS.has(named.id)) {
      // nn.Sigmoid() builds a module: applying it is what produces the value.
      if (named.kind === 'class') return undefined;
      if (named.site.form === 'method') {
        return { kind: named.id as ActivationKind, range, written: `.${segment?.name}`, framework: named.framework, canonical: `method:${segment?.name}`, form: 'method', segment, input: flow.receiver(call), via: [] };
      }
      return { kind: named.id as ActivationKind, range, written, framework: named.framework, canonical: named.canonical, form: 'function', segment, input, via: [] };
    }
    // self.sigmoid(h), act(h), nn.Sigmoid()(h)
    const held = this.resolver.held(index) ?? this.calleeConstruction(index);
    if (held && ACTIVATIONS.has(held.id)) {
      return { kind: held.id as ActivationKind, range, written: flow.text.slice(range.start, segment?.end ?? call.open), framework: held.framework, canonical: held.canonical, form: 'module-call', input, via: [] };
    }
    // TF.js tensor methods (the model resolves PyTorch's): logits.sigmoid()
    if (segment && flow.family === 'js' && this.tensorMethods) {
      const method = TENSOR_METHODS.js.get(segment.name);
      const receiver = flow.receiver(call);
      const head = receiver?.value.kind === 'name' ? receiver.value.name : undefined;
      if (method && method !== 'log' && receiver && (!head || (head !== 'this' && !flow.isModuleAlias(head, range.start)))) {
        return { kind: method, range, written: `.${segment.name}`, framework: 'tfjs', canonical: `method:${segment.name}`, form: 'method', segment, input: receiver, via: [] };
      }
    }
    return this.modelCall(index, depth);
  }

  /** `nn.Sigmoid()(x)`: the callee is itself a construction call. */
  private calleeConstruction(index: number): CatalogueName | undefined {
    const call = this.flow.call(index);
    if (call.calleeCall < 0) return undefined;
    const named = this.resolver.callee(call.calleeCall);
    return named && named.kind === 'class' ? named : undefined;
  }

  /** `model(x)` / `self.model(x)` where the model is a Sequential ending in an activation, or an instance of a class whose forward returns one. */
  private modelCall(index: number, depth: number): ActivationSource | undefined {
    const flow = this.flow;
    const call = flow.call(index);
    const segs = flow.segments(call);
    if (!segs) return undefined;
    const start = flow.callStart(index);
    let made: Expr | undefined;
    let binding: Binding | undefined;
    if (segs.length === 1) {
      binding = flow.valueAt(segs[0], start);
      made = binding && flow.bindingExpr(binding);
    } else if (segs.length === 2 && (segs[0] === 'self' || segs[0] === 'this')) {
      const cls = flow.classAt(start);
      const attr = cls && flow.attribute(cls, segs[1]);
      made = attr && flow.bindingExpr(attr);
    }
    if (!made) return undefined;
    const model = { binding, name: segs.join('.'), callStart: start };
    return this.modelOf(made, model, depth);
  }

  private modelOf(value: Expr, model: NonNullable<ActivationSource['model']>, depth: number): ActivationSource | undefined {
    const flow = this.flow;
    let v = flow.unwrap(value);
    // Net().to(device).eval(): the model itself.
    for (let i = 0; i < 4 && v.value.kind === 'call'; i++) {
      const call = flow.call(v.value.call);
      const last = flow.lastSegment(call);
      const receiver = flow.receiver(call);
      if (!last || !MODEL_PASSTHROUGH.has(last.name) || !receiver || flow.segments(call)) break;
      v = receiver;
    }
    if (v.value.kind !== 'call') return undefined;
    const index = v.value.call;
    const call = flow.call(index);
    const qualified = flow.qualified(call);
    if (qualified && TORCH_SEQUENTIAL.has(qualified)) {
      if (call.args.length === 0 || call.args.some((a) => a.spread || a.key !== undefined)) return undefined;
      const last = flow.unwrap(flow.argExpr(call.args[call.args.length - 1]));
      if (last.value.kind !== 'call') return undefined;
      const named = this.resolver.callee(last.value.call);
      if (!named || named.kind !== 'class' || !ACTIVATIONS.has(named.id)) return undefined;
      const lastCall = flow.call(last.value.call);
      const segment = flow.lastSegment(lastCall);
      return {
        kind: named.id as ActivationKind,
        range: { start: last.start, end: last.end },
        written: flow.text.slice(last.start, segment?.end ?? lastCall.open),
        framework: named.framework,
        canonical: named.canonical,
        form: 'sequential-member',
        segment,
        via: [],
        model,
        container: index,
      };
    }
    const segs = flow.segments(call);
    if (segs && segs.length === 1 && flow.family === 'python') {
      const cls = flow.classNamed(segs[0]);
      const forward = cls && flow.methodOf(cls, 'forward');
      if (!forward) return undefined;
      const returns = flow.returnsOf(forward);
      if (returns.length !== 1) return undefined;
      const found = this.source(returns[0], depth + 1);
      return found && { ...found, model };
    }
    return undefined;
  }
}

export type LossKind = 'probability-bce' | 'sigmoid-logits' | 'softmax-logits' | 'nll' | 'probability-cce';

const LOSS_KINDS: ReadonlyMap<string, LossKind> = new Map([
  ['bce', 'probability-bce'],
  ['bce_with_logits', 'sigmoid-logits'],
  ['cce_with_logits', 'softmax-logits'],
  ['cce', 'probability-cce'],
  ['nll', 'nll'],
]);

export interface LossUse {
  readonly kind: LossKind;
  readonly framework: Framework;
  /** The call that makes the loss: the constructor (`nn.BCELoss()`), or the functional call itself. */
  readonly definition: number;
  /** The loss's callee as written (`nn.BCELoss`, `F.binary_cross_entropy`). */
  readonly written: string;
  /** The call that computes the loss here. */
  readonly call: number;
  /** Its prediction argument. */
  readonly prediction: Expr;
  /** The local holding the loss object (`criterion`), when it is one; `attribute` for `self.criterion`. */
  readonly holder?: { readonly binding?: Binding; readonly name: string };
}

/** The loss a call computes, with its prediction argument, when the callee is (or holds) a known loss. */
export function lossUse(resolver: Resolver, index: number): LossUse | undefined {
  const flow = resolver.flow;
  const call = flow.call(index);
  // Every loss here takes a prediction and a target: a call with fewer arguments computes none of them.
  if (call.args.length < 2) return undefined;
  let definition = index;
  let holder: LossUse['holder'];
  let loss = lossOf(resolver, index, 'function');
  if (!loss) {
    const held = resolver.held(index);
    let made: number | undefined;
    if (held) made = held.madeBy;
    else if (call.calleeCall >= 0) made = call.calleeCall;
    else {
      // nll = nn.NLLLoss(): when the model has no catalogue row to alias, follow the name here.
      const segs = flow.segments(call);
      const binding = segs && segs.length === 1 ? flow.valueAt(segs[0], flow.callStart(index)) : undefined;
      if (binding && binding.value.kind === 'call' && flow.lastSegment(flow.call(binding.value.call))?.name === 'NLLLoss') made = binding.value.call;
    }
    if (made === undefined) return undefined;
    loss = lossOf(resolver, made, 'class');
    if (!loss) return undefined;
    definition = made;
    const segs = flow.segments(call);
    if (segs) {
      const binding = segs.length === 1 ? flow.valueAt(segs[0], flow.callStart(index)) : undefined;
      holder = { binding, name: segs.join('.') };
    }
  }
  if (!fromLogitsIsLiteral(resolver, definition)) return undefined;
  const slot = PREDICTION_ARGUMENT[loss.framework];
  const prediction = flow.argumentAt(call, slot.index, slot.keywords);
  if (!prediction) return undefined;
  const made = flow.call(definition);
  const calleeEnd = flow.lastSegment(made)?.end ?? made.open;
  return {
    kind: loss.kind,
    framework: loss.framework,
    definition,
    written: flow.text.slice(flow.callStart(definition), calleeEnd),
    call: index,
    prediction: flow.argExpr(prediction),
    holder,
  };
}

function lossOf(resolver: Resolver, index: number, kind: 'function' | 'class'): { kind: LossKind; framework: Framework } | undefined {
  const named = resolver.callee(index);
  if (named) {
    const loss = LOSS_KINDS.get(named.id);
    if (!loss || named.kind !== kind) return undefined;
    return { kind: loss, framework: named.framework };
  }
  const call = resolver.flow.call(index);
  const last = resolver.flow.lastSegment(call)?.name;
  if (last !== 'NLLLoss' && last !== 'nll_loss') return undefined;
  const qualified = resolver.flow.qualified(call);
  if (qualified && NLL_LOSSES.get(qualified) === kind) return { kind: 'nll', framework: 'pytorch' };
  return undefined;
}

/** A Keras loss whose `from_logits` is a variable is not known to be either form. */
export function fromLogitsIsLiteral(resolver: Resolver, index: number): boolean {
  const flow = resolver.flow;
  const arg = flow.keyword(flow.call(index), 'from_logits');
  if (!arg) return true;
  return arg.value.kind === 'bool';
}
