import { z } from 'zod';
import { idSchema } from './id';

export const RoleIdSchema = idSchema('RoleId');
export type RoleId = z.infer<typeof RoleIdSchema>;

/** A column of the responsibility matrix (marketing, sales, product, community…); users edit the list. */
export const RoleSchema = z.object({
  id: RoleIdSchema,
  name: z.string().default(''),
});
export type Role = z.infer<typeof RoleSchema>;
export type RoleInput = z.input<typeof RoleSchema>;
