/**
 * The pairing rules: every loss call whose prediction argument provably comes from an activation,
 * every Keras compile whose last layer disagrees with its loss, every log of a sigmoid or softmax.
 */
import { LOG_FUNCTIONS, LOG_SIGMOID_NAME, LOG_SOFTMAX_NAME, TENSOR_METHODS, importsTensorLibrary } from '../frameworks/pairing';
import { compiledModels } from './kerasModel';
import { kerasFixes, logFixes, pairFixes, type FixContext } from './fixes';
import { messages } from './messages';
import type { Expr } from '../recognize/dataflow';
import type { Resolver } from './lintResolver';
import { lossUse, Tracer, type ActivationSource, type LossUse } from './trace';
import type { LintCode, LintDiagnostic, LintSeverity, ShowWhyTopic } from './lintTypes';

export function runRules(resolver: Resolver): LintDiagnostic[] {
  const flow = resolver.flow;
  const tracer = new Tracer(resolver);
  const out: LintDiagnostic[] = [];
  const losses: { loss: LossUse; source: ActivationSource }[] = [];
  for (const call of flow.calls) {
    const loss = lossUse(resolver, call.index);
    if (!loss) continue;
    const source = tracer.source(loss.prediction);
    if (source) losses.push({ loss, source });
  }
  const context: FixContext = { resolver, tracer, pairs: losses };
  for (const { loss, source } of losses) {
    const verdict = judgePair(source, loss);
    if (!verdict) continue;
    const fixes = pairFixes(context, verdict.code, source, loss);
    out.push({
      code: verdict.code,
      severity: verdict.severity,
      range: source.range,
      message: verdict.message + (fixes.reason ?? ''),
      related: [{ range: { start: flow.callStart(loss.definition), end: flow.call(loss.definition).close }, message: messages.relatedLoss(loss.written) }],
      fixes: fixes.fixes,
      showWhy: verdict.showWhy,
    });
  }
  for (const model of compiledModels(resolver)) {
    const { last, loss } = model;
    let code: LintCode | undefined;
    let severity: LintSeverity = 'warning';
    let message = '';
    let showWhy: ShowWhyTopic = 'bce-of-sigmoid';
    if (last.state === 'activation') {
      if (last.kind === 'sigmoid' && loss.family === 'bce' && loss.probabilities) {
        code = 'sigmoid-into-bce';
        severity = 'information';
        message = messages.sigmoidIntoBceKeras(last.via === 'keyword' ? `activation=${last.written}` : last.written, loss.written);
      } else if (!loss.probabilities && ((last.kind === 'sigmoid' && loss.family === 'bce') || (last.kind === 'softmax' && loss.family === 'cce'))) {
        code = 'probabilities-vs-from-logits';
        message = messages.activationThenFromLogits(last.kind, loss.written);
        showWhy = last.kind === 'sigmoid' ? 'sigmoid-twice' : 'softmax-twice';
      }
      if (!code) continue;
      out.push({
        code,
        severity,
        range: last.range,
        message,
        related: [{ range: loss.range, message: messages.relatedLoss(loss.written) }],
        fixes: kerasFixes(context, code, model),
        showWhy,
      });
    } else if (loss.probabilities) {
      out.push({
        code: 'probabilities-vs-from-logits',
        severity: 'warning',
        range: loss.range,
        message: messages.linearThenProbabilities(last.written, loss.written),
        related: [{ range: last.range, message: messages.relatedLayer(last.written) }],
        fixes: kerasFixes(context, 'probabilities-vs-from-logits', model),
        showWhy: loss.family === 'bce' ? 'bce-of-sigmoid' : 'softmax-twice',
      });
    }
  }
  out.push(...logRules(resolver, tracer));
  return dedupe(out);
}

interface Verdict {
  readonly code: LintCode;
  readonly severity: LintSeverity;
  readonly message: string;
  readonly showWhy: ShowWhyTopic;
}

