import type { Action } from '../policy/authorize';
import { type PlaybookAction, playbookRules, type WorkspaceAction, workspaceRules } from '../policy/rules';

/** The two ways to call the API, as the OpenAPI document declares them. */
export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'fullcourt.session_token',
    description: 'The session cookie set by POST /api/auth/sign-in/email (browsers).',
  },
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'fc_…',
    description:
      'An API token (POST /api/v1/tokens) as `Authorization: Bearer fc_…`. Each operation lists the scopes that allow it; any one of them is enough.',
  },
} as const;

/** An operation's `security`: a session, or a token with any one of the scopes the policy accepts for `action`. */
export function requires(action: Action): { security: Record<string, string[]>[] } {
  const scopes =
    action in playbookRules ? playbookRules[action as PlaybookAction].scopes : workspaceRules[action as WorkspaceAction].scopes;
  return { security: [{ session: [] }, ...(scopes ?? []).map((scope) => ({ apiToken: [scope] }))] };
}

/** An operation anyone may call (health, first-run setup, accepting an invitation). */
export const open = { security: [] as Record<string, string[]>[] };
