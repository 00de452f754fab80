import { z } from 'zod';
import { idSchema } from './id';
import { TeamSchema } from './Team';
import { limitedText, TEXT_LIMITS } from './textLimits';

const criterion = limitedText(TEXT_LIMITS.criterion).default('');

export const LeadStateIdSchema = idSchema('LeadStateId');
export type LeadStateId = z.infer<typeof LeadStateIdSchema>;

/** BANT qualification: for each letter, what counts as met at this state (empty when it does not apply). */
export const BantSchema = z
  .object({
    budget: criterion,
    authority: criterion,
    need: criterion,
    timeline: criterion,
  })
  .default({ budget: '', authority: '', need: '', timeline: '' });
export type Bant = z.infer<typeof BantSchema>;

/** The BANT letters in reading order, for forms and sentences. */
export const BANT_KEYS = ['budget', 'authority', 'need', 'timeline'] as const satisfies readonly (keyof Bant)[];

/** One state of the lead lifecycle (Lead, MQL, SAL, SQL, Opportunity, Customer by default). */
export const LeadStateSchema = z.object({
  id: LeadStateIdSchema,
  name: limitedText(TEXT_LIMITS.name).default(''),
  definition: limitedText(TEXT_LIMITS.text).default(''),
  bant: BantSchema,
  /** The lead score at which a lead enters this state, when scoring decides it. */
  scoreThreshold: z.number().int().nonnegative().nullable().default(null),
  owner: TeamSchema.default('marketing'),
});
export type LeadState = z.infer<typeof LeadStateSchema>;
export type LeadStateInput = z.input<typeof LeadStateSchema>;
