import { createConnection } from 'node:net';
import { PostgresRateLimiter } from '../src/identity/rate-limit/postgres-rate-limiter.js';
import type { RateLimit, RateLimiter } from '../src/identity/rate-limit/rate-limiter.js';
import { RedisRateLimiter } from '../src/identity/rate-limit/redis-rate-limiter.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** The same behaviour is asked of both stores: the limits hold across instances either way. */
function behavesAsALimiter(name: string, make: () => Promise<{ limiter: RateLimiter; close(): Promise<void> }>) {
  describe(name, () => {
    let limiter: RateLimiter;
    let close: () => Promise<void>;
    beforeAll(async () => ({ limiter, close } = await make()));
    afterAll(() => close());

    const limit = (): RateLimit => ({ name: `test-${Math.random().toString(36).slice(2)}`, limit: 3, windowSeconds: 60 });

    it('blocks at the limit and says how long to wait', async () => {
      const rule = limit();
      const now = new Date();
      expect((await limiter.hit(rule, 'ana', now)).blocked).toBe(false);
      expect((await limiter.hit(rule, 'ana', now)).blocked).toBe(false);
      const third = await limiter.hit(rule, 'ana', now);
      expect(third).toMatchObject({ blocked: true, hits: 3 });
      expect(third.retryAfterSeconds).toBeGreaterThan(55);
      expect((await limiter.peek(rule, 'ana', now)).blocked).toBe(true);
      expect((await limiter.peek(rule, 'bob', now)).blocked).toBe(false);
    });

    it('counts concurrent hits exactly, as several instances would send them', async () => {
      const rule = { ...limit(), limit: 1000 };
      const now = new Date();
      await Promise.all(Array.from({ length: 50 }, () => limiter.hit(rule, 'burst', now)));
      expect((await limiter.peek(rule, 'burst', now)).hits).toBe(50);
    });

    it('forgets a subject once cleared', async () => {
      const rule = limit();
      const now = new Date();
      for (let i = 0; i < 3; i += 1) await limiter.hit(rule, 'carol', now);
      await limiter.clear(rule, 'carol');
      expect((await limiter.peek(rule, 'carol', now)).hits).toBe(0);
    });
  });
}

behavesAsALimiter('PostgreSQL rate limiter', async () => {
  const testApp: TestApp = await createTestApp();
  return { limiter: testApp.app.get(PostgresRateLimiter), close: () => testApp.close() };
});

describe('Redis rate limiter (when a Redis answers)', () => {
  let available = false;
  beforeAll(async () => {
    available = await redisAnswers();
    if (!available) process.stderr.write(`Redis rate limiter tests skipped: nothing answers at ${REDIS_URL}\n`);
  });

  it('behaves like the PostgreSQL one', async () => {
    if (!available) return;
    const limiter = new RedisRateLimiter(REDIS_URL);
    try {
      const rule: RateLimit = { name: `redis-test-${Date.now()}`, limit: 3, windowSeconds: 60 };
      const now = new Date();
      await Promise.all(Array.from({ length: 3 }, () => limiter.hit(rule, 'ana', now)));
      const state = await limiter.peek(rule, 'ana', now);
      expect(state).toMatchObject({ blocked: true, hits: 3 });
      expect(state.retryAfterSeconds).toBeGreaterThan(55);
      await limiter.clear(rule, 'ana');
      expect((await limiter.peek(rule, 'ana', now)).blocked).toBe(false);
    } finally {
      await limiter.onApplicationShutdown();
    }
  });
});
