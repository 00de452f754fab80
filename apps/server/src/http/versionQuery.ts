import { z } from '@hono/zod-openapi';
import type { VersionSelector } from '../commands/playbookSource';

/** `?version=live|published|<n>`: which state of a playbook a read returns. */
export const versionParam = z
  .string()
  .regex(/^(live|published|[1-9]\d*)$/, 'Use live, published, or a version number such as 3')
  .optional()
  .openapi({
    param: { name: 'version', in: 'query' },
    example: 'published',
    description: 'live, published (the default for /api/v1), or a version number',
  });

export function toSelector(value: string | undefined, fallback: VersionSelector): VersionSelector {
  if (value === undefined) return fallback;
  if (value === 'live' || value === 'published') return value;
  return Number(value);
}
