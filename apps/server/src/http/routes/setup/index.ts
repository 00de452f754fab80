import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { completeSetup, setupRequired } from '../../../commands/firstRun';
import type { Services } from '../../../commands/services';
import { forwardCookies } from '../../cookies';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { open } from '../../security';
import { validationHook } from '../../validation';
import { passwordField, personName, presentUser, userSchema } from '../users/schema';

const tags = ['People'];

/** First run: the owner account is created from the one-time link the server printed at boot. */
export function setupRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'get',
        path: '/setup',
        tags,
        summary: 'Whether the server still waits for its owner (first run)',
        ...open,
        responses: { 200: json(z.object({ required: z.boolean() }), 'Whether setup is needed') },
      }),
      async (c) => c.json({ required: await setupRequired(services) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/setup',
        tags,
        summary: 'Create the owner account with the setup link printed at boot, and sign in',
        ...open,
        request: {
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z
                  .object({ token: z.string().min(10).max(200), email: z.email(), name: personName, password: passwordField })
                  .openapi('Setup'),
              },
            },
          },
        },
        responses: { 201: json(userSchema, 'The owner; the session cookie is set'), ...problemResponses(400, 409, 410) },
      }),
      async (c) => {
        const input = c.req.valid('json');
        const user = await completeSetup(services, input);
        forwardCookies(c, await services.identity.signIn(user.email, input.password, c.req.raw.headers));
        return c.json(presentUser(user), 201);
      },
    );
}
