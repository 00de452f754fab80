import { z } from '@hono/zod-openapi';

export const createPlaybookBody = z
  .object({
    title: z.string().trim().min(1, 'Give the playbook a title').max(200, 'Keep the title under 200 characters'),
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

export const playbookIdParam = z.object({ id: z.string().min(1).max(64) });

export type CreatePlaybookBody = z.infer<typeof createPlaybookBody>;
