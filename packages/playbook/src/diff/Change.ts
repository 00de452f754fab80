import { z } from 'zod';

/** The part of the playbook a change belongs to (`playbook` for title, description and currency). */
export const SectionNameSchema = z.enum([
  'playbook',
  'stages',
  'lifecycle',
  'slas',
  'content',
  'personas',
  'roles',
  'responsibilities',
  'metrics',
  'attribution',
  'pages',
]);
export type SectionName = z.infer<typeof SectionNameSchema>;

/**
 * Text added and removed in a rich-text or long-text field, as plain-text snippets. `rewritten`
 * (with no snippets) when the texts differ too much to compare word by word: read it as replaced.
 */
export const TextChangesSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  rewritten: z.literal(true).optional(),
});
export type TextChanges = z.infer<typeof TextChangesSchema>;

/**
 * One business-level change between two versions of a playbook: what version history and
 * webhooks show. `text` is the sentence for people; the rest is for code.
 */
export const ChangeSchema = z.object({
  section: SectionNameSchema,
  kind: z.enum(['added', 'removed', 'changed', 'moved']),
  /** The item changed, null for playbook-level fields. */
  itemId: z.string().nullable(),
  /** The field within the item (or the playbook), e.g. `['responseTime']`; empty for the item as a whole. */
  path: z.array(z.union([z.string(), z.number()])),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  /** For text fields: the snippets added and removed. */
  textChanges: TextChangesSchema.optional(),
  text: z.string(),
});
export type Change = z.infer<typeof ChangeSchema>;
export type ChangeKind = Change['kind'];
