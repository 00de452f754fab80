import type { PlaybookRecord } from '../storage';

/** The columns a PlaybookRecord is read from. */
export const playbookColumnNames = [
  'id',
  'title',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'deletedBy',
] as const satisfies readonly (keyof PlaybookRecord)[];
