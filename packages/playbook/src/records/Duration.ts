import { z } from 'zod';

// Whole numbers only: "PT4H" and "P2D" are how people state SLAs; fractions read badly ("0.5 days").
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** An ISO 8601 duration such as `PT4H` or `P2D`. */
export const IsoDurationSchema = z.string().regex(ISO_DURATION, 'an ISO 8601 duration such as PT4H (4 hours) or P2D (2 days)');
export type IsoDuration = z.infer<typeof IsoDurationSchema>;

/** Whether a duration counts business hours (the teams' working week) or calendar time. */
export const ClockSchema = z.enum(['business', 'calendar']);
export type Clock = z.infer<typeof ClockSchema>;

/** The period a volume commitment or a cadence is counted in. */
export const PeriodUnitSchema = z.enum(['week', 'month', 'quarter', 'year']);
export type PeriodUnit = z.infer<typeof PeriodUnitSchema>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof IsoDateSchema>;
