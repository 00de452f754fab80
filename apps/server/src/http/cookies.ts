import type { Context } from 'hono';

/** Copies the Set-Cookie headers better-auth produced (a new session) onto a response being built. */
export function forwardCookies(c: Context, from: Headers): void {
  for (const cookie of from.getSetCookie()) c.header('Set-Cookie', cookie, { append: true });
}

/** The address links point to: PUBLIC_URL, or where this request came in. */
export function publicOrigin(c: Context, publicUrl: string | undefined): string {
  return publicUrl ?? new URL(c.req.url).origin;
}
