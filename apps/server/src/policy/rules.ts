import type { PlaybookRole, TokenScope, WorkspaceRole } from '../db/accountStorage';

/**
 * The table of who may do what. Every command asks `authorize(actor, action, resource)`
 * (authorize.ts) with one of these actions; the policy test walks every documented operation
 * against it. Comments (issue 12) and sign-off (issue 13) add their actions here.
 */

/** What can be done to one playbook: the least playbook role it takes, and the token scopes that allow it (null: people only). */
export const playbookRules = {
  /** Read the published version (reader mode, tools). */
  'playbook.readPublished': { role: 'viewer', scopes: ['read', 'read:live'] },
  /** Read the live document and any saved version: the editor, history, diffs, findings. */
  'playbook.readLive': { role: 'viewer', scopes: ['read:live'] },
  /** Change the live document (the editor's socket, the REST write API). */
  'playbook.edit': { role: 'editor', scopes: ['write'] },
  'version.create': { role: 'editor', scopes: ['write'] },
  'version.publish': { role: 'manager', scopes: ['publish'] },
  'version.restore': { role: 'manager', scopes: ['publish'] },
  'webhook.manage': { role: 'manager', scopes: ['webhooks'] },
  /** See who has access (the share dialog). */
  'playbook.readAccess': { role: 'viewer', scopes: null },
  /** Change default access and grants. */
  'playbook.share': { role: 'manager', scopes: null },
  /** Move to the trash. */
  'playbook.delete': { role: 'manager', scopes: null },
} as const satisfies Record<string, { role: PlaybookRole; scopes: readonly TokenScope[] | null }>;

export type PlaybookAction = keyof typeof playbookRules;

const everyone = ['owner', 'admin', 'member', 'viewer'] as const;
const admins = ['owner', 'admin'] as const;

/** What can be done in the workspace: the workspace roles it takes, and the token scopes that allow it (null: people only). */
export const workspaceRules = {
  'playbook.create': { roles: ['owner', 'admin', 'member'], scopes: ['write'] },
  /** List playbooks (each caller sees those they may read). */
  // A backup token may list too: `fullcourt login` checks a token that way, and the backup holds everything anyway.
  'playbook.list': { roles: everyone, scopes: ['read', 'read:live', 'write', 'publish', 'webhooks', 'backup'] },
  /** See people and teams (to share with them, to see who is who). */
  'people.read': { roles: everyone, scopes: null },
  /** Invite, provision, change roles and teams, deactivate; create teams. */
  'people.manage': { roles: admins, scopes: null },
  'audit.read': { roles: admins, scopes: null },
  /** See the trash and restore from it. */
  'trash.manage': { roles: admins, scopes: null },
  /** One's own profile, password, sessions and personal tokens. */
  'profile.manage': { roles: everyone, scopes: null },
  /** Workspace-wide tokens for integrations, and every person's tokens. */
  'token.manageAll': { roles: admins, scopes: null },
  /** Download a copy of the whole database (accounts and sessions included): owners only, for scheduled backups too. */
  'instance.backup': { roles: ['owner'], scopes: ['backup'] },
} as const satisfies Record<string, { roles: readonly WorkspaceRole[]; scopes: readonly TokenScope[] | null }>;

export type WorkspaceAction = keyof typeof workspaceRules;

/** Playbook roles in order of what they allow. */
export const roleRank: Record<PlaybookRole, number> = { viewer: 1, editor: 2, manager: 3 };
