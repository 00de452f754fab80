/**
 * The storage seam for people and access: accounts, teams, playbook grants, invitations, API
 * tokens and the audit log. Like storage.ts, these interfaces are all the rest of the server
 * sees, so a Postgres implementation can sit behind them later.
 */

export type WorkspaceRole = 'owner' | 'admin' | 'member' | 'viewer';
export const workspaceRoles = ['owner', 'admin', 'member', 'viewer'] as const satisfies readonly WorkspaceRole[];

export type PlaybookRole = 'viewer' | 'editor' | 'manager';
export const playbookRoles = ['viewer', 'editor', 'manager'] as const satisfies readonly PlaybookRole[];

/** What members without a grant may do on a playbook. */
export type DefaultAccess = 'edit' | 'view' | 'none';
export const defaultAccessValues = ['edit', 'view', 'none'] as const satisfies readonly DefaultAccess[];

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  role: WorkspaceRole;
  color: string | null;
  createdAt: Date;
  deactivatedAt: Date | null;
  teamIds: string[];
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface UserStore {
  count(): Promise<number>;
  list(): Promise<UserRecord[]>;
  get(id: string): Promise<UserRecord | undefined>;
  getByEmail(email: string): Promise<UserRecord | undefined>;
  update(id: string, patch: { name?: string; color?: string | null; role?: WorkspaceRole; deactivatedAt?: Date | null }): Promise<void>;
  /** Replaces the teams a person is in. */
  setTeams(id: string, teamIds: string[]): Promise<void>;
  listSessions(userId: string): Promise<SessionRecord[]>;
  /** A session that has not expired, or undefined (signed out, revoked, expired). */
  liveSession(sessionId: string, now: Date): Promise<SessionRecord | undefined>;
  /** Deletes one session of a person; false when it was not theirs or is gone. */
  deleteSession(userId: string, sessionId: string): Promise<boolean>;
  /** Deletes every session of a person, except one (the caller's own) when given. */
  deleteSessions(userId: string, exceptSessionId?: string): Promise<number>;
}

export interface TeamRecord {
  id: string;
  name: string;
  createdAt: Date;
  memberIds: string[];
}

export interface TeamStore {
  list(): Promise<TeamRecord[]>;
  get(id: string): Promise<TeamRecord | undefined>;
  getByName(name: string): Promise<TeamRecord | undefined>;
  create(input: { id: string; name: string }): Promise<TeamRecord>;
  rename(id: string, name: string): Promise<void>;
  setMembers(id: string, userIds: string[]): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface Grant {
  subjectKind: 'user' | 'team';
  subjectId: string;
  role: PlaybookRole;
}

export interface PlaybookAccessRecord {
  playbookId: string;
  defaultAccess: DefaultAccess;
  createdBy: string | null;
  deletedAt: Date | null;
  grants: Grant[];
}

export interface AccessStore {
  /** A playbook's sharing (deleted ones too; callers decide what the trash means). */
  get(playbookId: string): Promise<PlaybookAccessRecord | undefined>;
  /** Every playbook's sharing, for filtering lists. */
  all(): Promise<PlaybookAccessRecord[]>;
  /** Replaces a playbook's default access and grants in one transaction. */
  set(playbookId: string, defaultAccess: DefaultAccess, grants: Grant[]): Promise<void>;
}

export interface InvitationRecord {
  id: string;
  email: string;
  role: Exclude<WorkspaceRole, 'owner'>;
  teamIds: string[];
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  revokedAt: Date | null;
}

export interface InvitationStore {
  create(input: Omit<InvitationRecord, 'acceptedAt' | 'acceptedBy' | 'revokedAt'> & { tokenHash: string }): Promise<InvitationRecord>;
  list(): Promise<InvitationRecord[]>;
  byTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** Marks an open, unexpired invitation used, atomically; false when it was used, revoked or expired meanwhile. */
  markAccepted(id: string, userId: string, now: Date): Promise<boolean>;
  revoke(id: string, now: Date): Promise<boolean>;
}

export type TokenScope = 'read' | 'read:live' | 'write' | 'publish' | 'webhooks' | 'backup';
export const tokenScopes = ['read', 'read:live', 'write', 'publish', 'webhooks', 'backup'] as const satisfies readonly TokenScope[];

export interface ApiTokenRecord {
  id: string;
  name: string;
  prefix: string;
  kind: 'personal' | 'integration';
  userId: string;
  scopes: TokenScope[];
  playbookIds: string[] | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface TokenStore {
  create(input: Omit<ApiTokenRecord, 'lastUsedAt' | 'revokedAt'> & { tokenHash: string }): Promise<ApiTokenRecord>;
  byHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  get(id: string): Promise<ApiTokenRecord | undefined>;
  /** Tokens not revoked, newest first; only one person's when `userId` is given. */
  list(filter: { userId?: string }): Promise<ApiTokenRecord[]>;
  revoke(id: string, now: Date): Promise<boolean>;
  /** Records use; callers throttle it so reads do not write on every request. */
  touch(id: string, at: Date): Promise<void>;
}

export interface AuditEvent {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  actorKind: string;
  action: string;
  targetKind: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export interface AuditStore {
  append(event: Omit<AuditEvent, 'seq'>): Promise<void>;
  /** Newest first; `before` is a sequence number to page from. */
  list(page: { limit: number; before?: number }): Promise<AuditEvent[]>;
}
