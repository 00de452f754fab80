import { toMarkdown } from '@fullcourt/playbook';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { readPlaybook, type VersionSelector } from '../../../commands/playbookSource';
import type { Services } from '../../../commands/services';
import { exportFileName } from '../../../exports/fileName';
import type { AppEnv } from '../../env';
import { problemResponses } from '../../openapiResponses';
import { requires } from '../../security';
import { validationHook } from '../../validation';
import { toSelector, versionParam } from '../../versionQuery';
import { playbookIdParam } from '../playbooks/schema';

const exportRoute = createRoute({
  method: 'get',
  path: '/playbooks/{id}/export',
  tags: ['Playbooks'],
  summary: 'Export a playbook as JSON, Markdown or a standalone HTML page',
  ...requires('playbook.readPublished'),
  request: {
    params: playbookIdParam,
    query: z.object({
      format: z
        .enum(['json', 'md', 'html'])
        .default('json')
        .openapi({ param: { name: 'format', in: 'query' } }),
      version: versionParam,
    }),
  },
  responses: {
    200: {
      description: 'The export',
      content: {
        'application/json': { schema: z.record(z.string(), z.unknown()) },
        'text/markdown': { schema: z.string() },
        'text/html': { schema: z.string() },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Whole-playbook exports, for scripts (see the CLI) and people who want a file. */
export function exportRoutes(services: Services, defaultVersion: VersionSelector) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format, version } = c.req.valid('query');
    const { json, version: saved } = await readPlaybook(services, c.var.actor, id, toSelector(version, defaultVersion));
    const which = saved ? `version ${saved.number} (${saved.label})` : 'the live playbook';
    const disposition = { 'Content-Disposition': `inline; filename="${exportFileName(json.title, format)}"` };
    if (format === 'json') return c.json(json, 200, disposition);
    const markdown = toMarkdown(json);
    if (format === 'md') return c.body(markdown, 200, { ...disposition, 'Content-Type': 'text/markdown; charset=utf-8' });
    // The HTML page (a Marked renderer, styles) is built only by this route, so it loads on its first use.
    const { htmlPage } = await import('../../../exports/htmlPage');
    const html = htmlPage(json.title, markdown, `Exported from Fullcourt: ${which}, ${new Date().toISOString().slice(0, 10)}.`);
    return c.body(html, 200, {
      ...disposition,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
  });
}
