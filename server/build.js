// Bundles the HTTP server (server/index.ts and what it imports: models/, engine/, app/utils)
// into build/server.js, and the embedded engine's worker thread into build/engine-thread.js
// (engine/src/thread.ts looks for it beside the server), so production runs plain Node without a
// TypeScript loader.
// Packages stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { server: 'server/index.ts', 'engine-thread': 'engine/src/thread-worker.ts' },
  outdir: 'build',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
