import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import type { RequestContext } from '../../common/http/request-context.js';
import { hashToken, newOpaqueToken } from '../crypto/opaque-tokens.js';
import { AuthSession } from './auth-session.entity.js';
import { RefreshToken } from './refresh-token.entity.js';

export const SESSION_LIFETIME_DAYS = 30;
/** Two tabs refreshing at once send the same token: within this grace the second is refused, not treated as theft. */
export const REFRESH_RACE_GRACE_SECONDS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface IssuedSession {
  session: AuthSession;
  refreshToken: string;
}

export type RotationOutcome =
  | ({ kind: 'rotated' } & IssuedSession)
  | { kind: 'reused'; session: AuthSession }
  | { kind: 'invalid' };

/** Sign-in sessions and their refresh tokens: opaque, stored hashed, rotated on every use. */
@Injectable()
export class AuthSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async start(manager: EntityManager, administratorId: string, context: RequestContext): Promise<IssuedSession> {
    const now = this.clock.now();
    const session = await manager.save(
      manager.create(AuthSession, {
        administratorId,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + SESSION_LIFETIME_DAYS * DAY_MS),
        ip: context.ip,
        userAgent: context.userAgent,
      }),
    );
    return { session, refreshToken: await this.issueRefreshToken(manager, session) };
  }

  /**
   * Exchanges a refresh token for a new one in the same session. A token used before means a
   * copy is in someone else's hands: the whole session is revoked.
   */
  async rotate(presented: string): Promise<RotationOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const token = await manager.findOne(RefreshToken, { where: { tokenHash: hashToken(presented) }, lock: { mode: 'pessimistic_write' } });
      if (!token) return { kind: 'invalid' };
      const session = await manager.findOneBy(AuthSession, { id: token.sessionId });
      if (!session || session.revokedAt || session.expiresAt <= now || token.expiresAt <= now) return { kind: 'invalid' };
      if (token.usedAt) {
        if (now.getTime() - token.usedAt.getTime() <= REFRESH_RACE_GRACE_SECONDS * 1000) {
          throw new DomainError('auth.refresh_race', 409, 'This session was refreshed a moment ago; try again');
        }
        await this.revokeSession(manager, session.id, 'refresh_token_reuse');
        return { kind: 'reused', session };
      }
      await manager.update(RefreshToken, token.id, { usedAt: now });
      await manager.update(AuthSession, session.id, { lastUsedAt: now });
      return { kind: 'rotated', session, refreshToken: await this.issueRefreshToken(manager, session) };
    });
  }

  /** The live session a refresh token belongs to, without using the token (for sign-out). */
  async sessionOfRefreshToken(presented: string): Promise<AuthSession | null> {
    const token = await this.dataSource.manager.findOneBy(RefreshToken, { tokenHash: hashToken(presented) });
    return token ? this.dataSource.manager.findOneBy(AuthSession, { id: token.sessionId, revokedAt: IsNull() }) : null;
  }

  async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.update(AuthSession, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: reason });
  }

  /** Revokes every session of the administrator but `keep` (the one making the change), if given. */
  async revokeAllOf(manager: EntityManager, administratorId: string, reason: string, keep?: string): Promise<number> {
    const result = await manager.update(
      AuthSession,
      { administratorId, revokedAt: IsNull(), ...(keep ? { id: Not(keep) } : {}) },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  /** Checked on every authenticated request, so that a revocation takes effect at once. */
  async isActive(sessionId: string, administratorId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM auth_sessions s JOIN administrators a ON a.id = s.administrator_id
       WHERE s.id = $1 AND s.administrator_id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 AND a.status = 'active'`,
      [sessionId, administratorId, this.clock.now()],
    );
    return rows.length === 1;
  }

  private async issueRefreshToken(manager: EntityManager, session: AuthSession): Promise<string> {
    const token = newOpaqueToken();
    await manager.insert(RefreshToken, { sessionId: session.id, tokenHash: hashToken(token), expiresAt: session.expiresAt });
    return token;
  }
}