function judgePair(source: ActivationSource, loss: LossUse): Verdict | undefined {
  const a = source.written;
  const l = loss.written;
  if (source.kind === 'sigmoid' && loss.kind === 'probability-bce') {
    if (loss.framework === 'tensorflow') return { code: 'sigmoid-into-bce', severity: 'information', message: messages.sigmoidIntoBceKeras(a, l), showWhy: 'bce-of-sigmoid' };
    return { code: 'sigmoid-into-bce', severity: 'warning', message: messages.sigmoidIntoBce(a, l, logitsFormName(loss)), showWhy: 'bce-of-sigmoid' };
  }
  if (source.kind === 'sigmoid' && loss.kind === 'sigmoid-logits') return { code: 'sigmoid-into-logits-loss', severity: 'warning', message: messages.sigmoidIntoLogitsLoss(a, l), showWhy: 'sigmoid-twice' };
  if (source.kind === 'softmax' && loss.kind === 'softmax-logits') return { code: 'softmax-into-cross-entropy', severity: 'warning', message: messages.softmaxIntoCrossEntropy(a, l), showWhy: 'softmax-twice' };
  if (source.kind === 'log_softmax' && loss.kind === 'softmax-logits') return { code: 'softmax-into-cross-entropy', severity: 'information', message: messages.logSoftmaxIntoCrossEntropy(a, l), showWhy: 'softmax-twice' };
  if (source.kind === 'softmax' && loss.kind === 'nll') return { code: 'softmax-into-nll', severity: 'error', message: messages.softmaxIntoNll(a, l), showWhy: 'softmax-into-nll' };
  return undefined;
}

/** The logits form the message recommends, spelled like the loss as written. */
function logitsFormName(loss: LossUse): string {
  const w = loss.written;
  if (w.endsWith('BCELoss')) return `${w.slice(0, -'BCELoss'.length)}BCEWithLogitsLoss`;
  if (w.endsWith('binary_cross_entropy')) return `${w}_with_logits`;
  if (w.endsWith('logLoss')) return `${w.slice(0, -'logLoss'.length)}sigmoidCrossEntropy`;
  return 'the with-logits form';
}

function logRules(resolver: Resolver, tracer: Tracer): LintDiagnostic[] {
  const flow = resolver.flow;
  const out: LintDiagnostic[] = [];
  const tensorMethods = importsTensorLibrary(flow.model.syntax.imports.modules, flow.family);
  for (const call of flow.calls) {
    let argument: Expr | undefined;
    const last = flow.lastSegment(call);
    if (last?.name !== 'log') continue;
    const qualified = flow.qualified(call);
    if (qualified && LOG_FUNCTIONS.has(qualified)) {
      const arg = flow.argumentAt(call, 0, ['input', 'x']);
      argument = arg && flow.argExpr(arg);
    } else if (tensorMethods && call.args.length === 0 && TENSOR_METHODS[flow.family].get(last.name) === 'log') {
      const receiver = flow.receiver(call);
      const head = receiver?.value.kind === 'name' ? receiver.value.name : undefined;
      if (receiver && (!head || !flow.isModuleAlias(head, receiver.start))) argument = receiver;
    }
    if (!argument) continue;
    const source = tracer.source(argument);
    if (!source || source.form === 'sequential-member' || source.model || source.kind === 'log_softmax') continue;
    const code: LintCode = source.kind === 'sigmoid' ? 'log-of-sigmoid' : 'log-of-softmax';
    const range = { start: flow.callStart(call.index), end: call.close };
    const fix = logFixes(resolver, range, source);
    const better = fix.suggestion ?? (source.kind === 'sigmoid' ? LOG_SIGMOID_NAME[source.framework] : LOG_SOFTMAX_NAME[source.framework]);
    const expr = flow.text.slice(range.start, range.end);
    out.push({
      code,
      severity: 'information',
      range,
      message: code === 'log-of-sigmoid' ? messages.logOfSigmoid(expr, better) : messages.logOfSoftmax(expr, better),
      related: source.via.length > 0 ? [{ range: source.range, message: messages.relatedActivation(source.written) }] : [],
      fixes: fix.fixes,
      showWhy: code,
    });
  }
  return out;
}

function dedupe(diagnostics: LintDiagnostic[]): LintDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics
    .filter((d) => {
      const key = `${d.code}:${d.range.start}:${d.range.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
