/**
 * The playground's own measurements, read by the e2e suite from the page in test builds (nothing is sent to
 * the host). Paint times are taken in a task queued from the animation frame that drew, which runs once that
 * frame is rendered. No DOM types here: the e2e suite, which compiles without them, imports this too.
 */
export interface PerfRecord {
  /** When the script started running, ms after the document started. */
  scriptStart: number;
  /** When the catalogue and the saved state were known, and from where: embedded in the page or `init`. */
  booted?: number;
  bootedFrom?: 'page' | 'init';
  initReceived?: number;
  /** The first frame showing the chart for the restored state (its axes), and the first with all its lines. */
  firstPaint?: number;
  dataPaint?: number;
  /** Per input event: from the event to the frame showing data computed for that value or a newer one. */
  sliderPaint: number[];
  chartUpdate: number[];
  roundTrip: number[];
  /** Per series computed in the page (the preview bundle): the time computing its lines. */
  compute: number[];
  /** Test switch: ask the host even when the preview bundle has loaded (the round trip it replaced, for comparison). */
  forceHost: boolean;
  /** How result values arrived: as Float64Array (VS Code transfers typed arrays) or as a JSON array. */
  transport?: 'Float64Array' | 'array';
}
