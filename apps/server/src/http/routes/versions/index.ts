import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { diffPlaybook } from '../../../commands/playbookDiffer';
import type { PlaybookSnapshot } from '../../../commands/playbookSource';
import type { Services } from '../../../commands/services';
import { createVersion } from '../../../commands/versionCreator';
import { publishVersion } from '../../../commands/versionPublisher';
import { getVersion, listVersions, publishedVersionId } from '../../../commands/versionReader';
import { restoreVersion } from '../../../commands/versionRestorer';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { requires } from '../../security';
import { validationHook } from '../../validation';
import { toSelector } from '../../versionQuery';
import { playbookIdParam, playbookJson } from '../playbooks/schema';
import { changeSchema, createVersionBody, diffQuery, listVersionsQuery, presentVersion, versionParams, versionSummary } from './schema';

const tags = ['Versions'];

const describeSide = (s: PlaybookSnapshot) =>
  s.version ? { number: s.version.number, label: s.version.label } : { number: null, label: 'Live' };

/** Named versions and checkpoints: save, list, read, publish, restore, diff. */
export function versionRoutes(services: Services) {
  const publishedId = (playbookId: string) => publishedVersionId(services, playbookId);

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'get',
        path: '/playbooks/{id}/versions',
        tags,
        summary: 'List versions, newest first',
        ...requires('playbook.readLive'),
        request: { params: playbookIdParam, query: listVersionsQuery },
        responses: {
          200: json(
            z.object({
              items: z.array(versionSummary),
              nextBefore: z.number().int().nullable(),
              published: z.object({ number: z.number().int(), publishedAt: z.string().datetime(), publishedBy: z.string() }).nullable(),
            }),
            'A page of versions, and which one is published (by whom, when)',
          ),
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { limit, before, kind } = c.req.valid('query');
        const { items: rows, publication } = await listVersions(services, c.var.actor, id, {
          limit,
          before,
          kind: kind === 'all' ? undefined : kind,
        });
        const items = rows.map((v) => presentVersion(v, publication?.version.id));
        const nextBefore = rows.length === limit ? (rows.at(-1)?.number ?? null) : null;
        const published = publication
          ? { number: publication.version.number, publishedAt: publication.publishedAt.toISOString(), publishedBy: publication.publishedBy }
          : null;
        return c.json({ items, nextBefore, published }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/playbooks/{id}/versions',
        tags,
        summary: 'Save the live playbook as a named version',
        ...requires('version.create'),
        request: { params: playbookIdParam, body: { required: true, content: { 'application/json': { schema: createVersionBody } } } },
        responses: { 201: json(versionSummary, 'The saved version'), ...problemResponses(400, 401, 403, 404, 409) },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { stateVector, ...input } = c.req.valid('json');
        const clientStateVector = stateVector === undefined ? undefined : new Uint8Array(Buffer.from(stateVector, 'base64'));
        const version = await createVersion(services, c.var.actor, id, { ...input, clientStateVector });
        return c.json(presentVersion(version, await publishedId(id)), 201, { Location: `${c.req.path}/${version.number}` });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/playbooks/{id}/versions/{number}',
        tags,
        summary: 'Read a version: its summary and canonical JSON',
        ...requires('playbook.readLive'),
        request: { params: versionParams },
        responses: { 200: json(versionSummary.extend({ playbook: playbookJson }), 'The version'), ...problemResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        const { id, number } = c.req.valid('param');
        const { version, publishedId: published } = await getVersion(services, c.var.actor, id, number);
        return c.json({ ...presentVersion(version, published), playbook: JSON.parse(version.json) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/playbooks/{id}/versions/{number}/publish',
        tags,
        summary: 'Publish a version',
        ...requires('version.publish'),
        description:
          'Tools reading /api/v1 get the published version by default. Subscribed webhooks receive `version.published` with the diff.',
        request: { params: versionParams },
        responses: {
          200: json(z.object({ published: versionSummary, previous: versionSummary.nullable() }), 'Published'),
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id, number } = c.req.valid('param');
        const { version, previous } = await publishVersion(services, c.var.actor, id, number);
        return c.json(
          { published: presentVersion(version, version.id), previous: previous ? presentVersion(previous, version.id) : null },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/playbooks/{id}/versions/{number}/restore',
        tags,
        summary: 'Restore a version into the live playbook',
        ...requires('version.restore'),
        description:
          'Applied as a new change that every connected editor sees; the state before it is saved as a checkpoint (never thinned), so a restore can be undone by restoring that.',
        request: { params: versionParams },
        responses: {
          200: json(z.object({ restored: versionSummary, before: versionSummary }), 'Restored'),
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id, number } = c.req.valid('param');
        const { restored, before } = await restoreVersion(services, c.var.actor, id, number);
        const published = await publishedId(id);
        return c.json({ restored: presentVersion(restored, published), before: presentVersion(before, published) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/playbooks/{id}/diff',
        tags,
        summary: 'What changed between two versions, in business words',
        ...requires('playbook.readLive'),
        request: { params: playbookIdParam, query: diffQuery },
        responses: {
          200: json(
            z.object({
              from: z.object({ number: z.number().int().nullable(), label: z.string() }),
              to: z.object({ number: z.number().int().nullable(), label: z.string() }),
              changes: z.array(changeSchema),
            }),
            'The changes from `from` to `to`',
          ),
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { from, to } = c.req.valid('query');
        const result = await diffPlaybook(services, c.var.actor, id, toSelector(from, 'published'), toSelector(to, 'live'));
        const body = { from: describeSide(result.from), to: describeSide(result.to), changes: result.changes };
        return c.json(body as never, 200);
      },
    );
}
