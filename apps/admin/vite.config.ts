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
      output: {
        // Libraries that change less often than the panel get chunks of their own, so a new
        // release re-downloads only the panel's code. Only whole libraries one side uses:
        // React is needed at once; the rule editor's query builder only after login, with
        // the generated screens (react-admin and MUI are split across both sides, so they
        // stay with the code that uses them rather than all load up front).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'querybuilder', test: /node_modules[\\/](react-querybuilder|@react-querybuilder|immer|@reduxjs|redux|react-redux|numeric-quantity)[\\/]/ },
          ],
        },
      },
      // MUI marks modules 'use client' for server components; meaningless in a SPA bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
