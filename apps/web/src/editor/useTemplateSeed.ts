import { applyJSON, emptyPlaybook, starterTemplate } from '@fullcourt/playbook';
import { useEffect } from 'react';
import { takeTemplate } from '../home/templateSeed';
import type { CollabSession } from './collabSession';

/**
 * Fills a new playbook with the template its creator chose, for servers that create it blank:
 * only in the creating tab, and only after the first sync showed the document is still blank, so
 * a playbook the server (or anyone) already filled is never overwritten.
 */
export function useTemplateSeed(session: CollabSession): void {
  useEffect(() => {
    if (session.readOnly) return;
    const seed = takeTemplate(session.playbookId);
    if (!seed) return;
    let cancelled = false;
    void session.firstSync.then(() => {
      const { playbook } = session;
      const blank = playbook.title === '' && playbook.lifecycle.size === 0 && playbook.stages.size === 0 && playbook.roles.size === 0;
      if (cancelled || !blank) return;
      const json = seed.template === 'starter' ? starterTemplate() : emptyPlaybook();
      // Not an undoable edit: undoing the template would leave a blank playbook nobody asked for.
      applyJSON(playbook, { ...json, title: seed.title });
    });
    return () => {
      cancelled = true;
    };
  }, [session]);
}
