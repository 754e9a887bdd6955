// Bundles the HTTP server (server/index.ts and what it imports: models/, engine/, app/utils)
// into build/server.js, so production runs plain Node without a TypeScript loader.
// Packages stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/index.ts'],
  outfile: 'build/server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
