import { z } from 'zod';
import { StageIdSchema } from './BuyerStage';
import { IsoDateSchema } from './Duration';
import { idSchema } from './id';
import { PersonaIdSchema } from './Persona';

export const AssetIdSchema = idSchema('AssetId');
export type AssetId = z.infer<typeof AssetIdSchema>;

/** What kind of asset it is; `other` keeps the list short without blocking anyone. */
export const AssetFormatSchema = z.enum([
  'article',
  'calculator',
  'case-study',
  'checklist',
  'datasheet',
  'deck',
  'demo',
  'ebook',
  'email',
  'guide',
  'one-pager',
  'video',
  'webinar',
  'whitepaper',
  'other',
]);
export type AssetFormat = z.infer<typeof AssetFormatSchema>;

/**
 * A piece of content mapped to the stages and personas it serves, so the content map reads as a
 * stage × persona matrix. The mappings are sets: two people linking at once both count.
 */
export const ContentAssetSchema = z.object({
  id: AssetIdSchema,
  title: z.string().default(''),
  url: z.string().default(''),
  format: AssetFormatSchema.default('other'),
  /** Who keeps it current: a person or a team, in words. */
  owner: z.string().default(''),
  lastReviewed: IsoDateSchema.nullable().default(null),
  reviewBy: IsoDateSchema.nullable().default(null),
  stageIds: z.array(StageIdSchema).default([]),
  personaIds: z.array(PersonaIdSchema).default([]),
});
export type ContentAsset = z.infer<typeof ContentAssetSchema>;
export type ContentAssetInput = z.input<typeof ContentAssetSchema>;
