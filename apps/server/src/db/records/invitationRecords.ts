import type { InvitationRecord } from '../accountStorage';

/** The columns an InvitationRecord is read from (never the invitation's token hash). */
export const invitationColumnNames = [
  'id',
  'email',
  'role',
  'teamIds',
  'invitedBy',
  'createdAt',
  'expiresAt',
  'acceptedAt',
  'acceptedBy',
  'revokedAt',
] as const satisfies readonly (keyof InvitationRecord)[];
