import { useEffect, useState } from 'react';
import { listVersions, type VersionRef } from '../api/versions';

/**
 * Which version is published right now, asked afresh (someone may have published a moment ago):
 * its number, null when none is, or 'published' to let the diff endpoint resolve it when the
 * answer lies beyond the newest 200 versions. Undefined while asking.
 *
 * Asking the list first spares a diff request that can only answer 404 before the first
 * publication (which the browser would log as an error).
 */
export function usePublishedVersion(playbookId: string): VersionRef | null | undefined {
  const [published, setPublished] = useState<VersionRef | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    listVersions(playbookId, { limit: 200 }).then(
      (page) => {
        if (!current) return;
        const found = page.items.find((v) => v.published);
        setPublished(found ? found.number : page.nextBefore === null ? null : 'published');
      },
      () => current && setPublished('published'),
    );
    return () => {
      current = false;
    };
  }, [playbookId]);
  return published;
}
