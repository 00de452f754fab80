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

/** The roles that hold a given letter for an activity, deleted roles included. */
export function rolesWithLetter(responsibility: Responsibility, letter: RaciLetter): string[] {
  return Object.entries(responsibility.raci)
    .filter(([, held]) => held === letter)
    .map(([roleId]) => roleId);
}

/** Whether an activity has exactly one accountable role, and if not, how it falls short. */
export type Accountability = { kind: 'ok' } | { kind: 'no-accountable' } | { kind: 'multiple-accountable'; roleIds: string[] };

/**
 * Checks an activity against the rule every RACI matrix keeps: exactly one A among the roles that
 * exist. A letter held by a deleted role does not count, since nobody would answer for it (the
 * validator reports such letters on their own). The validator, the editor's grid and the reader
 * all ask this one function.
 */
export function accountability(raci: Readonly<Record<string, RaciLetter>>, roleExists: (roleId: string) => boolean): Accountability {
  const accountable = Object.keys(raci).filter((roleId) => raci[roleId] === 'A' && roleExists(roleId));
  if (accountable.length === 0) return { kind: 'no-accountable' };
  if (accountable.length > 1) return { kind: 'multiple-accountable', roleIds: accountable };
  return { kind: 'ok' };
}
