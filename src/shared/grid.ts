/**
 * The one grid: every x axis the extension draws (playground lines, results-view lines, hover sparklines)
 * and every x the webviews label comes from the core's linspace (core/sampling.ts, which the gradient check
 * uses too), so a value the host computed and the x the webview prints for it agree to the last bit.
 */
export { gridPoint, linspace } from '../core/sampling';
