/** A limit: at most `limit` hits per `windowSeconds`, counted in fixed windows. */
export interface RateLimit {
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  blocked: boolean;
  /** Seconds until the window ends (what Retry-After says when blocked). */
  retryAfterSeconds: number;
  hits: number;
}

/**
 * Counters shared by every API instance: in PostgreSQL by default, in Redis when REDIS_URL is set.
 * `hit` counts one more and tells whether the limit is now exceeded; `peek` only reads.
 */
export abstract class RateLimiter {
  abstract hit(limit: RateLimit, subject: string, now: Date): Promise<RateLimitState>;
  abstract peek(limit: RateLimit, subject: string, now: Date): Promise<RateLimitState>;
  abstract clear(limit: RateLimit, subject: string): Promise<void>;
}

export function counterKey(limit: RateLimit, subject: string): string {
  return `${limit.name}:${subject}`;
}
