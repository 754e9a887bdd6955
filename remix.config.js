/**
 * Remix's classic (esbuild) compiler; see docs/decisions/001-remix-classic-compiler-and-express.md.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // build/server.js (the HTTP server, bundled by server/build.js) loads this.
  serverBuildPath: 'build/remix/index.js',
  assetsBuildDirectory: 'public/build',
  publicPath: '/build/',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Both are designed around the Vite plugin and change how loaders return data; they come
    // with the move to Vite / React Router 7, not before.
    v3_singleFetch: false,
    v3_lazyRouteDiscovery: false,
  },
};
