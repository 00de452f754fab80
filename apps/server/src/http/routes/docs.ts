import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../env';

// Served from the installed swagger-ui-dist, so the reference works on a network without internet.
const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const page = (specUrl: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Fullcourt API reference</title>
  <link rel="icon" href="/api/docs/assets/favicon-32x32.png" />
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
</head>
<body>
  <div id="reference"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: '#reference', deepLinking: true, tryItOutEnabled: true });
  </script>
</body>
</html>`;

/** GET /api/docs: an interactive reference of /api/openapi.json where requests can be tried. */
export function docsRoutes() {
  const cache = new Map<string, Buffer>();
  return new Hono<AppEnv>()
    .get('/docs', (c) => c.html(page('/api/openapi.json')))
    .get('/docs/assets/:file', (c) => {
      const file = c.req.param('file');
      const type = assets[file];
      if (!type) return c.notFound();
      let body = cache.get(file);
      if (!body) {
        body = readFileSync(join(assetsDir, file));
        cache.set(file, body);
      }
      return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
    });
}
