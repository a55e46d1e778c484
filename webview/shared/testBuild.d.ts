/**
 * true in the development and test builds, false in the production build (the .vsix): scripts/build.mjs
 * defines it, and esbuild drops every `if (TEST_PROBES)` branch from the shipped bundles. The e2e suite's
 * probes (measurements, CSP violations, what the charts hold) live only behind it.
 */
declare const TEST_PROBES: boolean;
