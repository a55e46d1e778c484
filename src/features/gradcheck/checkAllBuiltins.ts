/**
 * Formula Playground: Check All Built-ins — every catalogue entry's derivative (Jacobians for softmax and
 * log_softmax, ∂ℓ/∂ŷ for every loss) against the core's numeric differences, in a cancellable progress
 * notification. Between entries it checks the cancellation token and yields to the event loop, so a click
 * on Cancel (or a cancelled token passed in) is seen before the next entry starts.
 *
 * Argument (optional): `{ points?, token? }`; an in-process command argument is passed by reference, so a
 * test can pass a CancellationTokenSource's token. Returns `{ reports, cancelled, durationMs }`, or
 * `{ error }` for a bad argument.
 */
import * as vscode from 'vscode';
import { catalogue } from '../../core/catalogue';
import type { GradcheckReport } from '../../core/gradcheck';
import { describeProblem, formatSeconds, reportBlock, summaryAll, type CheckProblem } from './reportFormat';
import { logSection, notify } from './reportLog';
import { type CheckedItem, GradcheckPanel } from './gradcheckPanel';
import { DEFAULT_POINTS, parsePoints, startJob } from './checkRequest';
import { isCancellationToken, runInSlices } from './runCheck';

export interface CheckAllResult {
  readonly reports: GradcheckReport[];
  readonly cancelled: boolean;
  /** Wall time from the first entry to the last, yields included. */
  readonly durationMs: number;
  /** Entries the checker could not run at all (none expected), by id. */
  readonly errors?: { readonly id: string; readonly message: string }[];
}

export async function gradientCheckAll(context: vscode.ExtensionContext, arg: unknown): Promise<CheckAllResult | { error: CheckProblem }> {
  const options = parseOptions(arg);
  if ('error' in options) {
    const message = describeProblem(options.error);
    void vscode.window.showErrorMessage(`Check All Built-ins: ${message}`);
    return { error: { ...options.error, message } };
  }
  const { points, token } = options;
  const functions = [...catalogue.values()];
  const items: CheckedItem[] = [];
  const errors: { id: string; message: string }[] = [];
  let cancelled = false;
  const started = performance.now();

  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Gradient check', cancellable: true },
    async (progress, progressToken) => {
      for (const [k, f] of functions.entries()) {
        if (token?.isCancellationRequested || progressToken.isCancellationRequested) {
          cancelled = true;
          return;
        }
        progress.report({ message: `${f.id} (${k + 1}/${functions.length})`, increment: 100 / functions.length });
        const request = { kind: 'catalogue', id: f.id, params: {} } as const;
        const started = startJob({ request, points });
        // Each entry runs in slices, so a Cancel click (and a hover) is served within one slice.
        const outcome = started.ok ? await runInSlices(started.value, undefined, [token, progressToken]) : started;
        if ('cancelled' in outcome) {
          cancelled = true;
          return;
        }
        if (outcome.ok) items.push({ report: outcome.value, request });
        else errors.push({ id: f.id, message: outcome.problem.message });
        // Let the Cancel click (and anything else waiting) run before the next entry.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
    },
  );
  const durationMs = performance.now() - started;
  const reports = items.map((item) => item.report);

  const summary = summaryAll(reports, functions.length, durationMs, cancelled) + (errors.length ? `; could not run: ${errors.map((e) => e.id).join(', ')}` : '');
  const checking = reports.reduce((ms, r) => ms + r.durationMs, 0);
  logSection(context, `Check All Built-ins: ${points} points per function`, [
    ...reports.map(reportBlock),
    ...errors.map((e) => `${e.id}: ERROR\n  ${e.message}`),
    `${summary} (checking ${formatSeconds(checking)}, wall ${formatSeconds(durationMs)})`,
  ]);
  if (items.length) GradcheckPanel.show(context, `Check All Built-ins (${points} points per function)`, summary, items);
  notify(context, summary, !cancelled && errors.length === 0 && reports.every((r) => r.ok));
  return { reports, cancelled, durationMs, ...(errors.length ? { errors } : {}) };
}

function parseOptions(arg: unknown): { points: number; token?: vscode.CancellationToken } | { error: CheckProblem } {
  if (arg === undefined || arg === null) return { points: DEFAULT_POINTS };
  if (typeof arg !== 'object' || Array.isArray(arg)) return { error: { message: `expected { points?, token? }, got ${typeof arg}` } };
  const { points, token, ...rest } = arg as { points?: unknown; token?: unknown };
  const unknown = Object.keys(rest);
  if (unknown.length) return { error: { message: `unknown argument ${unknown.map((k) => `'${k}'`).join(', ')}; expected { points?, token? }` } };
  const parsedPoints = points === undefined ? { ok: true as const, value: DEFAULT_POINTS } : parsePoints(points);
  if (!parsedPoints.ok) return { error: parsedPoints.problem };
  if (token !== undefined && !isCancellationToken(token)) {
    return { error: { message: 'token must be a vscode.CancellationToken (isCancellationRequested and onCancellationRequested)' } };
  }
  return { points: parsedPoints.value, ...(token === undefined ? {} : { token }) };
}
