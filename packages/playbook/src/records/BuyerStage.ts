import { z } from 'zod';
import { idSchema } from './id';
import { RichTextSchema } from './RichText';
import { TeamSchema } from './Team';
import { limitedText, TEXT_LIMITS } from './textLimits';

/** One short line of a list: a play, an entry criterion, an exit signal. */
const line = limitedText(TEXT_LIMITS.line);

export const StageIdSchema = idSchema('StageId');
export type StageId = z.infer<typeof StageIdSchema>;

/** The plays each team runs while the buyer is in the stage, one short line each. */
export const StagePlaysSchema = z
  .object({
    marketing: z.array(line).default([]),
    sales: z.array(line).default([]),
  })
  .default({ marketing: [], sales: [] });
export type StagePlays = z.infer<typeof StagePlaysSchema>;

/**
 * One step of the buyer's journey, seen from the buyer: what they want to achieve, how we know
 * they entered, which behaviour shows they are done, and who on our side owns it.
 */
export const BuyerStageSchema = z.object({
  id: StageIdSchema,
  name: limitedText(TEXT_LIMITS.name).default(''),
  /** The buyer's goal in this stage, in the buyer's words. */
  goal: limitedText(TEXT_LIMITS.text).default(''),
  entryCriteria: z.array(line).default([]),
  /** Buyer behaviour that shows the stage is done. */
  exitSignals: z.array(line).default([]),
  owner: TeamSchema.default('shared'),
  plays: StagePlaysSchema,
  notes: RichTextSchema,
});
export type BuyerStage = z.infer<typeof BuyerStageSchema>;
export type BuyerStageInput = z.input<typeof BuyerStageSchema>;
