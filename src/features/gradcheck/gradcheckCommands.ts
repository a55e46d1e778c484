/**
 * Formula Playground: Gradient Check… — a catalogue function, a formula (its automatic derivative or a
 * claimed one) or the editor's selection, checked by the core's gradcheck; the report goes to the results
 * view, the output channel and a notification, and the command returns it.
 *
 * With an argument `{ id?, params?, formula?, derivative?, range?, points?, token? }` (the hover's command
 * link passes `{ id, params }`; `token`, a CancellationToken passed in-process, stops the check like the
 * progress notification's Cancel) the pickers are skipped; from the editor's context menu (argument: the
 * document's URI) the selection is checked. The check runs in slices (runCheck.ts): the host stays
 * responsive, a check over ~100 ms shows a cancellable progress notification, and a cancelled check
 * returns `{ cancelled: true, progress }` (how far it got, 0 … 1). A bad argument or input shows an error naming the
 * problem (with the span, for a formula) and returns `{ error: { message, start?, end? } }`; the command
 * never throws into VS Code. Check All Built-ins lives in checkAllBuiltins.ts.
 */
import * as vscode from 'vscode';
import type { GradcheckReport } from '../../core/gradcheck';
import { describeProblem, reportBlock, summaryOne, type CheckProblem } from './reportFormat';
import { logSection, notify } from './reportLog';
import { GradcheckPanel } from './gradcheckPanel';
import { type CheckJob, describeRequest, messageOf, parseCheckArgument } from './checkRequest';
import { isCancellationToken, runCheck } from './runCheck';
import { gradientCheckAll } from './checkAllBuiltins';
import { pickCheckJob } from './gradcheckPicker';
import { CommandId, GRADCHECK_VIEW_TYPE } from '../commandIds';
import type { LazyFeature } from '../lazyFeature';

export type GradientCheckResult = GradcheckReport | { readonly error: CheckProblem } | { readonly cancelled: true; readonly progress: number } | undefined;

/** Gradient Check…, Check All Built-ins and the results view's revival (registered by src/host/lazyFeatures.ts). */
export function gradcheckFeature(context: vscode.ExtensionContext): LazyFeature {
  return {
    commands: {
      [CommandId.gradientCheck]: (arg?: unknown) => gradientCheck(context, arg),
      [CommandId.gradientCheckAll]: (arg?: unknown) => gradientCheckAll(context, arg),
    },
    panels: { [GRADCHECK_VIEW_TYPE]: (panel, state) => GradcheckPanel.revive(panel, state, context) },
  };
}

/** Returns the report, `{ error }`, or undefined when the user dismissed a picker. */
async function gradientCheck(context: vscode.ExtensionContext, arg: unknown): Promise<GradientCheckResult> {
  try {
    let job: CheckJob;
    const { rest, token } = splitToken(arg);
    if (rest === undefined || rest === null || rest instanceof vscode.Uri) {
      const picked = await pickCheckJob(rest instanceof vscode.Uri ? 'selection' : undefined);
      if (picked === undefined) return undefined;
      if (!picked.ok) return fail(picked.problem);
      job = picked.value;
    } else {
      const parsed = parseCheckArgument(rest);
      if (!parsed.ok) return fail(parsed.problem, rest);
      job = parsed.value;
    }
    return await check(context, job, token);
  } catch (error) {
    return fail({ message: messageOf(error) });
  }
}

async function check(context: vscode.ExtensionContext, job: CheckJob, token: vscode.CancellationToken | undefined): Promise<GradientCheckResult> {
  const result = await runCheck(job, token);
  if ('cancelled' in result) return { cancelled: true, progress: result.progress };
  if (!result.ok) return fail(result.problem, job.request);
  const report = result.value;
  logSection(context, `Gradient Check: ${describeRequest(job.request)}, ${job.points} points`, [reportBlock(report)]);
  GradcheckPanel.show(context, `Gradient check: ${describeRequest(job.request)}`, summaryOne(report), [{ report, request: job.request }]);
  notify(context, summaryOne(report), report.ok);
  return report;
}

/** The argument without `token`, and the token (an in-process caller's CancellationToken). */
function splitToken(arg: unknown): { rest: unknown; token?: vscode.CancellationToken } {
  if (arg === null || typeof arg !== 'object' || Array.isArray(arg) || !('token' in arg)) return { rest: arg };
  const { token, ...rest } = arg as { token?: unknown };
  // A token that is not one is left in place, for the argument check to name.
  return isCancellationToken(token) ? { rest, token } : { rest: arg };
}

/** Shows the problem (quoting the formula it points into) and returns it as the command's result. */
function fail(problem: CheckProblem, arg?: unknown): { error: CheckProblem } {
  const message = describeProblem(problem);
  const source = quoted(problem, arg);
  void vscode.window.showErrorMessage(`Gradient check: ${source ? `cannot check ${source}: ` : ''}${message}`);
  return { error: { ...problem, message } };
}

/** The text a formula error's span points into, in backquotes, when the argument holds it. */
function quoted(problem: CheckProblem, arg: unknown): string | undefined {
  if (problem.in === undefined || arg === null || typeof arg !== 'object') return undefined;
  const text = (Array.isArray(arg) ? arg[0] : arg)?.[problem.in];
  return typeof text === 'string' ? `\`${text}\`` : undefined;
}
