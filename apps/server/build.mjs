// Bundles the server and the workspace packages it imports (which ship TypeScript source) into
// dist/main.js; npm dependencies stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  packages: 'external',
  alias: {
    '@idr/contracts': '../../packages/contracts/src/index.ts',
    '@idr/resolver': '../../packages/resolver/src/index.ts',
  },
  logLevel: 'warning',
});
