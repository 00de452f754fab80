import { type CollectionName, type Playbook, PlaybookDoc, type Position, toJSON } from '@fullcourt/playbook';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';

/**
 * The REST write path. It edits the live document through the same typed layout the editor
 * uses, in one transaction whose origin is the actor, so connected editors see the change
 * at once and it is stored (persist before broadcast) like any other edit.
 */
async function editLive<T>(services: Services, actor: Actor, playbookId: string, edit: (doc: PlaybookDoc) => T): Promise<T> {
  await authorizePlaybook(services, actor, 'playbook.edit', playbookId);
  return services.collab.documents.use(playbookId, async (document) => {
    // The same limit the collaboration socket enforces (4413), so the API cannot grow a playbook past it.
    if (document.persistence.storedBytes >= services.collab.maxDocumentBytes) {
      throw new AppError(
        'playbook-too-large',
        'This playbook has reached its size limit; the change was not made. Ask an administrator to raise MAX_DOCUMENT_BYTES.',
      );
    }
    const doc = new PlaybookDoc(document.doc);
    let result: T | undefined;
    doc.transact(() => {
      result = edit(doc);
    }, actor);
    try {
      await document.persistence.flush();
    } catch {
      throw new AppError(
        'storage-unavailable',
        'The change was applied but storage is failing; it will be stored when storage recovers. Check before retrying.',
      );
    }
    services.log.info({ playbookId, actor: actor.id }, 'playbook edited through the API');
    return result as T;
  });
}

/** Adds an item to a section (stages, slas, content, …) and returns it as stored. */
export function addItem(
  services: Services,
  actor: Actor,
  playbookId: string,
  collection: CollectionName,
  input: Record<string, unknown>,
  position?: Position,
) {
  return editLive(services, actor, playbookId, (doc) => {
    const items = doc.collection(collection);
    const id = items.add(input as never, position);
    return items.get(id);
  });
}

/** Changes some fields of an item; fields not named stay as they are. */
export function updateItem(
  services: Services,
  actor: Actor,
  playbookId: string,
  collection: CollectionName,
  itemId: string,
  patch: Record<string, unknown>,
) {
  return editLive(services, actor, playbookId, (doc) => {
    const items = doc.collection(collection);
    items.update(itemId, patch as never);
    return items.get(itemId);
  });
}

export function deleteItem(services: Services, actor: Actor, playbookId: string, collection: CollectionName, itemId: string) {
  return editLive(services, actor, playbookId, (doc) => doc.collection(collection).delete(itemId));
}

/** Changes the playbook's own fields and returns the live JSON. */
export function updatePlaybookFields(
  services: Services,
  actor: Actor,
  playbookId: string,
  fields: { title?: string; description?: string },
): Promise<Playbook> {
  return editLive(services, actor, playbookId, (doc) => {
    if (fields.title !== undefined) doc.setTitle(fields.title);
    if (fields.description !== undefined) doc.setDescription(fields.description);
    return toJSON(doc);
  });
}
