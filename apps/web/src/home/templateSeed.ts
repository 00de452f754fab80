import type { PlaybookTemplate } from '../api/playbooks';

/** What the creating tab asked for, so the editor can fill it in when the server did not. */
export interface TemplateSeed {
  template: PlaybookTemplate;
  title: string;
}

// Session storage: only the tab that created the playbook, and gone when it closes.
const key = (playbookId: string) => `fullcourt.seed.${playbookId}`;

export function rememberTemplate(playbookId: string, seed: TemplateSeed): void {
  try {
    sessionStorage.setItem(key(playbookId), JSON.stringify(seed));
  } catch {
    // Without storage the server's own template is all there is.
  }
}

/** The template this tab asked for when it created the playbook, once; null for everyone else. */
export function takeTemplate(playbookId: string): TemplateSeed | null {
  try {
    const stored = sessionStorage.getItem(key(playbookId));
    sessionStorage.removeItem(key(playbookId));
    const seed = stored ? (JSON.parse(stored) as Partial<TemplateSeed>) : null;
    if (!seed || (seed.template !== 'starter' && seed.template !== 'empty') || typeof seed.title !== 'string') return null;
    return { template: seed.template, title: seed.title };
  } catch {
    return null;
  }
}
