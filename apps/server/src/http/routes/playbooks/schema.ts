import { PlaybookSchema } from '@fullcourt/playbook';
import { z } from '@hono/zod-openapi';
import { templates } from '../../../commands/playbookCreator';
import type { PlaybookRecord } from '../../../db';
import { named } from '../../namedSchema';
import { versionParam } from '../../versionQuery';

export const createPlaybookBody = z
  .object({
    title: z.string().trim().min(1, 'Give the playbook a title').max(200, 'Keep the title under 200 characters'),
    template: z
      .enum(Object.keys(templates) as [keyof typeof templates, ...(keyof typeof templates)[]])
      .default('empty')
      .openapi({ description: 'empty, or starter: a realistic B2B playbook to edit' }),
  })
  .openapi('CreatePlaybook');

export const playbookSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi('PlaybookSummary');

/** A playbook's record as the API shows it. */
export const presentPlaybook = (p: PlaybookRecord) => ({
  id: p.id,
  title: p.title,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const playbookIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const playbookJson = named(PlaybookSchema, 'Playbook');

export const readQuery = z.object({ version: versionParam });

export const updatePlaybookBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5_000).optional(),
  })
  .openapi('UpdatePlaybook');
