import { defineConfig } from 'drizzle-kit';

// The PostgreSQL migrations (DATABASE_URL); drizzle.config.ts makes the SQLite ones.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/server/src/db/postgres/schema.ts',
  out: './drizzle/postgres',
});
