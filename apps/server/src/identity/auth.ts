import { APIError } from 'better-auth/api';
import { betterAuth } from 'better-auth/minimal';
import type { AuthAdapter, UserStore } from '../db';
import type { Logger } from '../logger';

export const minPasswordLength = 10;
export const maxPasswordLength = 256;

export interface AuthSettings {
  database: AuthAdapter;
  users: UserStore;
  secret: string;
  /** PUBLIC_URL; without it better-auth takes the address from each request. */
  publicUrl: string | undefined;
  log: Logger;
}

/**
 * better-auth, configured for Fullcourt: email and password only (no sign-up: people join by
 * invitation), sessions in the database and checked there on every request (no cookie cache,
 * so a revoked session ends at once), HttpOnly SameSite=Lax cookies, Secure behind https.
 * Only sign-in and sign-out are mounted (routes/auth); everything else about an
 * account goes through our own routes, which audit it and re-check open sockets.
 */
export function createAuth(settings: AuthSettings) {
  const secure = settings.publicUrl?.startsWith('https:') ?? false;
  return betterAuth({
    appName: 'Fullcourt',
    baseURL: settings.publicUrl,
    basePath: '/api/auth',
    secret: settings.secret,
    database: settings.database,
    telemetry: { enabled: false },
    // Sign-in has our own limits per account and per address (signInLimiter.ts).
    rateLimit: { enabled: false },
    // The request guard already refuses state-changing requests whose Origin is another host.
    trustedOrigins: (request) => (request ? [new URL(request.url).origin, ...(settings.publicUrl ? [settings.publicUrl] : [])] : []),
    emailAndPassword: { enabled: true, disableSignUp: true, autoSignIn: false, minPasswordLength, maxPasswordLength },
    session: { cookieCache: { enabled: false }, expiresIn: 30 * 24 * 3600, updateAge: 24 * 3600 },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'member', input: false },
        color: { type: 'string', required: false, input: false },
        deactivatedAt: { type: 'date', required: false, input: false },
      },
    },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: 'fullcourt',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
    },
    databaseHooks: {
      session: {
        create: {
          // Runs after the password was checked: a deactivated person gets no session.
          async before(session) {
            const user = await settings.users.get(session.userId);
            if (!user || user.deactivatedAt) throw new APIError('FORBIDDEN', { message: 'This account is deactivated. Ask an admin.' });
          },
        },
      },
    },
    // Our own logs say what matters (failed sign-ins, with address); the library's warnings repeat them.
    logger: {
      level: 'error',
      log: (level, message) => settings.log[level]({ component: 'better-auth' }, message),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
