import type { TokenScope, WorkspaceRole } from '../db/accountStorage';

/** What an API token adds to the person (or workspace) it acts for. */
export interface TokenGrant {
  id: string;
  kind: 'personal' | 'integration';
  scopes: readonly TokenScope[];
  /** The playbooks it is limited to, or null for all its holder may use. */
  playbookIds: readonly string[] | null;
}

/**
 * Who performs a command: a signed-in person, a tool holding an API token, the server itself
 * (automatic checkpoints), or nobody (anonymous, refused everywhere but public routes). Every
 * REST request and WebSocket connection carries one; policy/ decides what it may do.
 */
export interface Actor {
  kind: 'user' | 'token' | 'system' | 'anonymous';
  /** The account id (for personal tokens, their holder's; for integration tokens `token:<id>`). */
  id: string;
  /** The name others see (version authors, presence, the audit log). */
  name: string;
  /** Workspace role; integration tokens act as admins capped by their scopes; null when anonymous. */
  role: WorkspaceRole | null;
  teamIds: readonly string[];
  /** The session a signed-in person uses, so it can be re-checked and listed as theirs. */
  sessionId?: string;
  token?: TokenGrant;
  /** Where the request came from (the peer address), for the audit log. */
  address?: string;
}

export const anonymousActor: Actor = Object.freeze({ kind: 'anonymous', id: 'anonymous', name: 'Anonymous', role: null, teamIds: [] });

/** The server acting on its own (automatic checkpoints, purging the trash). */
export const systemActor: Actor = Object.freeze({ kind: 'system', id: 'system', name: 'Fullcourt', role: 'owner', teamIds: [] });

/** A person signed in with a session. */
export function userActor(user: { id: string; name: string; role: WorkspaceRole; teamIds: readonly string[] }, sessionId?: string): Actor {
  return { kind: 'user', id: user.id, name: user.name, role: user.role, teamIds: user.teamIds, ...(sessionId ? { sessionId } : {}) };
}
