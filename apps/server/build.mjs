// Bundles the server with the workspace packages it imports (they ship TypeScript source) and their
// pure-JS dependencies into dist/main.js, and the worker thread that judges blocked-value regexes
// into dist/recheck-worker.js, beside it (blocked-regex-checker.ts looks for it there). The server's own npm dependencies stay external: they
// resolve from apps/server/node_modules, and better-sqlite3 is a native addon that cannot be bundled.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@idr/'));

await build({
  entryPoints: { main: 'src/main.ts', 'recheck-worker': 'src/features/identifiers/recheck-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
