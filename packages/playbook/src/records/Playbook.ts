import { z } from 'zod';
import { BuyerStageSchema } from './BuyerStage';
import { ContentAssetSchema } from './ContentAsset';
import { idSchema } from './id';
import { LeadStateSchema } from './LeadState';
import { MetricsSchema } from './MetricPeriod';
import { PageSchema } from './Page';
import { PersonaSchema } from './Persona';
import { ResponsibilitySchema } from './Responsibility';
import { RichTextSchema } from './RichText';
import { RoleSchema } from './Role';
import { SlaSchema } from './Sla';
import { limitedText, TEXT_LIMITS } from './textLimits';

export const PlaybookIdSchema = idSchema('PlaybookId');
export type PlaybookId = z.infer<typeof PlaybookIdSchema>;

/** The sections that are ordered lists of records with ids, and where they sit in the JSON. */
export const COLLECTION_PATHS = {
  stages: ['stages'],
  lifecycle: ['lifecycle'],
  slas: ['slas'],
  content: ['content'],
  personas: ['personas'],
  roles: ['roles'],
  responsibilities: ['responsibilities'],
  metrics: ['metrics', 'periods'],
  pages: ['pages'],
} as const;
export type CollectionName = keyof typeof COLLECTION_PATHS;

const PlaybookShape = z.object({
  /** Null until the server has filed the playbook. */
  id: PlaybookIdSchema.nullable().default(null),
  title: limitedText(TEXT_LIMITS.name).default('Untitled playbook'),
  description: limitedText(TEXT_LIMITS.text).default(''),
  stages: z.array(BuyerStageSchema).default([]),
  lifecycle: z.array(LeadStateSchema).default([]),
  slas: z.array(SlaSchema).default([]),
  content: z.array(ContentAssetSchema).default([]),
  personas: z.array(PersonaSchema).default([]),
  roles: z.array(RoleSchema).default([]),
  responsibilities: z.array(ResponsibilitySchema).default([]),
  metrics: MetricsSchema,
  /** How credit for a close is attributed, in words. */
  attribution: RichTextSchema,
  pages: z.array(PageSchema).default([]),
});

/**
 * The canonical JSON of a playbook: the public shape of toJSON, applyJSON, the REST API and
 * webhooks. Every other type of the package is derived from this schema.
 */
export const PlaybookSchema = PlaybookShape.superRefine((playbook, ctx) => {
  // In the Y.Doc items are keyed by id, so two items sharing one would silently become one.
  for (const path of Object.values(COLLECTION_PATHS)) {
    const items = collectionItems(playbook, path);
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `duplicate id "${item.id}"` });
      }
      seen.add(item.id);
    });
  }
});
export type Playbook = z.infer<typeof PlaybookSchema>;
/** What applyJSON and templates accept: the canonical JSON with every defaulted field optional. */
export type PlaybookInput = z.input<typeof PlaybookSchema>;

function collectionItems(playbook: Record<string, unknown>, path: readonly string[]): { id: string }[] {
  let node: unknown = playbook;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as { id: string }[];
}
