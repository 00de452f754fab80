import { z } from 'zod';
import { idSchema } from './id';
import { limitedText, TEXT_LIMITS } from './textLimits';

export const MetricPeriodIdSchema = idSchema('MetricPeriodId');
export type MetricPeriodId = z.infer<typeof MetricPeriodIdSchema>;

const amount = z.number().nonnegative().nullable().default(null);
const count = z.number().int().nonnegative().nullable().default(null);

/** Lead, revenue and close figures for one period. Null means "not known yet", not zero. */
export const MetricPeriodSchema = z.object({
  id: MetricPeriodIdSchema,
  /** The period label: `2026-Q3`, `2026-07` or `2026`; the validator checks the form. */
  period: limitedText(TEXT_LIMITS.name).default(''),
  /** Marketing's prediction of leads against the actual count. */
  leads: z.object({ predicted: count, actual: count }).default({ predicted: null, actual: null }),
  /** Sales' forecast revenue against actual revenue, in the playbook's currency. */
  revenue: z.object({ forecast: amount, actual: amount }).default({ forecast: null, actual: null }),
  costPerClose: amount,
  /** Closed deals by where they came from. */
  closesBySource: z.object({ sales: count, marketing: count, community: count }).default({ sales: null, marketing: null, community: null }),
});
export type MetricPeriod = z.infer<typeof MetricPeriodSchema>;
export type MetricPeriodInput = z.input<typeof MetricPeriodSchema>;

/** Period labels the validator accepts: a year, a quarter, a half or a month. */
export const PERIOD_LABEL = /^\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$/;

/** The metrics section: the currency every amount is in, and the periods in order. */
export const MetricsSchema = z
  .object({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as USD')
      .default('USD'),
    periods: z.array(MetricPeriodSchema).default([]),
  })
  .default({ currency: 'USD', periods: [] });
export type Metrics = z.infer<typeof MetricsSchema>;
