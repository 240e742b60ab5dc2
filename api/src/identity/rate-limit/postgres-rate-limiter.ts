import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { counterKey, RateLimiter, type RateLimit, type RateLimitState } from './rate-limiter.js';

interface CounterRow {
  hits: number;
  window_started_at: Date;
}

/**
 * Fixed-window counters in one table; one atomic upsert per hit, so concurrent instances agree.
 * The hit that reaches the limit restarts the window: a lockout lasts a whole window from then.
 */
@Injectable()
export class PostgresRateLimiter extends RateLimiter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async hit(limit: RateLimit, subject: string, now: Date): Promise<RateLimitState> {
    const rows: CounterRow[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counters AS c (key, window_started_at, hits) VALUES ($1, $2::timestamptz, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_started_at <= $2::timestamptz - make_interval(secs => $3::int) THEN 1 ELSE c.hits + 1 END,
         window_started_at = CASE
           WHEN c.window_started_at <= $2::timestamptz - make_interval(secs => $3::int) THEN $2::timestamptz
           WHEN c.hits + 1 = $4::int THEN $2::timestamptz
           ELSE c.window_started_at END
       RETURNING hits, window_started_at`,
      [counterKey(limit, subject), now, limit.windowSeconds, limit.limit],
    );
    return state(limit, rows[0], now);
  }

  async peek(limit: RateLimit, subject: string, now: Date): Promise<RateLimitState> {
    const rows: CounterRow[] = await this.dataSource.query(
      'SELECT hits, window_started_at FROM rate_limit_counters WHERE key = $1 AND window_started_at > $2::timestamptz - make_interval(secs => $3::int)',
      [counterKey(limit, subject), now, limit.windowSeconds],
    );
    return state(limit, rows[0], now);
  }

  async clear(limit: RateLimit, subject: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_counters WHERE key = $1', [counterKey(limit, subject)]);
  }
}

function state(limit: RateLimit, row: CounterRow | undefined, now: Date): RateLimitState {
  if (!row) return { blocked: false, retryAfterSeconds: 0, hits: 0 };
  const endsAt = row.window_started_at.getTime() + limit.windowSeconds * 1000;
  return { blocked: row.hits >= limit.limit, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)), hits: row.hits };
}
