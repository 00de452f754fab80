import type { PlaybookAccessRecord, PlaybookRole } from '../db/accountStorage';
import type { Actor } from '../identity/actor';
import { roleRank } from './rules';

const fromDefault = { edit: 'editor', view: 'viewer', none: null } as const;

const higher = (a: PlaybookRole | null, b: PlaybookRole | null): PlaybookRole | null => {
  if (!a) return b;
  if (!b) return a;
  return roleRank[a] >= roleRank[b] ? a : b;
};

/**
 * The role an actor holds on a playbook: owners and admins (and the server) manage every one;
 * others get the best of the default access, their own grant and their teams' grants, and
 * workspace viewers are capped at viewer. Null means the playbook is hidden from them.
 * A token's scopes are applied on top of this, in authorize.
 */
export function playbookRoleOf(actor: Actor, access: PlaybookAccessRecord): PlaybookRole | null {
  if (actor.kind === 'anonymous' || !actor.role) return null;
  if (actor.role === 'owner' || actor.role === 'admin') return 'manager';
  let role: PlaybookRole | null = fromDefault[access.defaultAccess];
  for (const grant of access.grants) {
    const mine = grant.subjectKind === 'user' ? grant.subjectId === actor.id : actor.teamIds.includes(grant.subjectId);
    if (mine) role = higher(role, grant.role);
  }
  if (actor.role === 'viewer' && role) return 'viewer';
  return role;
}
