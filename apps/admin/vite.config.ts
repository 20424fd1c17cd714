import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The API serves the built panel at `/` and the REST API under `/api`. */
export default defineConfig({
  root: here('.'),
  base: '/',
  resolve: {
    alias: { '@zizhu/schema': here('../../libs/schema/src/index.ts') },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // MUI marks modules 'use client' for server components; meaningless in a SPA bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
