import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { counterKey, RateLimiter, type RateLimit, type RateLimitState } from './rate-limiter.js';

/**
 * The same counters in Redis, when REDIS_URL is set: a key per limit and subject that expires with
 * its window; the hit that reaches the limit restarts the window, as in PostgreSQL.
 */
@Injectable()
export class RedisRateLimiter extends RateLimiter implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(url: string) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, keyPrefix: 'mtp:rate-limit:' });
  }

  async hit(limit: RateLimit, subject: string, now: Date): Promise<RateLimitState> {
    const key = counterKey(limit, subject);
    const hits = await this.redis.incr(key);
    if (hits === 1 || hits === limit.limit) await this.redis.pexpireat(key, now.getTime() + limit.windowSeconds * 1000);
    return this.state(limit, key, hits);
  }

  async peek(limit: RateLimit, subject: string, _now?: Date): Promise<RateLimitState> {
    const key = counterKey(limit, subject);
    return this.state(limit, key, Number((await this.redis.get(key)) ?? 0));
  }

  async clear(limit: RateLimit, subject: string): Promise<void> {
    await this.redis.del(counterKey(limit, subject));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private async state(limit: RateLimit, key: string, hits: number): Promise<RateLimitState> {
    const ttl = hits > 0 ? await this.redis.pttl(key) : 0;
    return { blocked: hits >= limit.limit, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)), hits };
  }
}
