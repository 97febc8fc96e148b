// Bundles the server with the workspace packages it imports (they ship TypeScript source) and their
// pure-JS dependencies into dist/main.js, and the worker thread that judges blocked-value regexes
// into dist/recheck-worker.js, beside it (blocked-regex-checker.ts looks for it there; recheck is in that bundle only). The server's own npm dependencies stay external: they
// resolve from apps/server/node_modules, and better-sqlite3 is a native addon that cannot be bundled.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@idr/'));

const result = await build({
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
  metafile: true,
});

// recheck (~3.9 MB) belongs in the worker alone: the main thread has every pattern judged there
// (identifier-rules.ts), and loading recheck would cost its start-up time and memory for nothing.
const mainInputs = Object.keys(result.metafile.outputs['dist/main.js']?.inputs ?? {});
const recheckInMain = mainInputs.filter((input) => input.includes('node_modules/recheck/'));
if (recheckInMain.length > 0) {
  throw new Error(`dist/main.js bundles recheck (${recheckInMain.join(', ')}): judge patterns in the worker only`);
}
