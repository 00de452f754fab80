import type { PlaybookTemplate } from '../api/playbooks';

// The tab that created a playbook remembers which template it asked for, until the editor has
// made sure the document holds it. Session storage: only that tab, and gone when it closes.
const key = (playbookId: string) => `fullcourt.seed.${playbookId}`;

export function rememberTemplate(playbookId: string, template: PlaybookTemplate): void {
  try {
    sessionStorage.setItem(key(playbookId), template);
  } catch {
    // Without storage the server's own template (when it applies one) is all there is.
  }
}

/** The template this tab asked for when it created the playbook, once; null for everyone else. */
export function takeTemplate(playbookId: string): PlaybookTemplate | null {
  try {
    const value = sessionStorage.getItem(key(playbookId));
    sessionStorage.removeItem(key(playbookId));
    return value === 'starter' || value === 'empty' ? value : null;
  } catch {
    return null;
  }
}
