import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisBus } from '../../../apps/server/src/bus/redisBus';
import { createRateLimiter } from '../../../apps/server/src/http/rateLimiter';
import { SignInLimiter } from '../../../apps/server/src/identity/signInLimiter';
import { createMetrics } from '../../../apps/server/src/metrics/metrics';
import { eventually } from '../helpers/providers';
import { type RedisServer, redisAvailable, startRedis } from '../helpers/redis';

const available = redisAvailable();
let redis: RedisServer;
let buses: RedisBus[] = [];

beforeAll(async () => {
  if (!available) return;
  redis = await startRedis();
  const log = pino({ level: 'silent' });
  // Two processes' buses, each with its own connections.
  buses = [new RedisBus(redis.url, log, createMetrics()), new RedisBus(redis.url, log, createMetrics())];
  await eventually(() => buses.every((bus) => bus.status().connected), 5_000, 'both buses connected');
}, 30_000);

afterAll(async () => {
  await Promise.all(buses.map((bus) => bus.close()));
  await redis?.close();
});

describe.skipIf(!available)('limits shared by processes on one Redis', () => {
  it('counts a client’s requests on every process against one limit, and counts the refusal', async () => {
    const refused: string[] = [];
    const name = `writes-${Date.now()}`;
    const [here, there] = buses.map((bus) =>
      createRateLimiter({ name, points: 3, windowSeconds: 60, sharedStore: bus.limiterStore, onRefused: (n) => refused.push(n) }),
    );
    expect((await here?.consume('10.0.0.1'))?.allowed).toBe(true);
    expect((await there?.consume('10.0.0.1'))?.allowed).toBe(true);
    expect((await here?.consume('10.0.0.1'))?.allowed).toBe(true);
    expect((await there?.consume('10.0.0.1'))?.allowed).toBe(false);
    expect(refused).toEqual([name]);
  });

  it('refuses sign-in on one process after failures on another', async () => {
    const limits = { perAccount: 2, perAddress: 100, windowSeconds: 60 };
    const [here, there] = buses.map((bus) => new SignInLimiter(limits, { sharedStore: bus.limiterStore }));
    const email = `guess-${Date.now()}@fullcourt.test`;
    await here?.failed(email, '10.0.0.2');
    await there?.failed(email, '10.0.0.3');
    expect(await here?.retryAfter(email, '10.0.0.4')).toBeGreaterThan(0);
  });

  it('tells the other processes of a server-wide event, and a claim goes to one process only', async () => {
    const heard: string[] = [];
    buses[1]?.onEvent((event) => heard.push(event.kind));
    buses[0]?.publishEvent({ kind: 'accessChanged' });
    await eventually(() => heard.length === 1, 5_000, 'the event on the other process');
    const key = `checkpoint:${Date.now()}`;
    const claims = await Promise.all(buses.map((bus) => bus.claim(key, 5_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await eventually(() => buses.every((bus) => bus.status().peers === 1), 10_000, 'each bus to hear the other’s heartbeat');
  });
});
