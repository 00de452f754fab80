import { applyJSON, emptyPlaybook, starterTemplate } from '@fullcourt/playbook';
import type { PlaybookRecord } from '../db';
import type { Actor } from '../identity/actor';
import { authorize, workspace } from '../policy/authorize';
import { newResourceId } from './resourceId';
import type { Services } from './services';

export const templates = { empty: emptyPlaybook, starter: starterTemplate } as const;
export type TemplateName = keyof typeof templates;

export interface CreatePlaybookInput {
  title: string;
  template?: TemplateName;
}

/** The account a new playbook's manager grant goes to: the person, or the holder of a personal token. */
const creatorOf = (actor: Actor) => (actor.kind === 'user' || actor.token?.kind === 'personal' ? actor.id : null);

/** Creates a playbook record, makes its creator its manager, and fills its shared document from a template. */
export async function createPlaybook(services: Services, actor: Actor, input: CreatePlaybookInput): Promise<PlaybookRecord> {
  authorize(actor, 'playbook.create', workspace);
  const createdBy = creatorOf(actor);
  const record = await services.storage.playbooks.create({ id: newResourceId(), title: input.title, createdBy });
  if (createdBy) await services.storage.access.set(record.id, 'edit', [{ subjectKind: 'user', subjectId: createdBy, role: 'manager' }]);
  services.accessCache.delete(record.id);
  const template = templates[input.template ?? 'empty']();
  await services.collab.documents.use(record.id, async (document) => {
    applyJSON(document.doc, { ...template, id: record.id, title: input.title }, actor);
    await document.persistence.flush();
  });
  services.log.info({ playbookId: record.id, actor: actor.id, template: input.template ?? 'empty' }, 'playbook created');
  return record;
}
