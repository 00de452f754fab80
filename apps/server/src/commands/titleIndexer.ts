import { PlaybookDoc } from '@fullcourt/playbook';
import type { Services } from './services';

/** Copies a playbook's title from its document to its record, so lists show what people typed. */
export async function indexTitle(services: Services, playbookId: string): Promise<void> {
  const title = await services.collab.documents.use(playbookId, (document) => new PlaybookDoc(document.doc).title);
  const record = await services.storage.playbooks.get(playbookId);
  if (record && title.trim() && record.title !== title) await services.storage.playbooks.rename(playbookId, title.trim());
}
