import { z } from 'zod';
import { idSchema } from './id';
import { RoleIdSchema } from './Role';
import { limitedText, TEXT_LIMITS } from './textLimits';

export const ResponsibilityIdSchema = idSchema('ResponsibilityId');
export type ResponsibilityId = z.infer<typeof ResponsibilityIdSchema>;

/** Responsible, Accountable, Consulted, Informed. */
export const RaciLetterSchema = z.enum(['R', 'A', 'C', 'I']);
export type RaciLetter = z.infer<typeof RaciLetterSchema>;

/**
 * A row of the responsibility matrix: an activity and the RACI letter each role holds for it.
 * At most one role should be A; the model lets concurrent edits produce two and the validator
 * reports it, because refusing a peer's edit after the fact is not possible in a CRDT.
 */
export const ResponsibilitySchema = z.object({
  id: ResponsibilityIdSchema,
  activity: limitedText(TEXT_LIMITS.line).default(''),
  raci: z.record(RoleIdSchema, RaciLetterSchema).default({}),
});
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
export type ResponsibilityInput = z.input<typeof ResponsibilitySchema>;

/** The roles that hold a given letter for an activity (the validator uses it to find double A's). */
export function rolesWithLetter(responsibility: Responsibility, letter: RaciLetter): string[] {
  return Object.entries(responsibility.raci)
    .filter(([, held]) => held === letter)
    .map(([roleId]) => roleId);
}
