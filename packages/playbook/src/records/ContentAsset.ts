import { z } from 'zod';
import { StageIdSchema } from './BuyerStage';
import { IsoDateSchema } from './Duration';
import { idSchema } from './id';
import { PersonaIdSchema } from './Persona';
import { limitedText, TEXT_LIMITS } from './textLimits';

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

/** Whether a string is an absolute http or https URL: the only links readers, exports and webhooks pass on. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, hostname } = new URL(value);
  return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
}

/** Where the asset lives: an http(s) URL, or empty while nobody has filled it in. */
export const AssetUrlSchema = limitedText(TEXT_LIMITS.url).refine(
  (url) => url === '' || isHttpUrl(url),
  'an http or https URL such as https://example.com/guide',
);

/**
 * A piece of content mapped to the stages and personas it serves, so the content map reads as a
 * stage × persona matrix. The mappings are sets: two people linking at once both count.
 */
export const ContentAssetSchema = z.object({
  id: AssetIdSchema,
  title: limitedText(TEXT_LIMITS.name).default(''),
  url: AssetUrlSchema.default(''),
  format: AssetFormatSchema.default('other'),
  /** Who keeps it current: a person or a team, in words. */
  owner: limitedText(TEXT_LIMITS.name).default(''),
  lastReviewed: IsoDateSchema.nullable().default(null),
  reviewBy: IsoDateSchema.nullable().default(null),
  stageIds: z.array(StageIdSchema).default([]),
  personaIds: z.array(PersonaIdSchema).default([]),
});
export type ContentAsset = z.infer<typeof ContentAssetSchema>;
export type ContentAssetInput = z.input<typeof ContentAssetSchema>;

/** Whether an asset's review date has passed on `today` (YYYY-MM-DD): a review due today is not late yet. */
export function isReviewOverdue(asset: Pick<ContentAsset, 'reviewBy'>, today: string): boolean {
  return asset.reviewBy !== null && asset.reviewBy < today;
}
