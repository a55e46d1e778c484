/**
 * The main host bundle's modules that the features bundle (dist/web/features.mjs) uses, by the name its
 * `require` asks for (`dlfp-shared:src/core/catalogue/index.ts`). A virtual module the build writes
 * (scripts/build-web.mjs), so both bundles share one instance of each module: one catalogue, one output
 * channel, one table of open panels.
 */
declare module 'dlfp:shared-modules' {
  export const sharedModules: Readonly<Record<string, unknown>>;
}
