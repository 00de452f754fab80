import { z } from '@hono/zod-openapi';
import { pageQuery } from '../../pagination';
import { versionParam } from '../../versionQuery';

export const versionSummary = z
  .object({
    number: z.number().int(),
    kind: z.enum(['named', 'checkpoint']),
    label: z.string(),
    note: z.string(),
    author: z.string().openapi({ description: 'The name of the account that saved it' }),
    authorId: z.string(),
    createdAt: z.string().datetime(),
    published: z.boolean(),
    stateBytes: z.number().int(),
  })
  .openapi('VersionSummary');

export const versionParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  number: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'number', in: 'path' }, example: 3 }),
});

export const createVersionBody = z
  .object({
    label: z.string().trim().min(1, 'Name the version, e.g. "Q3 kickoff"').max(120),
    note: z.string().max(2_000).default(''),
    stateVector: z
      .string()
      .max(1_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Give the state vector as base64')
      .optional()
      .openapi({
        description:
          "Base64 of the saving client's Y.encodeStateVector(doc): the server waits (up to 5 s) until it has every edit the client had, so the version includes them.",
      }),
  })
  .openapi('CreateVersion');

export const listVersionsQuery = z.object({
  limit: pageQuery.limit,
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ param: { name: 'before', in: 'query' }, description: 'Version number to page back from' }),
  kind: z
    .enum(['named', 'checkpoint', 'all'])
    .default('all')
    .openapi({ param: { name: 'kind', in: 'query' } }),
});

export const diffQuery = z.object({
  from: versionParam.openapi({
    param: { name: 'from', in: 'query' },
    description: 'live, published or a version number (default: published)',
  }),
  to: versionParam.openapi({ param: { name: 'to', in: 'query' }, description: 'live, published or a version number (default: live)' }),
});

/** One change in business words; `text` is the sentence a person reads. */
export const changeSchema = z.object({ section: z.string(), kind: z.string(), text: z.string() }).catchall(z.unknown()).openapi('Change');

export { presentVersion } from '../../../presenters/versionPresenter';
