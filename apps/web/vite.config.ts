import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paste's combobox (with downshift and react-virtual, ~29 kB gzip) serves only the space switcher,
// which loads after the first paint: left out of the eagerly loaded Paste chunk, it goes with the
// switcher's own chunk.
const AFTER_FIRST_PAINT =
  /node_modules\/(@twilio-paste\/(combobox|combobox-primitive|dropdown-library)|downshift|react-virtual|@radix-ui\/react-use-rect)\//;

// Vendor code changes far less often than ours: separate chunks stay cached across deploys. The
// forms chunk (react-hook-form, zod) is only fetched with the lazily loaded page, since the shell
// never imports the contracts. Priorities matter: a group also captures its modules' dependencies,
// so React must be claimed first or it would land in whichever chunk imports it first.
const VENDOR_CHUNKS = [
  { name: 'vendor-react', test: /node_modules\/(react|react-dom|scheduler)\//, priority: 40 },
  { name: 'vendor-query', test: /node_modules\/@tanstack\//, priority: 30 },
  { name: 'vendor-forms', test: /node_modules\/(react-hook-form|@hookform\/resolvers|zod)\//, priority: 20 },
  {
    name: 'vendor-paste',
    test: (id: string) => id.includes('/node_modules/') && !AFTER_FIRST_PAINT.test(id),
    priority: 10,
  },
];

export default defineConfig({
  plugins: [react()],
  server: {
    // The API server of `pnpm dev`; IDR_API_PROXY points elsewhere (e.g. a server on another port).
    proxy: { '/api': process.env.IDR_API_PROXY ?? 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Paste (with emotion, reakit, react-spring) is one ~515 kB chunk, 132 kB gzip; the budget is
    // watched in README.md rather than by this warning.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_CHUNKS,
        },
      },
    },
  },
});
