import { z } from 'zod';
import { idSchema } from './id';
import { limitedText, TEXT_LIMITS } from './textLimits';

export const RoleIdSchema = idSchema('RoleId');
export type RoleId = z.infer<typeof RoleIdSchema>;

/** A column of the responsibility matrix (marketing, sales, product, community…); users edit the list. */
export const RoleSchema = z.object({
  id: RoleIdSchema,
  name: limitedText(TEXT_LIMITS.name).default(''),
});
export type Role = z.infer<typeof RoleSchema>;
export type RoleInput = z.input<typeof RoleSchema>;
