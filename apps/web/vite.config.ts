import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API and the collaboration socket live on the server (npm run dev).
const server = process.env.FULLCOURT_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': server,
      '/collab': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: { sourcemap: true },
});
