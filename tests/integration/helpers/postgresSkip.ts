import { beforeEach, inject } from 'vitest';

// The postgres project without PostgreSQL binaries (see ./postgresGlobalSetup.ts): skip, do not fail.
beforeEach((context) => {
  if (!inject('postgresUrl')) context.skip('no PostgreSQL binaries here');
});
