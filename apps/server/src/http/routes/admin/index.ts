import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { takeBackup } from '../../../commands/databaseBackup';
import type { Services } from '../../../commands/services';
import type { AppEnv } from '../../env';
import { problemResponses } from '../../openapiResponses';
import { requires } from '../../security';
import { validationHook } from '../../validation';

/** SQLite's registered media type. */
const sqliteType = 'application/vnd.sqlite3';

/** Running the server: POST /admin/backup (owners). */
export function adminRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: 'post',
      path: '/admin/backup',
      tags: ['Administration'],
      summary: 'Download a consistent backup of the database, taken while people edit (owners)',
      description:
        'The whole embedded SQLite database (playbooks, versions, accounts, sessions, tokens) as one file, taken with SQLite’s online backup API: it holds every edit stored before the request, and editing goes on meanwhile. Keep it as safe as the data folder. `fullcourt admin backup --out FILE` calls this; `fullcourt admin restore --from FILE` puts a backup back, with the server stopped. On PostgreSQL it answers 409 `/problems/backup-not-supported`: use pg_dump.',
      ...requires('instance.backup'),
      responses: {
        200: {
          description: 'The database file (SQLite 3)',
          headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="fullcourt-<time>.sqlite"' } },
          content: { [sqliteType]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...problemResponses(401, 403, 409, 503),
      },
    }),
    async (c) => {
      const file = await takeBackup(services, c.var.actor);
      let size: number;
      try {
        size = statSync(file.path).size;
      } catch (error) {
        file.remove();
        throw error;
      }
      const stream = createReadStream(file.path);
      // Sent, or the client went away: either way the copy goes.
      stream.once('close', file.remove);
      return new Response(Readable.toWeb(stream) as ReadableStream, {
        status: 200,
        headers: {
          'Content-Type': sqliteType,
          'Content-Length': String(size),
          'Content-Disposition': `attachment; filename="${file.name}"`,
          'Cache-Control': 'no-store',
        },
      });
    },
  );
}
