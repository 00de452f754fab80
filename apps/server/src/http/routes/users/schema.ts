import { z } from '@hono/zod-openapi';
import type { UserRecord } from '../../../db';
import { workspaceRoles } from '../../../db/accountStorage';
import { maxPasswordLength, minPasswordLength } from '../../../identity/auth';

export const workspaceRole = z
  .enum(workspaceRoles)
  .openapi({ description: 'owner, admin, member or viewer (capped at viewer on every playbook)' });
export const teamIdsField = z.array(z.string().min(1).max(64)).max(50);
export const passwordField = z
  .string()
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters`)
  .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters`);
export const personName = z.string().trim().min(1, 'Give a name').max(80);
export const colorField = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Give a colour as #rrggbb')
  .openapi({ example: '#1d4ed8' });

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: workspaceRole,
    color: z.string().nullable(),
    teamIds: z.array(z.string()),
    deactivated: z.boolean(),
    createdAt: z.string().datetime(),
  })
  .openapi('Person');

export const createUserBody = z
  .object({
    email: z.email(),
    name: personName,
    password: passwordField,
    role: workspaceRole.default('member'),
    teams: teamIdsField.default([]).openapi({ description: 'Team ids' }),
  })
  .openapi('CreatePerson');

export const updateUserBody = z
  .object({
    role: workspaceRole.optional(),
    teams: teamIdsField.optional().openapi({ description: 'Team ids; replaces the person’s teams' }),
    deactivated: z
      .boolean()
      .optional()
      .openapi({ description: 'true ends their sessions and stops their tokens; false lets them sign in again' }),
  })
  .openapi('UpdatePerson');

export const userIdParam = z.object({
  userId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'userId', in: 'path' } }),
});

/** One person as the API shows them (emails are shown to signed-in members of the workspace only). */
export const presentUser = (u: UserRecord) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  color: u.color,
  teamIds: u.teamIds,
  deactivated: u.deactivatedAt !== null,
  createdAt: u.createdAt.toISOString(),
});
