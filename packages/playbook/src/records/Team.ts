import { z } from 'zod';

/** The team that owns a stage, lifecycle state or SLA; `shared` when both answer for it together. */
export const TeamSchema = z.enum(['marketing', 'sales', 'shared']);
export type Team = z.infer<typeof TeamSchema>;
