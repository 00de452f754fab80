import type { Storage, UserRecord, WorkspaceRole } from '../db';
import type { Logger } from '../logger';
import { type Actor, anonymousActor, userActor } from './actor';
import { type Auth, createAuth } from './auth';
import { colorFor } from './colors';
import { hashSecret, tokenPrefix } from './tokenSecret';

/** Token use is recorded at most this often per token, so reads do not write on every request. */
const touchEveryMs = 60_000;

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: WorkspaceRole;
  color?: string;
}

/**
 * Who is asking, from a request's headers: a session cookie (browsers) or an
 * `Authorization: Bearer fc_…` API token (tools); anonymous when neither holds. Also creates
 * accounts and signs people in server-side, through better-auth, for setup and invitations.
 */
export class Identity {
  readonly auth: Auth;
  private readonly touched = new Map<string, number>();
  /**
   * Resolved API tokens by hash. Tools send the same token on every read; every change that could
   * alter what a token may do (revocation, roles, teams, deactivation) goes through a command that
   * calls `forget()`, and expiry is checked on each use, so the cache never outlives a change.
   */
  private readonly tokens = new Map<string, { actor: Actor; expiresAt: number | null }>();

  constructor(
    private readonly storage: Storage,
    settings: { secret: string; publicUrl: string | undefined },
    private readonly log: Logger,
  ) {
    this.auth = createAuth({ database: storage.authAdapter, users: storage.users, log, ...settings });
  }

  /** The actor for a request or WebSocket upgrade; anonymous when no valid credential is sent. */
  async resolve(headers: Headers): Promise<Actor> {
    const authorization = headers.get('authorization');
    if (authorization) return (await this.fromBearer(authorization)) ?? anonymousActor;
    if (!headers.has('cookie')) return anonymousActor;
    const found = await this.auth.api.getSession({ headers, query: { disableCookieCache: true } });
    if (!found) return anonymousActor;
    const user = await this.storage.users.get(found.user.id);
    if (!user || user.deactivatedAt) return anonymousActor;
    return userActor(user, found.session.id);
  }

  /**
   * The same actor as it stands now (role, teams, token scopes), or undefined when its session
   * ended, its token was revoked or expired, or its account was deactivated. Open sockets call
   * this when access changes.
   */
  async refresh(actor: Actor): Promise<Actor | undefined> {
    if (actor.kind === 'user') {
      if (actor.sessionId && !(await this.storage.users.liveSession(actor.sessionId, new Date()))) return undefined;
      const user = await this.activeUser(actor.id);
      return user && userActor(user, actor.sessionId);
    }
    if (actor.kind === 'token' && actor.token) {
      const token = await this.storage.tokens.get(actor.token.id);
      return token ? this.tokenActor(token) : undefined;
    }
    return actor;
  }

  /** Drops what was resolved from tokens: access changed somewhere. */
  forget(): void {
    this.tokens.clear();
  }

  /** Creates an account that signs in with email and password (setup, invitations, admins provisioning). */
  async createAccount(input: NewAccount): Promise<UserRecord> {
    const context = await this.auth.$context;
    const passwordHash = await context.password.hash(input.password);
    const created = await context.internalAdapter.createUser(
      {
        email: input.email.toLowerCase(),
        name: input.name,
        emailVerified: true,
        role: input.role,
      },
      { method: 'admin' },
    );
    await context.internalAdapter.linkAccount({
      userId: created.id,
      providerId: 'credential',
      accountId: created.id,
      password: passwordHash,
    });
    await this.storage.users.update(created.id, { color: input.color ?? colorFor(created.id) });
    this.log.info({ userId: created.id, role: input.role }, 'account created');
    return (await this.storage.users.get(created.id)) as UserRecord;
  }

  /** Signs a person in (after setup or accepting an invitation); returns the Set-Cookie headers for the response. */
  async signIn(email: string, password: string, requestHeaders: Headers): Promise<Headers> {
    const { headers } = await this.auth.api.signInEmail({ body: { email, password }, headers: requestHeaders, returnHeaders: true });
    return headers;
  }

  /** Changes the caller's password, ending their other sessions; returns the new session's Set-Cookie headers. */
  async changePassword(requestHeaders: Headers, currentPassword: string, newPassword: string): Promise<Headers> {
    const { headers } = await this.auth.api.changePassword({
      body: { currentPassword, newPassword, revokeOtherSessions: true },
      headers: requestHeaders,
      returnHeaders: true,
    });
    return headers;
  }

  private async activeUser(id: string): Promise<UserRecord | undefined> {
    const user = await this.storage.users.get(id);
    return user && !user.deactivatedAt ? user : undefined;
  }

  private async fromBearer(authorization: string): Promise<Actor | undefined> {
    const [scheme, secret] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !secret?.startsWith(tokenPrefix)) return undefined;
    const hash = hashSecret(secret);
    const cached = this.tokens.get(hash);
    if (cached && (cached.expiresAt === null || cached.expiresAt > Date.now())) {
      this.noteUse(cached.actor.token?.id as string);
      return cached.actor;
    }
    const token = await this.storage.tokens.byHash(hash);
    if (!token) return undefined;
    const actor = await this.tokenActor(token);
    if (!actor) return undefined;
    if (this.tokens.size > 10_000) this.tokens.clear();
    this.tokens.set(hash, { actor, expiresAt: token.expiresAt?.getTime() ?? null });
    this.noteUse(token.id);
    return actor;
  }

  private async tokenActor(token: Awaited<ReturnType<Storage['tokens']['get']>> & {}): Promise<Actor | undefined> {
    if (token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) return undefined;
    // Both kinds stop working when the person who holds (or made) them is deactivated.
    const holder = await this.activeUser(token.userId);
    if (!holder) return undefined;
    const grant = { id: token.id, kind: token.kind, scopes: token.scopes, playbookIds: token.playbookIds };
    if (token.kind === 'integration') {
      // Workspace-wide: not tied to a person's grants, only to its scopes (and playbook list).
      return { kind: 'token', id: `token:${token.id}`, name: token.name, role: 'admin', teamIds: [], token: grant };
    }
    return { kind: 'token', id: holder.id, name: holder.name, role: holder.role, teamIds: holder.teamIds, token: grant };
  }

  private noteUse(tokenId: string): void {
    const now = Date.now();
    if (now - (this.touched.get(tokenId) ?? 0) < touchEveryMs) return;
    this.touched.set(tokenId, now);
    this.storage.tokens
      .touch(tokenId, new Date(now))
      .catch((error: unknown) => this.log.warn({ err: error, tokenId }, 'recording token use failed'));
  }
}
