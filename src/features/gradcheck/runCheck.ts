/**
 * Runs a gradient check without blocking the extension host: the core's incremental check works in slices
 * of about 8 ms, and between slices this yields to the event loop (setTimeout 0), so hovers, other commands
 * and a click on Cancel are served while a 1e6-point check runs. Every slice is short from the first one on:
 * a check that finishes within 100 ms shows nothing, a longer one then shows a cancellable progress
 * notification. Formula compiles are the longest single steps (about 30 ms for a 500-character formula,
 * 120 ms for the longest, 2000 characters); the argument's check and the core's compile each get a task of
 * their own.
 */
import * as vscode from 'vscode';
import type { GradcheckReport, GradcheckRun } from '../../core/gradcheck';
import { type CheckJob, describeRequest, type Parsed, problemOf, startJob } from './checkRequest';

/** Work done before a progress notification is worth showing. */
const QUIET_MS = 100;
const SLICE_MS = 8;

/** A cancelled check says how far it got (the run's progress, 0 … 1). */
export type CheckOutcome = Parsed<GradcheckReport> | { readonly ok: false; readonly cancelled: true; readonly progress: number };

/** Checks `job`, with progress and Cancel, stopping as well when `token` is cancelled. */
export async function runCheck(job: CheckJob, token?: vscode.CancellationToken): Promise<CheckOutcome> {
  // The caller has just compiled the argument's formula to check it; the core compiles it again here.
  await yieldToHost();
  if (token?.isCancellationRequested) return { ok: false, cancelled: true, progress: 0 };
  const started = startJob(job);
  if (!started.ok) return started;
  const run = started.value;
  const quiet = await stepUntil(run, undefined, [token], performance.now() + QUIET_MS);
  if (quiet) return quiet;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Gradient check: ${describeRequest(job.request)}, ${job.points.toLocaleString('en-US')} points`, cancellable: true },
    (progress, progressToken) => runInSlices(run, progress, [token, progressToken]),
  );
}

/** Steps `run` to the end in slices, yielding between them; stops at once when any token is cancelled. */
export async function runInSlices(
  run: GradcheckRun,
  progress: vscode.Progress<{ message?: string; increment?: number }> | undefined,
  tokens: readonly (vscode.CancellationToken | undefined)[],
): Promise<CheckOutcome> {
  return (await stepUntil(run, progress, tokens, Infinity)) as CheckOutcome;
}

/** Slices until the run ends (its outcome) or the clock passes `until` (undefined). */
async function stepUntil(
  run: GradcheckRun,
  progress: vscode.Progress<{ message?: string; increment?: number }> | undefined,
  tokens: readonly (vscode.CancellationToken | undefined)[],
  until: number,
): Promise<CheckOutcome | undefined> {
  let reported = 0;
  for (;;) {
    if (tokens.some((t) => t?.isCancellationRequested)) return cancel(run);
    try {
      if (run.step(SLICE_MS)) return finished(run);
    } catch (error) {
      return problemOf(error);
    }
    const percent = Math.floor(run.progress.fraction * 100);
    if (progress && percent > reported) {
      progress.report({ message: `${percent}%`, increment: percent - reported });
      reported = percent;
    }
    await yieldToHost();
    if (performance.now() >= until) return undefined;
  }
}

/** Lets everything waiting on the event loop run (not setImmediate: the web worker host has none). */
function yieldToHost(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Whether an in-process command argument is a CancellationToken (arguments arrive untyped). */
export function isCancellationToken(value: unknown): value is vscode.CancellationToken {
  const t = value as Partial<vscode.CancellationToken> | null;
  return typeof t === 'object' && t !== null && typeof t.isCancellationRequested === 'boolean' && typeof t.onCancellationRequested === 'function';
}

function finished(run: GradcheckRun): CheckOutcome {
  return run.report ? { ok: true, value: run.report } : cancel(run);
}

function cancel(run: GradcheckRun): CheckOutcome {
  run.cancel();
  return { ok: false, cancelled: true, progress: run.progress.fraction };
}
