import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../apps/server/src/config';

/**
 * Docker cannot run here, so the deployment files are checked as files: the compose file parses
 * (merge keys and all) and says what the guide promises, its settings are ones the server reads
 * and accepts with the example values, and the load balancer checks health on every process.
 */

const deploy = resolve(dirname(fileURLToPath(import.meta.url)), '../../deploy');
const read = (file: string) => readFileSync(resolve(deploy, file), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }> | string[];
  networks?: Record<string, { ipv4_address?: string }> | string[];
  ports?: string[];
  volumes?: string[];
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const exampleEnv = Object.fromEntries(
  read('.env.example')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?message}`, from the example .env. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op: string | undefined, rest: string) => {
    const given = env[name];
    if (given) return given;
    if (op === '?') throw new Error(`${name} is required: ${rest}`);
    return op === '-' ? rest : '';
  });
}

const fullcourts = Object.entries(compose.services).filter(([name]) => name.startsWith('fullcourt'));

describe('deploy/docker-compose.yml', () => {
  it('runs three Fullcourt processes from the Dockerfile, on PostgreSQL and Redis, sharing one AUTH_SECRET and the first owner', () => {
    expect(fullcourts.map(([name]) => name)).toEqual(['fullcourt1', 'fullcourt2', 'fullcourt3']);
    for (const [, service] of fullcourts) {
      expect(service.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
      const env = service.environment ?? {};
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      for (const name of ['AUTH_SECRET', 'FULLCOURT_OWNER_EMAIL', 'FULLCOURT_OWNER_PASSWORD']) expect(env[name]).toMatch(/\$\{\w+:\?/);
      expect(service.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
    // One definition merged into all three: the same secret everywhere.
    expect(new Set(fullcourts.map(([, s]) => JSON.stringify(s.environment))).size).toBe(1);
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
    expect(compose.services.redis?.image).toMatch(/^redis:/);
    for (const name of ['postgres', 'redis']) expect(compose.services[name]?.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('gives each process settings the server knows and accepts, with the example values', () => {
    const configSource = readFileSync(resolve(deploy, '../apps/server/src/config.ts'), 'utf8');
    for (const [, service] of fullcourts) {
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), exampleEnv)]));
      for (const name of Object.keys(env)) expect(configSource, name).toContain(`  ${name}:`);
      const config = loadConfig({ ...env, HOST: '0.0.0.0' });
      expect(config.databaseUrl).toMatch(/^postgres:/);
      expect(config.redisUrl).toBe('redis://redis:6379');
      expect(config.owner?.email).toBe(exampleEnv.FULLCOURT_OWNER_EMAIL);
      expect(config.metricsToken).toBe(exampleEnv.METRICS_TOKEN);
      // The balancer's fixed address is the one proxy whose X-Forwarded-For is believed.
      const haproxyNetworks = compose.services.haproxy?.networks as Record<string, { ipv4_address?: string }>;
      expect(config.trustedProxies).toEqual([haproxyNetworks.fullcourt?.ipv4_address]);
      expect(config.allowedHosts).toContain(exampleEnv.FULLCOURT_HOSTNAME);
    }
  });

  it('puts HAProxy in front, health-checking /api/health on every process, with long tunnels for the collaboration sockets', () => {
    const haproxy = compose.services.haproxy;
    expect(haproxy?.image).toMatch(/^haproxy:/);
    expect(haproxy?.ports).toEqual(['8080:8080']);
    expect(haproxy?.volumes).toContain('./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    const cfg = read('haproxy.cfg');
    expect(cfg.split('\n').map((line) => line.trim())).toContain('option httpchk');
    expect(cfg).toMatch(/http-check send meth GET uri \/api\/health/);
    expect(cfg).toMatch(/http-check expect status 200/);
    expect(cfg).toMatch(/timeout tunnel \d+h/);
    for (const [name] of fullcourts) expect(cfg).toMatch(new RegExp(`^\\s*server ${name} ${name}:3000`, 'm'));
    expect(cfg).toMatch(/default-server check/);
    // Metrics are scraped per process on the inside, never through the public side.
    expect(cfg).toMatch(/http-request deny .*if \{ path \/api\/metrics \}/);
  });
});

describe('deploy/Dockerfile', () => {
  it('builds on node:20-slim with npm ci and runs the build as a non-root user, with a health check', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile.match(/^FROM node:20-slim/gm)?.length).toBe(2);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toContain('CMD ["node", "apps/server/dist/main.js"]');
    // Everything the running server reads from the repository is copied into the final image.
    for (const path of ['apps/server/dist', 'apps/web/dist', 'drizzle', 'node_modules']) expect(dockerfile).toContain(`/app/${path}`);
  });
});
