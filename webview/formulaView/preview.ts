/**
 * The Formula view's preview bundle (dist/webview/formulaViewPreview.js): the pure core's catalogue
 * evaluation, so a slider drag redraws in the webview without a host round trip. The page loads it after
 * its first paint, as it loads KaTeX, so the core's bytes do not delay the first frame; until it arrives a
 * drag asks the host. It computes with the host's own function (formulaViewLines.ts), so the preview and
 * the host's next view agree to the last bit. Nothing from a message is executed: it gets a function id
 * and numbers, validated by main.ts.
 */
import { linesFor } from '../../src/features/formulaView/formulaViewLines';

export type PreviewLines = typeof linesFor;

(window as unknown as { __formulaViewPreview?: PreviewLines }).__formulaViewPreview = linesFor;
