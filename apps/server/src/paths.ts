import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root. This file sits in apps/server/src and its compiled copy in apps/server/dist
 * (the build keeps its chunks flat there), both two levels below it, so one relative path serves
 * the sources (tests, `npm run dev`) and the build (`npm run serve`). Keep every path resolved
 * from import.meta.url here: a file deeper in src/ lands at another depth once bundled.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Drizzle's SQL migrations (`npm run db:generate` writes them). */
export const migrationsFolder = resolve(repoRoot, 'drizzle');

/** The PostgreSQL migrations (DATABASE_URL), from drizzle.postgres.config.ts. */
export const postgresMigrationsFolder = resolve(repoRoot, 'drizzle/postgres');

/** The web app's production build (`npm run build`). */
export const defaultWebDist = resolve(repoRoot, 'apps/web/dist');
