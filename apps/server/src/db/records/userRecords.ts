import type { SessionRecord, UserRecord } from '../accountStorage';

/** The columns a UserRecord is read from (its teamIds come from team_members). */
export const userColumnNames = [
  'id',
  'name',
  'email',
  'role',
  'color',
  'createdAt',
  'deactivatedAt',
] as const satisfies readonly (keyof UserRecord)[];

/** The columns a SessionRecord is read from (never the session token). */
export const sessionColumnNames = [
  'id',
  'userId',
  'createdAt',
  'updatedAt',
  'expiresAt',
  'ipAddress',
  'userAgent',
] as const satisfies readonly (keyof SessionRecord)[];
