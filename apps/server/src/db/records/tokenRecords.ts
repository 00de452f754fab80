import type { ApiTokenRecord, TokenScope } from '../accountStorage';

/** The columns an ApiTokenRecord is read from (never the token's hash). */
export const apiTokenColumnNames = [
  'id',
  'name',
  'prefix',
  'kind',
  'userId',
  'scopes',
  'playbookIds',
  'createdAt',
  'expiresAt',
  'lastUsedAt',
  'revokedAt',
] as const satisfies readonly (keyof ApiTokenRecord)[];

/** A token row as a record: both schemas store the scopes as a JSON list of strings. */
export const toTokenRecord = (row: Omit<ApiTokenRecord, 'scopes'> & { scopes: string[] }): ApiTokenRecord => ({
  ...row,
  scopes: row.scopes as TokenScope[],
});
