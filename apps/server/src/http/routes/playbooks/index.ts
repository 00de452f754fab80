import { FindingSchema, playbookJsonSchema, validate } from '@fullcourt/playbook';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createPlaybook } from '../../../commands/playbookCreator';
import { updatePlaybookFields } from '../../../commands/playbookEditor';
import { getPlaybook, listPlaybooks } from '../../../commands/playbookReader';
import { readPlaybook, readPlaybookText, type VersionSelector } from '../../../commands/playbookSource';
import type { Services } from '../../../commands/services';
import type { AppEnv } from '../../env';
import { named } from '../../namedSchema';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { pageOf, pageQuery, paginate } from '../../pagination';
import { open, requires } from '../../security';
import { validationHook } from '../../validation';
import { toSelector } from '../../versionQuery';
import {
  createPlaybookBody,
  playbookIdParam,
  playbookJson,
  playbookSummary,
  presentPlaybook,
  readQuery,
  updatePlaybookBody,
} from './schema';

const createRouteDef = createRoute({
  method: 'post',
  path: '/playbooks',
  tags: ['Playbooks'],
  summary: 'Create a playbook, empty or from the starter template',
  ...requires('playbook.create'),
  request: { body: { required: true, content: { 'application/json': { schema: createPlaybookBody } } } },
  responses: { 201: json(playbookSummary, 'The new playbook'), ...problemResponses(400, 401, 403) },
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/playbooks',
  tags: ['Playbooks'],
  summary: 'List playbooks, most recently edited first',
  ...requires('playbook.list'),
  request: { query: z.object(pageQuery) },
  responses: { 200: json(pageOf(playbookSummary), 'A page of playbooks'), ...problemResponses(400, 401, 403) },
});

const getRouteDef = createRoute({
  method: 'get',
  path: '/playbooks/{id}',
  tags: ['Playbooks'],
  summary: 'Read a playbook as canonical JSON',
  ...requires('playbook.readPublished'),
  description: 'The published version by default under /api/v1 (the live document under /api); ?version=live|published|<n> picks another.',
  request: { params: playbookIdParam, query: readQuery },
  responses: {
    200: json(playbookJson, 'The playbook'),
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    ...problemResponses(400, 401, 403, 404),
  },
});

const updateRouteDef = createRoute({
  method: 'patch',
  path: '/playbooks/{id}',
  tags: ['Playbooks'],
  summary: "Change the live playbook's title or description",
  ...requires('playbook.edit'),
  request: { params: playbookIdParam, body: { required: true, content: { 'application/json': { schema: updatePlaybookBody } } } },
  responses: { 200: json(playbookJson, 'The live playbook after the change'), ...problemResponses(400, 401, 403, 404) },
});

const schemaRouteDef = createRoute({
  method: 'get',
  path: '/schema/playbook.json',
  tags: ['Playbooks'],
  summary: 'The JSON Schema of the canonical playbook JSON',
  ...open,
  responses: { 200: json(z.record(z.string(), z.unknown()), 'JSON Schema (draft 2020-12)') },
});

const findingsRouteDef = createRoute({
  method: 'get',
  path: '/playbooks/{id}/findings',
  tags: ['Playbooks'],
  summary: 'Integrity findings: dangling references, RACI rows without exactly one A, overdue reviews',
  ...requires('playbook.readPublished'),
  request: { params: playbookIdParam, query: readQuery },
  responses: {
    200: json(z.object({ items: z.array(named(FindingSchema, 'Finding')) }), 'Findings, errors first'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const present = presentPlaybook;

/** Playbook records and their canonical JSON. `defaultVersion` is what a read returns without ?version. */
export function playbookRoutes(services: Services, defaultVersion: VersionSelector) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(createRouteDef, async (c) => {
      const record = await createPlaybook(services, c.var.actor, c.req.valid('json'));
      return c.json(present(record), 201, { Location: `${c.req.path}/${record.id}` });
    })
    .openapi(listRouteDef, async (c) => {
      const records = await listPlaybooks(services, c.var.actor);
      const page = paginate(records, c.req.valid('query'));
      return c.json({ ...page, items: page.items.map(present) }, 200);
    })
    .openapi(getRouteDef, async (c) => {
      const { id } = c.req.valid('param');
      const { text, version } = await readPlaybookText(services, c.var.actor, id, toSelector(c.req.valid('query').version, defaultVersion));
      // A saved version never changes, so its id is its entity tag; live reads are hashed by the etag middleware.
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (version) headers.ETag = `"version-${version.id}"`;
      return c.body(text, 200, headers) as never;
    })
    .openapi(updateRouteDef, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await updatePlaybookFields(services, c.var.actor, id, c.req.valid('json')), 200);
    })
    .openapi(findingsRouteDef, async (c) => {
      const { id } = c.req.valid('param');
      const { json: playbook } = await readPlaybook(services, c.var.actor, id, toSelector(c.req.valid('query').version, defaultVersion));
      return c.json({ items: validate(playbook) }, 200);
    })
    .openapi(schemaRouteDef, (c) => c.json(playbookJsonSchema(), 200))
    .get('/playbooks/:id/schema', async (c) => {
      await getPlaybook(services, c.var.actor, c.req.param('id'));
      return c.json(playbookJsonSchema(), 200);
    });
}
