import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { acceptInvitation, createInvitation, listInvitations, lookUpInvitation, revokeInvitation } from '../../../commands/invitations';
import type { Services } from '../../../commands/services';
import type { InvitationRecord } from '../../../db';
import { forwardCookies, publicOrigin } from '../../cookies';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { open, requires } from '../../security';
import { validationHook } from '../../validation';
import { passwordField, personName, presentUser, teamIdsField, userSchema } from '../users/schema';

const tags = ['People'];

const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'member', 'viewer']),
    teamIds: z.array(z.string()),
    createdAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
    status: z.enum(['open', 'accepted', 'revoked', 'expired']),
  })
  .openapi('Invitation');

const linkToken = z.string().min(10).max(200);

const presentInvitation = (i: InvitationRecord) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  teamIds: i.teamIds,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  status: i.acceptedAt
    ? ('accepted' as const)
    : i.revokedAt
      ? ('revoked' as const)
      : i.expiresAt.getTime() <= Date.now()
        ? ('expired' as const)
        : ('open' as const),
});

/** Invitations: admins invite by email; the invited person opens the single-use link, chooses a name and password, and is signed in. */
export function invitationRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'post',
        path: '/invitations',
        tags,
        summary: 'Invite someone (admins): returns a single-use link that expires in 7 days',
        description: 'Send the link to the person yourself; it is shown only in this response.',
        ...requires('people.manage'),
        request: {
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z
                  .object({
                    email: z.email(),
                    role: z.enum(['admin', 'member', 'viewer']).default('member'),
                    teams: teamIdsField.default([]),
                  })
                  .openapi('CreateInvitation'),
              },
            },
          },
        },
        responses: {
          201: json(invitationSchema.extend({ url: z.string(), token: z.string() }), 'The invitation and its link'),
          ...problemResponses(400, 401, 403, 409),
        },
      }),
      async (c) => {
        const { teams, ...input } = c.req.valid('json');
        const { invitation, token } = await createInvitation(services, c.var.actor, { ...input, teamIds: teams });
        const url = `${publicOrigin(c, services.publicUrl)}/invite?token=${encodeURIComponent(token)}`;
        return c.json({ ...presentInvitation(invitation), url, token }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/invitations',
        tags,
        summary: 'List invitations, newest first (admins)',
        ...requires('people.manage'),
        responses: { 200: json(z.object({ items: z.array(invitationSchema) }), 'Invitations'), ...problemResponses(401, 403) },
      }),
      async (c) => c.json({ items: (await listInvitations(services, c.var.actor)).map(presentInvitation) }, 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/invitations/{invitationId}',
        tags,
        summary: 'Revoke an open invitation (admins)',
        ...requires('people.manage'),
        request: {
          params: z.object({
            invitationId: z
              .string()
              .min(1)
              .max(64)
              .openapi({ param: { name: 'invitationId', in: 'path' } }),
          }),
        },
        responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        await revokeInvitation(services, c.var.actor, c.req.valid('param').invitationId);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/invitations/lookup',
        tags,
        summary: 'Whom an invitation link is for (the accept page)',
        description: 'The token travels in the body, not the URL, so it stays out of logs.',
        ...open,
        request: {
          body: { required: true, content: { 'application/json': { schema: z.object({ token: linkToken }).openapi('InvitationToken') } } },
        },
        responses: {
          200: json(z.object({ email: z.string(), role: z.string(), expiresAt: z.string().datetime() }), 'The invitation'),
          ...problemResponses(400, 410),
        },
      }),
      async (c) => {
        const invitation = await lookUpInvitation(services, c.req.valid('json').token);
        return c.json({ email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/invitations/accept',
        tags,
        summary: 'Accept an invitation: create the account and sign in',
        ...open,
        request: {
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z.object({ token: linkToken, name: personName, password: passwordField }).openapi('AcceptInvitation'),
              },
            },
          },
        },
        responses: { 201: json(userSchema, 'The new account; the session cookie is set'), ...problemResponses(400, 409, 410) },
      }),
      async (c) => {
        const input = c.req.valid('json');
        const user = await acceptInvitation(services, c.var.actor, input);
        forwardCookies(c, await services.identity.signIn(user.email, input.password, c.req.raw.headers));
        return c.json(presentUser(user), 201);
      },
    );
}
