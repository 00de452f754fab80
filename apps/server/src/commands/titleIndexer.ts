import { PlaybookDoc } from '@fullcourt/playbook';
import type { Services } from './services';

/**
 * Copies a playbook's title from its document to its record and marks it edited, once edits
 * go quiet, so lists show what people typed, most recent first, without a write per keystroke.
 */
export async function indexPlaybook(services: Services, playbookId: string): Promise<void> {
  const title = await services.collab.documents.use(playbookId, (document) => new PlaybookDoc(document.doc).title.trim());
  const record = await services.storage.playbooks.get(playbookId);
  if (record) await services.storage.playbooks.noteEdited(playbookId, title || record.title, new Date());
}
