import type { CollectionName } from '@fullcourt/playbook';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { addItem, deleteItem, updateItem } from '../../../commands/playbookEditor';
import type { VersionSelector } from '../../../commands/playbookSource';
import { getItem, listItems } from '../../../commands/sectionReader';
import type { Services } from '../../../commands/services';
import type { AppEnv } from '../../env';
import { named } from '../../namedSchema';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { pageOf, pageQuery, paginate } from '../../pagination';
import { requires } from '../../security';
import { validationHook } from '../../validation';
import { toSelector, versionParam } from '../../versionQuery';
import { playbookIdParam } from '../playbooks/schema';
import { addItemBody, itemParams, patchItemBody, sections } from './schema';

/**
 * One set of routes per section (stages, slas, content, …): read a page of items from any
 * version, and add / change / delete items in the live document.
 */
export function sectionRoutes(services: Services, defaultVersion: VersionSelector) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const [section, { schema, name, label }] of Object.entries(sections) as [CollectionName, (typeof sections)[CollectionName]][]) {
    const item = named(schema as z.ZodType, name);
    const tags = ['Sections'];

    app.openapi(
      createRoute({
        method: 'get',
        path: `/playbooks/{id}/${section}`,
        tags,
        summary: `List ${label}`,
        ...requires('playbook.readPublished'),
        request: { params: playbookIdParam, query: z.object({ version: versionParam, ...pageQuery }) },
        responses: { 200: json(pageOf(item), `A page of ${label}, in playbook order`), ...problemResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        const { version, ...page } = c.req.valid('query');
        const items = await listItems(services, c.var.actor, c.req.valid('param').id, section, toSelector(version, defaultVersion));
        return c.json(paginate(items, page) as never, 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: `/playbooks/{id}/${section}/{itemId}`,
        tags,
        summary: `Read one of the ${label}`,
        ...requires('playbook.readPublished'),
        request: { params: itemParams, query: z.object({ version: versionParam }) },
        responses: { 200: json(item, 'The item'), ...problemResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        const { id, itemId } = c.req.valid('param');
        const which = toSelector(c.req.valid('query').version, defaultVersion);
        return c.json((await getItem(services, c.var.actor, id, section, itemId, which, label)) as never, 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'post',
        path: `/playbooks/{id}/${section}`,
        tags,
        summary: `Add to the live ${label}`,
        ...requires('playbook.edit'),
        description: 'Connected editors see the new item at once. Give `item` the fields of the record; the id is generated unless given.',
        request: { params: playbookIdParam, body: { required: true, content: { 'application/json': { schema: addItemBody } } } },
        responses: { 201: json(item, 'The item as stored'), ...problemResponses(400, 401, 403, 404, 409) },
      }),
      async (c) => {
        const { item: input, position } = c.req.valid('json');
        const created = await addItem(services, c.var.actor, c.req.valid('param').id, section, input, position);
        return c.json(created as never, 201);
      },
    );
    app.openapi(
      createRoute({
        method: 'patch',
        path: `/playbooks/{id}/${section}/{itemId}`,
        tags,
        summary: `Change fields of one of the live ${label}`,
        ...requires('playbook.edit'),
        description: 'Only the fields given change, checked against the item schema; connected editors see the change at once.',
        request: { params: itemParams, body: { required: true, content: { 'application/json': { schema: patchItemBody } } } },
        responses: { 200: json(item, 'The item after the change'), ...problemResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        const { id, itemId } = c.req.valid('param');
        return c.json((await updateItem(services, c.var.actor, id, section, itemId, c.req.valid('json'))) as never, 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'delete',
        path: `/playbooks/{id}/${section}/{itemId}`,
        tags,
        summary: `Delete one of the live ${label}`,
        ...requires('playbook.edit'),
        request: { params: itemParams },
        responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        const { id, itemId } = c.req.valid('param');
        await deleteItem(services, c.var.actor, id, section, itemId);
        return c.body(null, 204);
      },
    );
  }
  return app;
}
