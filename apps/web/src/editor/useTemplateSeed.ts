import { applyJSON, emptyPlaybook, starterTemplate } from '@fullcourt/playbook';
import { useEffect } from 'react';
import { takeTemplate } from '../home/templateSeed';
import type { CollabSession } from './collabSession';

/**
 * Fills a new playbook with the template its creator chose, when the server has not done so: only
 * in the creating tab, and only after the first sync showed the document is still blank, so an
 * already-filled playbook is never overwritten.
 */
export function useTemplateSeed(session: CollabSession, title: string | undefined): void {
  useEffect(() => {
    if (title === undefined) return;
    const template = takeTemplate(session.playbookId);
    if (!template) return;
    let cancelled = false;
    void session.firstSync.then(() => {
      const { playbook } = session;
      const blank = playbook.title === '' && playbook.lifecycle.size === 0 && playbook.stages.size === 0 && playbook.roles.size === 0;
      if (cancelled || !blank) return;
      const json = template === 'starter' ? starterTemplate() : emptyPlaybook();
      // Not an undoable edit: taking the template back would leave a blank playbook nobody asked for.
      applyJSON(playbook, { ...json, title });
    });
    return () => {
      cancelled = true;
    };
  }, [session, title]);
}
