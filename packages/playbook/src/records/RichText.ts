import { z } from 'zod';

/** A Tiptap/ProseMirror document as JSON (`{ type: 'doc', content: [...] }`), checked loosely. */
export const TiptapDocSchema = z.looseObject({
  type: z.literal('doc'),
  content: z.array(z.looseObject({ type: z.string() })).optional(),
});
export type TiptapDoc = z.infer<typeof TiptapDocSchema>;

/**
 * A rich-text field in canonical JSON. Markdown is always there (readers, webhooks, diffs);
 * `tiptap` is only present when the caller of toJSON asked for it, and when present on import
 * it wins over Markdown because it is lossless. `unreadable` is only ever set by reads.
 */
export const RichTextSchema = z
  .object({
    markdown: z.string().default(''),
    tiptap: TiptapDocSchema.optional(),
    /**
     * Why the stored text could not be read as rich text (nested too deep, by a document stored
     * before that was refused): `markdown` and `tiptap` then hold its plain text, and the validator
     * reports the field. Writing the same plain text back with it (a restore) leaves such a field as it is.
     */
    unreadable: z.string().optional(),
  })
  .default({ markdown: '' });
export type RichText = z.infer<typeof RichTextSchema>;
export type RichTextInput = z.input<typeof RichTextSchema>;

/** A rich-text value from Markdown (templates and fixtures write their text this way). */
export function markdown(text: string): RichText {
  return { markdown: text };
}
