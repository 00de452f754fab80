import { z } from 'zod';
import { ClockSchema, IsoDurationSchema, PeriodUnitSchema } from './Duration';
import { idSchema } from './id';
import { LeadStateIdSchema } from './LeadState';
import { TeamSchema } from './Team';
import { limitedText, TEXT_LIMITS } from './textLimits';

export const SlaIdSchema = idSchema('SlaId');
export type SlaId = z.infer<typeof SlaIdSchema>;

/** How fast the owning team first responds to a lead that reached the `from` state. */
export const ResponseTimeSchema = z
  .object({ duration: IsoDurationSchema.default('PT24H'), clock: ClockSchema.default('business') })
  .default({ duration: 'PT24H', clock: 'business' });
export type ResponseTime = z.infer<typeof ResponseTimeSchema>;

/** The follow-up cadence: this many attempts within this window before giving up. */
export const FollowUpSchema = z
  .object({ attempts: z.number().int().nonnegative().default(6), window: IsoDurationSchema.default('P10D') })
  .default({ attempts: 6, window: 'P10D' });
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** The feedback duty: a lead the owner will not work is rejected, with one of these reasons, within this time. */
export const FeedbackSchema = z
  .object({ rejectWithin: IsoDurationSchema.default('P2D'), reasons: z.array(limitedText(TEXT_LIMITS.line)).default([]) })
  .default({ rejectWithin: 'P2D', reasons: [] });
export type Feedback = z.infer<typeof FeedbackSchema>;

/** Marketing's volume commitment: this many leads per period. */
export const VolumeSchema = z.object({ count: z.number().int().nonnegative(), per: PeriodUnitSchema });
export type Volume = z.infer<typeof VolumeSchema>;

/**
 * A service-level agreement between the teams for leads moving from one lifecycle state to
 * another. `from`/`to` are null while someone is still filling the SLA in; the validator says so.
 */
export const SlaSchema = z.object({
  id: SlaIdSchema,
  from: LeadStateIdSchema.nullable().default(null),
  to: LeadStateIdSchema.nullable().default(null),
  owner: TeamSchema.default('sales'),
  responseTime: ResponseTimeSchema,
  followUp: FollowUpSchema,
  feedback: FeedbackSchema,
  volume: VolumeSchema.nullable().default(null),
});
export type Sla = z.infer<typeof SlaSchema>;
export type SlaInput = z.input<typeof SlaSchema>;
