import type { PlaybookAccessRecord } from '../db/accountStorage';
import { AppError, notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { playbookRoleOf } from './playbookRole';
import { type PlaybookAction, playbookRules, roleRank, type WorkspaceAction, workspaceRules } from './rules';

export type Resource = { kind: 'workspace' } | { kind: 'playbook'; access: PlaybookAccessRecord };

export const workspace: Resource = Object.freeze({ kind: 'workspace' });

export type Action = PlaybookAction | WorkspaceAction;

/** Why an action is refused; null when it is allowed. Pure: the policy table test and the socket re-checks use it. */
export function refusal(actor: Actor, action: Action, resource: Resource): null | 'unauthenticated' | 'hidden' | 'role' | 'scope' {
  if (actor.kind === 'system') return null;
  if (actor.kind === 'anonymous' || !actor.role) return 'unauthenticated';
  if (resource.kind === 'workspace') {
    const rule = workspaceRules[action as WorkspaceAction];
    if (!rule) throw new Error(`'${action}' is not a workspace action`);
    if (actor.token) {
      if (!allowsScope(actor, rule.scopes)) return 'scope';
      // A token limited to some playbooks acts on those only: it may list them, not create others.
      if (actor.token.playbookIds !== null && action !== 'playbook.list') return 'scope';
    }
    return (rule.roles as readonly string[]).includes(actor.role) ? null : 'role';
  }
  const rule = playbookRules[action as PlaybookAction];
  if (!rule) throw new Error(`'${action}' is not a playbook action`);
  const { access } = resource;
  if (access.deletedAt) return 'hidden';
  if (actor.token?.playbookIds && !actor.token.playbookIds.includes(access.playbookId)) return 'hidden';
  const role = playbookRoleOf(actor, access);
  if (!role) return 'hidden';
  if (actor.token && !allowsScope(actor, rule.scopes)) return 'scope';
  return roleRank[role] >= roleRank[rule.role] ? null : 'role';
}

function allowsScope(actor: Actor, scopes: readonly string[] | null): boolean {
  if (!actor.token) return true;
  if (!scopes) return false;
  return scopes.some((s) => actor.token?.scopes.includes(s as never));
}

/** Whether the actor may do this. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return refusal(actor, action, resource) === null;
}

/**
 * Throws the problem a refused action gets: 401 without credentials, 404 for a playbook the
 * actor may not see at all (its existence is not disclosed), 403 when they may see it but not
 * do this (or their token lacks the scope).
 */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  const why = refusal(actor, action, resource);
  if (why === null) return;
  if (why === 'unauthenticated') throw unauthenticated();
  if (why === 'hidden' && resource.kind === 'playbook') throw notFound('playbook', resource.access.playbookId);
  if (why === 'scope') {
    const scopes =
      resource.kind === 'playbook' ? playbookRules[action as PlaybookAction].scopes : workspaceRules[action as WorkspaceAction].scopes;
    throw new AppError(
      'forbidden',
      scopes
        ? `This token may not do that; it needs one of the scopes: ${scopes.join(', ')}.`
        : 'API tokens may not do that; sign in as a person.',
      { requiredScopes: scopes ?? [] },
    );
  }
  throw new AppError('forbidden', forbiddenDetail(action));
}

export const unauthenticated = () =>
  new AppError('unauthenticated', 'Sign in, or send an API token as `Authorization: Bearer fc_…`.', {}, { 'WWW-Authenticate': 'Bearer' });

function forbiddenDetail(action: Action): string {
  if (action in playbookRules) {
    const needed = playbookRules[action as PlaybookAction].role;
    return `You need the ${needed} role on this playbook for that. Ask one of its managers.`;
  }
  const roles = workspaceRules[action as WorkspaceAction].roles as readonly string[];
  return roles.includes('admin') ? 'Only owners and admins may do that.' : 'Only owners may do that.';
}
