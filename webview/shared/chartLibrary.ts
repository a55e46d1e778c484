/**
 * Chart.js and its zoom plugin in one bundle (dist/webview/chartjs.js) that every page with a chart runs before
 * its own script: the pages' bundles import 'chart.js' and 'chartjs-plugin-zoom' as usual, and the build
 * (scripts/build.mjs, chartFromLibrary) points those imports at what this puts on `window`. Four pages
 * carried their own copy of Chart.js before, ~150 KB each; the .vsix now carries one.
 */
import { Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, ScatterController, Tooltip } from 'chart.js';
import zoomPlugin from 'chartjs-plugin-zoom';

/** What the pages get from 'chart.js' (scripts/build.mjs re-exports the names imported above) and 'chartjs-plugin-zoom'. */
const library = { Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, ScatterController, Tooltip, zoomPlugin };

(window as unknown as { __dlfpChartJs?: typeof library }).__dlfpChartJs = library;
