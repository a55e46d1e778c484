/**
 * Pipelines evaluation requests per series so a slider drag neither floods the host nor waits for it: a
 * request is sent at once while fewer than MAX_IN_FLIGHT are on the way for that series; past that, newer
 * requests replace each other and only the latest is sent when an answer frees a slot. The host answers
 * in order, and an answer makes every older request of its series moot (its numbers are for an older
 * value), so at most one answer per request is applied and never an older one after a newer one.
 *
 * Each request carries the user inputs (event times) it answers: those made since the previous request
 * of its series was sent. When an answer is applied it hands back the inputs of every request it
 * supersedes, so the time from each input to the frame that shows newer data can be measured.
 */
import type { SeriesRequest } from '../../src/features/playground/playgroundMessages';

/** A request that got no answer in this long is given up on, so a lost message cannot freeze a series. */
export const STALE_MS = 3000;
/**
 * Requests on the way per series. The round trip through VS Code's message passing is several times the
 * host's compute time for one series, so one in flight would make each input wait for the previous
 * answer before its own request even leaves; three keep a fast drag moving without queueing work.
 */
const MAX_IN_FLIGHT = 3;

interface InFlight {
  readonly id: number;
  readonly sentAt: number;
  readonly inputs: readonly number[];
}

/** What to do with an answer: apply it or not, and the user inputs it answers (event times). */
export interface Settled {
  readonly apply: boolean;
  readonly inputs: readonly number[];
  readonly sentAt?: number;
}

export class SeriesRequests {
  private nextId = 1;
  /** Oldest first. */
  private readonly inFlight = new Map<string, InFlight[]>();
  private readonly queued = new Map<string, { request: SeriesRequest; inputs: number[] }>();

  constructor(
    private readonly send: (key: string, requestId: number, request: SeriesRequest) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly maxInFlight: number = MAX_IN_FLIGHT,
  ) {}

  /** Sends `request` now if a slot is free for `key`, else keeps it as the one to send next. */
  request(key: string, request: SeriesRequest, inputAt?: number): void {
    this.enqueue(key, request, inputAt === undefined ? [] : [inputAt]);
  }

  /**
   * Records the answer to `requestId`. It is applied when it answers a request still on the way; older
   * requests of the series are then dropped (their answers are ignored) and their inputs count as
   * answered by this one. Sends the queued request, if any, into the freed slot.
   */
  settle(key: string, requestId: number): Settled {
    const flying = this.inFlight.get(key) ?? [];
    const at = flying.findIndex((f) => f.id === requestId);
    if (at < 0) return { apply: false, inputs: [] };
    const done = flying.splice(0, at + 1);
    if (flying.length === 0) this.inFlight.delete(key);
    const next = this.queued.get(key);
    if (next) this.enqueue(key, next.request, []);
    return { apply: true, inputs: done.flatMap((f) => f.inputs), sentAt: done[at].sentAt };
  }

  /** Drops everything about a removed series; a late answer for it is then ignored. */
  forget(key: string): void {
    this.inFlight.delete(key);
    this.queued.delete(key);
  }

  private enqueue(key: string, request: SeriesRequest, newInputs: readonly number[]): void {
    const now = this.now();
    const all = this.inFlight.get(key) ?? [];
    // A request unanswered for STALE_MS is taken as lost: the next one answers its inputs.
    const flying = all.filter((f) => now - f.sentAt < STALE_MS);
    const inputs = [...all.filter((f) => now - f.sentAt >= STALE_MS).flatMap((f) => f.inputs), ...(this.queued.get(key)?.inputs ?? []), ...newInputs];
    this.queued.delete(key);
    if (flying.length >= this.maxInFlight) {
      this.inFlight.set(key, flying);
      this.queued.set(key, { request, inputs });
      return;
    }
    const id = this.nextId++;
    flying.push({ id, sentAt: now, inputs });
    this.inFlight.set(key, flying);
    this.send(key, id, request);
  }
}
