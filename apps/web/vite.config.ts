import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API and the collaboration socket live on the server (npm run dev).
const server = process.env.FULLCOURT_SERVER ?? 'http://localhost:3000';
// FULLCOURT_PROFILING=1 builds into dist-profiling with React's profiling build, whose <Profiler>
// reports commits (the production build ignores it): the re-render test counts commits per card.
const profiling = process.env.FULLCOURT_PROFILING === '1';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The install holds three copies of @tiptap/core (3.31.3 twice, 3.34.0 hoisted by @tiptap/react's
    // menus). One copy in the bundle keeps it smaller and avoids two ProseMirror plugin registries;
    // yjs must be single anyway ("Yjs was already imported" breaks instanceof checks).
    dedupe: ['@tiptap/core', '@tiptap/pm', '@tiptap/y-tiptap', 'yjs', 'y-protocols', 'lib0'],
    alias: profiling ? [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] : [],
  },
  server: {
    proxy: {
      '/api': server,
      '/collab': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: {
    ...(profiling && { outDir: 'dist-profiling' }),
    // Built for debugging, served only with SERVE_SOURCE_MAPS=true; no comment points browsers at them.
    sourcemap: 'hidden',
    rolldownOptions: {
      treeshake: {
        // The workspace packages only declare things at the top level (schemas, extensions, functions).
        // Saying so lets the reader take the formatters it needs without the editor schema behind them.
        moduleSideEffects: (id: string) => !/\/packages\/(playbook|editor-schema)\/src\//.test(id),
      },
    },
  },
});
