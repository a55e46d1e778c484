/**
 * The preview bundle (dist/webview/corePreview.js): the pure core's catalogue evaluation, for the views that
 * redraw a slider drag without a host round trip (one round trip per step cannot repaint within a frame): the
 * Formula view through the host's own formulaViewLines.ts, the playground through catalogueSeriesLines
 * (catalogueLines.ts), which the host's evaluateSeries calls for a catalogue function — so a preview and the
 * host's answer agree to the last bit. No formula compiler: a custom formula is still computed by the host.
 * Pages load it after their first paint (loadCorePreview.ts), as they load KaTeX, so its bytes do not delay
 * the first frame; until it has arrived they ask the host. Nothing from a message is executed: it gets function
 * ids and numbers, validated by the page.
 */
import { linesFor } from '../../src/features/formulaView/formulaViewLines';
import { catalogueSeriesLines } from '../../src/features/playground/catalogueLines';

export interface CorePreview {
  readonly formulaViewLines: typeof linesFor;
  /** Throws for a custom formula and for what the host would refuse (the page then asks the host). */
  readonly seriesLines: typeof catalogueSeriesLines;
}

const preview: CorePreview = { formulaViewLines: linesFor, seriesLines: catalogueSeriesLines };
(window as unknown as { __dlfpCorePreview?: CorePreview }).__dlfpCorePreview = preview;
