import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../env';

// Served from the installed swagger-ui-dist, so the reference works on a network without internet.
const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
// A Map, not an object: `constructor` or `__proto__` as a file name must find nothing.
const assets = new Map<string, string>([
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
]);

// The page's own script is served as a file, so the strict CSP (script-src 'self') holds here too.
const initScript = (specUrl: string) =>
  `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: '#reference', deepLinking: true, tryItOutEnabled: true });\n`;

const page = `<!doctype html>
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
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

/** GET /api/docs: an interactive reference of /api/openapi.json where requests can be tried. */
export function docsRoutes() {
  const cache = new Map<string, Buffer>();
  return new Hono<AppEnv>()
    .get('/docs', (c) => c.html(page))
    .get('/docs/init.js', (c) => c.body(initScript('/api/openapi.json'), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .get('/docs/assets/:file', (c) => {
      const file = c.req.param('file');
      const type = assets.get(file);
      if (!type) return c.notFound();
      let body = cache.get(file);
      if (!body) {
        body = readFileSync(join(assetsDir, file));
        cache.set(file, body);
      }
      return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
    });
}
