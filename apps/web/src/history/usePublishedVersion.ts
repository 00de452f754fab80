import { useEffect, useState } from 'react';
import { listVersions, type VersionRef } from '../api/versions';

/**
 * Which version is published right now, asked afresh (someone may have published a moment ago):
 * its number, or null when none is; undefined while asking ('published' lets the diff endpoint
 * resolve it if the list could not be read).
 *
 * Asking the list first spares a diff request that can only answer 404 before the first
 * publication (which the browser would log as an error).
 */
export function usePublishedVersion(playbookId: string): VersionRef | null | undefined {
  const [published, setPublished] = useState<VersionRef | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    listVersions(playbookId, { limit: 1 }).then(
      (page) => current && setPublished(page.published?.number ?? null),
      () => current && setPublished('published'),
    );
    return () => {
      current = false;
    };
  }, [playbookId]);
  return published;
}
