import { z } from 'zod';
import { idSchema } from './id';
import { RichTextSchema } from './RichText';
import { TeamSchema } from './Team';

export const StageIdSchema = idSchema('StageId');
export type StageId = z.infer<typeof StageIdSchema>;

/** The plays each team runs while the buyer is in the stage, one short line each. */
export const StagePlaysSchema = z
  .object({
    marketing: z.array(z.string()).default([]),
    sales: z.array(z.string()).default([]),
  })
  .default({ marketing: [], sales: [] });
export type StagePlays = z.infer<typeof StagePlaysSchema>;

/**
 * One step of the buyer's journey, seen from the buyer: what they want to achieve, how we know
 * they entered, which behaviour shows they are done, and who on our side owns it.
 */
export const BuyerStageSchema = z.object({
  id: StageIdSchema,
  name: z.string().default(''),
  /** The buyer's goal in this stage, in the buyer's words. */
  goal: z.string().default(''),
  entryCriteria: z.array(z.string()).default([]),
  /** Buyer behaviour that shows the stage is done. */
  exitSignals: z.array(z.string()).default([]),
  owner: TeamSchema.default('shared'),
  plays: StagePlaysSchema,
  notes: RichTextSchema,
});
export type BuyerStage = z.infer<typeof BuyerStageSchema>;
export type BuyerStageInput = z.input<typeof BuyerStageSchema>;
