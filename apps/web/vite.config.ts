import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vendor code changes far less often than ours: separate chunks keep it cached across deploys,
// and the Paste + emotion chunk is only fetched once the lazily loaded page needs it.
function vendorChunk(id: string): string | null {
  if (!id.includes('node_modules')) return null;
  if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'vendor-react';
  if (/@tanstack|react-hook-form|@hookform|zod/.test(id)) return 'vendor-data';
  return 'vendor-ui';
}

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: vendorChunk, test: /node_modules/ }],
        },
      },
    },
  },
});
