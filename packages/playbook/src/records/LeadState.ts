import { z } from 'zod';
import { idSchema } from './id';
import { TeamSchema } from './Team';

export const LeadStateIdSchema = idSchema('LeadStateId');
export type LeadStateId = z.infer<typeof LeadStateIdSchema>;

/** BANT qualification: for each letter, what counts as met at this state (empty when it does not apply). */
export const BantSchema = z
  .object({
    budget: z.string().default(''),
    authority: z.string().default(''),
    need: z.string().default(''),
    timeline: z.string().default(''),
  })
  .default({ budget: '', authority: '', need: '', timeline: '' });
export type Bant = z.infer<typeof BantSchema>;

/** The BANT letters in reading order, for forms and sentences. */
export const BANT_KEYS = ['budget', 'authority', 'need', 'timeline'] as const satisfies readonly (keyof Bant)[];

/** One state of the lead lifecycle (Lead, MQL, SAL, SQL, Opportunity, Customer by default). */
export const LeadStateSchema = z.object({
  id: LeadStateIdSchema,
  name: z.string().default(''),
  definition: z.string().default(''),
  bant: BantSchema,
  /** The lead score at which a lead enters this state, when scoring decides it. */
  scoreThreshold: z.number().int().nonnegative().nullable().default(null),
  owner: TeamSchema.default('marketing'),
});
export type LeadState = z.infer<typeof LeadStateSchema>;
export type LeadStateInput = z.input<typeof LeadStateSchema>;
