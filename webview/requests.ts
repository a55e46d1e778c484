/**
 * Coalesces evaluation requests per series so a fast slider drag never queues work: at most one request
 * per series is in flight; while it is, newer requests replace each other and only the latest is sent
 * when the answer arrives. Each request remembers the earliest user input it answers, so the time from
 * that input to the repaint can be measured.
 */
import type { SeriesRequest } from '../src/protocol';

/** A request that got no answer in this long is given up on, so a lost message cannot freeze a series. */
export const STALE_MS = 3000;

interface InFlight {
  readonly id: number;
  readonly sentAt: number;
  readonly inputAt: number | undefined;
}

export class SeriesRequests {
  private nextId = 1;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly queued = new Map<string, { request: SeriesRequest; inputAt: number | undefined }>();

  constructor(
    private readonly send: (key: string, requestId: number, request: SeriesRequest) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Sends `request` now if nothing is in flight for `key`, else keeps it as the one to send next. */
  request(key: string, request: SeriesRequest, inputAt?: number): void {
    const busy = this.inFlight.get(key);
    if (busy && this.now() - busy.sentAt < STALE_MS) {
      const earlier = this.queued.get(key)?.inputAt;
      this.queued.set(key, { request, inputAt: earlier === undefined ? inputAt : Math.min(earlier, inputAt ?? earlier) });
      return;
    }
    const id = this.nextId++;
    this.inFlight.set(key, { id, sentAt: this.now(), inputAt });
    this.send(key, id, request);
  }

  /**
   * Records the answer to `requestId`. Returns whether to apply it (it answers the request in flight) and
   * the input it answers; sends the queued request, if any.
   */
  settle(key: string, requestId: number): { apply: boolean; inputAt?: number; sentAt?: number } {
    const busy = this.inFlight.get(key);
    if (!busy || busy.id !== requestId) return { apply: false };
    this.inFlight.delete(key);
    const next = this.queued.get(key);
    if (next) {
      this.queued.delete(key);
      this.request(key, next.request, next.inputAt);
    }
    return { apply: true, inputAt: busy.inputAt, sentAt: busy.sentAt };
  }

  /** Drops everything about a removed series; a late answer for it is then ignored. */
  forget(key: string): void {
    this.inFlight.delete(key);
    this.queued.delete(key);
  }
}
