import type { DefaultAccess, Grant, PlaybookRole } from '../db';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { can } from '../policy/authorize';
import { playbookRoleOf } from '../policy/playbookRole';
import { recordAudit } from './auditLog';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';

export interface PlaybookSharing {
  defaultAccess: DefaultAccess;
  grants: (Grant & { name: string })[];
  /** The caller's own role on the playbook and what it lets them do (the web app shows read-only editors from it). */
  yourRole: PlaybookRole | null;
  youCan: { edit: boolean; share: boolean; publish: boolean };
}

/** Who has access to a playbook, with names, and what the caller may do on it. */
export async function getSharing(services: Services, actor: Actor, playbookId: string): Promise<PlaybookSharing> {
  const access = await authorizePlaybook(services, actor, 'playbook.readAccess', playbookId);
  const [users, teams] = await Promise.all([services.storage.users.list(), services.storage.teams.list()]);
  const names = new Map<string, string>([
    ...users.map((u) => [`user:${u.id}`, u.name] as const),
    ...teams.map((t) => [`team:${t.id}`, t.name] as const),
  ]);
  const resource = { kind: 'playbook', access } as const;
  return {
    defaultAccess: access.defaultAccess,
    grants: access.grants.map((g) => ({ ...g, name: names.get(`${g.subjectKind}:${g.subjectId}`) ?? '' })).filter((g) => g.name !== ''),
    yourRole: playbookRoleOf(actor, access),
    youCan: {
      edit: can(actor, 'playbook.edit', resource),
      share: can(actor, 'playbook.share', resource),
      publish: can(actor, 'version.publish', resource),
    },
  };
}

/** Replaces a playbook's default access and grants (managers); open sockets are re-checked at once. */
export async function setSharing(
  services: Services,
  actor: Actor,
  playbookId: string,
  input: { defaultAccess: DefaultAccess; grants: Grant[] },
): Promise<PlaybookSharing> {
  const before = await authorizePlaybook(services, actor, 'playbook.share', playbookId);
  const [users, teams] = await Promise.all([services.storage.users.list(), services.storage.teams.list()]);
  const known = new Set([...users.map((u) => `user:${u.id}`), ...teams.map((t) => `team:${t.id}`)]);
  const unknown = input.grants.filter((g) => !known.has(`${g.subjectKind}:${g.subjectId}`));
  if (unknown.length > 0) {
    throw new AppError('invalid-input', `No ${unknown.map((g) => `${g.subjectKind} '${g.subjectId}'`).join(', ')}.`, {
      errors: unknown.map((g) => ({ field: 'grants', message: `unknown ${g.subjectKind} ${g.subjectId}` })),
    });
  }
  const unique = new Map(input.grants.map((g) => [`${g.subjectKind}:${g.subjectId}`, g]));
  await services.storage.access.set(playbookId, input.defaultAccess, [...unique.values()]);
  await recordAudit(
    services,
    actor,
    'playbook.sharing_changed',
    { kind: 'playbook', id: playbookId },
    {
      from: { defaultAccess: before.defaultAccess, grants: before.grants },
      to: { defaultAccess: input.defaultAccess, grants: [...unique.values()] },
    },
  );
  services.accessChanged();
  return getSharing(services, actor, playbookId);
}
