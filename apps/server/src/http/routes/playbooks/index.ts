import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createPlaybook } from '../../../commands/playbookCreator';
import { getPlaybook, listPlaybooks } from '../../../commands/playbookReader';
import type { Services } from '../../../commands/services';
import type { PlaybookRecord } from '../../../db';
import type { AppEnv } from '../../env';
import { problemResponses } from '../../openapiProblems';
import { validationHook } from '../../validation';
import { createPlaybookBody, playbookIdParam, playbookSummary } from './schema';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const createRouteDef = createRoute({
  method: 'post',
  path: '/playbooks',
  summary: 'Create a playbook',
  request: { body: { required: true, content: { 'application/json': { schema: createPlaybookBody } } } },
  responses: { 201: json(playbookSummary, 'The new playbook'), ...problemResponses(400) },
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/playbooks',
  summary: 'List playbooks, most recently edited first',
  responses: { 200: json(z.object({ items: z.array(playbookSummary) }), 'Every playbook') },
});

const getRouteDef = createRoute({
  method: 'get',
  path: '/playbooks/{id}',
  summary: 'Get a playbook',
  request: { params: playbookIdParam },
  responses: { 200: json(playbookSummary, 'The playbook'), ...problemResponses(404) },
});

const present = (p: PlaybookRecord) => ({
  id: p.id,
  title: p.title,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export function playbookRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(createRouteDef, async (c) => {
      const record = await createPlaybook(services, c.var.actor, c.req.valid('json'));
      return c.json(present(record), 201, { Location: `/api/playbooks/${record.id}` });
    })
    .openapi(listRouteDef, async (c) => {
      const records = await listPlaybooks(services, c.var.actor);
      return c.json({ items: records.map(present) }, 200);
    })
    .openapi(getRouteDef, async (c) => {
      const record = await getPlaybook(services, c.var.actor, c.req.valid('param').id);
      return c.json(present(record), 200);
    });
}
