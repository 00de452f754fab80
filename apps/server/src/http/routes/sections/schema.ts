import {
  BuyerStageSchema,
  type CollectionName,
  ContentAssetSchema,
  LeadStateSchema,
  MetricPeriodSchema,
  PageSchema,
  PersonaSchema,
  ResponsibilitySchema,
  RoleSchema,
  SlaSchema,
} from '@fullcourt/playbook';
import { z } from '@hono/zod-openapi';

/** Each section of a playbook that is a list of items, with the schema of one item and its name in the docs. */
export const sections = {
  stages: { schema: BuyerStageSchema, name: 'BuyerStage', label: 'buyer stages' },
  lifecycle: { schema: LeadStateSchema, name: 'LeadState', label: 'lead lifecycle states' },
  slas: { schema: SlaSchema, name: 'Sla', label: 'SLAs between the teams' },
  content: { schema: ContentAssetSchema, name: 'ContentAsset', label: 'content assets' },
  personas: { schema: PersonaSchema, name: 'Persona', label: 'buying-team personas' },
  roles: { schema: RoleSchema, name: 'Role', label: 'roles' },
  responsibilities: { schema: ResponsibilitySchema, name: 'Responsibility', label: 'responsibilities (RACI)' },
  metrics: { schema: MetricPeriodSchema, name: 'MetricPeriod', label: 'metric periods' },
  pages: { schema: PageSchema, name: 'Page', label: 'pages' },
} satisfies Record<CollectionName, { schema: z.ZodType; name: string; label: string }>;

export const itemParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  itemId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'itemId', in: 'path' } }),
});

/** Where a new item goes: at the start, the end (default), or before/after another item. */
export const positionSchema = z
  .union([
    z.enum(['start', 'end']),
    z.object({ before: z.string() }),
    z.object({ after: z.string() }),
    z.object({ index: z.number().int().min(0) }),
  ])
  .optional();

export const addItemBody = z.object({ item: z.record(z.string(), z.unknown()), position: positionSchema }).openapi('AddItem');

/** Fields of an item to change; the item's schema checks them, fields left out stay as they are. */
export const patchItemBody = z.record(z.string(), z.unknown()).openapi('ItemPatch');
