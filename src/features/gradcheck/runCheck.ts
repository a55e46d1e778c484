/**
 * Runs a gradient check without blocking the extension host: the core's incremental check works in slices
 * of about 8 ms, and between slices this yields to the event loop (setTimeout 0), so hovers, other commands
 * and a click on Cancel are served while a 1e6-point check runs. A check that finishes within its first
 * 100 ms shows no progress; a longer one shows a cancellable progress notification.
 */
import * as vscode from 'vscode';
import type { GradcheckReport, GradcheckRun } from '../../core/gradcheck';
import { type CheckJob, describeRequest, type Parsed, problemOf, startJob } from './checkRequest';

/** Work done before a progress notification is worth showing. */
const QUIET_MS = 100;
const SLICE_MS = 8;

export type CheckOutcome = Parsed<GradcheckReport> | { readonly ok: false; readonly cancelled: true };

/** Checks `job`, with progress and Cancel, stopping as well when `token` is cancelled. */
export async function runCheck(job: CheckJob, token?: vscode.CancellationToken): Promise<CheckOutcome> {
  const started = startJob(job);
  if (!started.ok) return started;
  const run = started.value;
  if (token?.isCancellationRequested) return cancel(run);
  try {
    if (run.step(QUIET_MS)) return finished(run);
  } catch (error) {
    return problemOf(error);
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Gradient check: ${describeRequest(job.request)}, ${job.points.toLocaleString('en-US')} points`, cancellable: true },
    (progress, progressToken) => runInSlices(run, progress, [token, progressToken], SLICE_MS),
  );
}

/**
 * Steps `run` to the end, yielding between slices; stops at once when any token is cancelled. The first
 * slice may be longer (`firstSliceMs`): a short check then finishes before anything else runs.
 */
export async function runInSlices(
  run: GradcheckRun,
  progress: vscode.Progress<{ message?: string; increment?: number }> | undefined,
  tokens: readonly (vscode.CancellationToken | undefined)[],
  firstSliceMs = QUIET_MS,
): Promise<CheckOutcome> {
  let reported = 0;
  let budget = firstSliceMs;
  for (;;) {
    if (tokens.some((t) => t?.isCancellationRequested)) return cancel(run);
    try {
      if (run.step(budget)) return finished(run);
      budget = SLICE_MS;
    } catch (error) {
      return problemOf(error);
    }
    const percent = Math.floor(run.progress.fraction * 100);
    if (progress && percent > reported) {
      progress.report({ message: `${percent}%`, increment: percent - reported });
      reported = percent;
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 0)); // not setImmediate: the web worker host has none
  }
}

/** Whether an in-process command argument is a CancellationToken (arguments arrive untyped). */
export function isCancellationToken(value: unknown): value is vscode.CancellationToken {
  const t = value as Partial<vscode.CancellationToken> | null;
  return typeof t === 'object' && t !== null && typeof t.isCancellationRequested === 'boolean' && typeof t.onCancellationRequested === 'function';
}

function finished(run: GradcheckRun): CheckOutcome {
  return run.report ? { ok: true, value: run.report } : { ok: false, cancelled: true };
}

function cancel(run: GradcheckRun): CheckOutcome {
  run.cancel();
  return { ok: false, cancelled: true };
}
