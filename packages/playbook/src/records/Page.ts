import { z } from 'zod';
import { idSchema } from './id';
import { RichTextSchema } from './RichText';
import { limitedText, TEXT_LIMITS } from './textLimits';

export const PageIdSchema = idSchema('PageId');
export type PageId = z.infer<typeof PageIdSchema>;

/** A free rich-text page: the introduction, the glossary, how the weekly sync runs. */
export const PageSchema = z.object({
  id: PageIdSchema,
  title: limitedText(TEXT_LIMITS.name).default(''),
  body: RichTextSchema,
});
export type Page = z.infer<typeof PageSchema>;
export type PageInput = z.input<typeof PageSchema>;
