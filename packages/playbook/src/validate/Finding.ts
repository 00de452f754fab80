import { z } from 'zod';

/** How bad a finding is: `error` breaks a rule the teams rely on, `info` is worth a look. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** One integrity problem in a playbook, as shown to users next to the item it concerns. */
export const FindingSchema = z.object({
  severity: SeveritySchema,
  /** A stable machine name for the rule ("sla-dangling-state"), for filtering and translations. */
  code: z.string(),
  /** Where in the canonical JSON, e.g. `['slas', 2, 'to']`. */
  path: z.array(z.union([z.string(), z.number()])),
  /** The item the finding is about, when there is one; survives reordering, unlike the index in `path`. */
  itemId: z.string().nullable(),
  message: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Builds a finding; `itemId` defaults to none. */
export function finding(
  severity: Severity,
  code: string,
  path: (string | number)[],
  message: string,
  itemId: string | null = null,
): Finding {
  return { severity, code, path, itemId, message };
}
