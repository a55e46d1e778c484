/**
 * The Formula view's plot lines: f and f′ (ℓ and ∂ℓ/∂ŷ per target y) of a catalogue function with given
 * parameters, on VIEW_POINTS points of the function's plot range. One function for both sides: the host
 * builds each view with it, and the webview's deferred preview bundle (webview/formulaView/preview.ts)
 * redraws a slider drag with it, so a previewed frame and the host's next view agree to the last bit.
 * Pure (no 'vscode', no DOM, no Node) and without the formula compiler, so the preview bundle stays small.
 */
import { entryFor } from '../../core/catalogue';
import { linspace } from '../../shared/grid';
import { catalogueLines } from '../playground/catalogueLines';
import { VIEW_POINTS, type ViewLine } from './formulaViewMessages';

/** f and f′ (ℓ and ∂ℓ/∂ŷ per target) of `id` with `params`; an evaluation error gives no lines, not a throw. */
export function linesFor(id: string, params: Readonly<Record<string, number>>, xMin: number, xMax: number, kind: 'code' | 'default'): ViewLine[] {
  try {
    const lines = catalogueLines(entryFor(id), linspace(xMin, xMax, VIEW_POINTS), { params, xMin, xMax, points: VIEW_POINTS });
    return lines.map((line) => ({
      role: line.role,
      with: kind,
      ...(line.label === undefined ? {} : { label: line.label }),
      values: line.values instanceof Float64Array ? line.values : Float64Array.from(line.values),
    }));
  } catch {
    // A parameter outside its domain (checked separately, shown beside its slider) draws nothing.
    return [];
  }
}
