import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import type { RequestContext } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.provider.js';
import { MailService } from '../../mail/mail.service.js';
import { passwordResetEmail } from '../../mail/templates/password-reset.js';
import { AdministratorsService } from '../administrators/administrators.service.js';
import { hashToken, newOpaqueToken } from '../crypto/opaque-tokens.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { AuthSessionsService } from '../sessions/auth-sessions.service.js';
import { PasswordResetToken } from '../sessions/password-reset-token.entity.js';
import { RESET_REQUESTS_PER_EMAIL, RESET_REQUESTS_PER_IP } from './sign-in-limits.js';

export const RESET_LINK_MINUTES = 30;

/** Forgotten passwords: a single-use link by email, then MFA as usual at the next sign-in. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly administrators: AdministratorsService,
    private readonly sessions: AuthSessionsService,
    private readonly mail: MailService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Answers the same whether or not the account exists; only an existing, active one gets an email. */
  async request(email: string, context: RequestContext): Promise<void> {
    const account = email.trim().toLowerCase();
    const now = this.clock.now();
    const [perEmail, perIp] = await Promise.all([
      this.limiter.hit(RESET_REQUESTS_PER_EMAIL, account, now),
      this.limiter.hit(RESET_REQUESTS_PER_IP, context.ip ?? 'unknown', now),
    ]);
    // Past the limit the answer stays the same (no enumeration); the email simply is not sent again.
    if (perEmail.hits > RESET_REQUESTS_PER_EMAIL.limit || perIp.hits > RESET_REQUESTS_PER_IP.limit) return;
    const administrator = await this.administrators.findByEmail(account);
    if (!administrator || administrator.status !== 'active') {
      await this.audit.recordAlone({ actor: { type: 'anonymous', label: account }, action: 'auth.password_reset.requested', outcome: 'failure', context, details: { reason: 'no_such_account' } });
      return;
    }
    const token = newOpaqueToken();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(PasswordResetToken, {
        administratorId: administrator.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      });
      const resetUrl = `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await this.mail.enqueue(manager, { to: administrator.email, template: passwordResetEmail({ name: administrator.name, resetUrl, expiresInMinutes: RESET_LINK_MINUTES }) });
      await this.audit.record(manager, { actor: { type: 'administrator', id: administrator.id, label: administrator.email }, action: 'auth.password_reset.requested', outcome: 'success', context });
    });
  }

  /**
   * A set-password link for an invited account that has no password yet, created in the caller's
   * transaction (the caller sends the email that carries it). Valid for `validMinutes`.
   */
  async issueSetPasswordLink(manager: EntityManager, administratorId: string, validMinutes: number): Promise<string> {
    const token = newOpaqueToken();
    await manager.insert(PasswordResetToken, {
      administratorId,
      tokenHash: hashToken(token),
      expiresAt: new Date(this.clock.now().getTime() + validMinutes * 60_000),
    });
    return `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  }

  /** Sets the new password, uses the link up and signs the account out everywhere. */
  async complete(token: string, newPassword: string, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const reset = await manager.findOne(PasswordResetToken, {
        where: { tokenHash: hashToken(token), usedAt: IsNull(), expiresAt: MoreThan(now) },
        lock: { mode: 'pessimistic_write' },
      });
      const administrator = reset ? await this.administrators.findById(reset.administratorId, manager) : null;
      if (!reset || !administrator || administrator.status !== 'active') {
        throw new DomainError('auth.reset_link_invalid', 400, 'This reset link is invalid, expired or already used; ask for a new one');
      }
      await this.administrators.setPassword(manager, administrator, newPassword);
      await manager.update(PasswordResetToken, { administratorId: administrator.id, usedAt: IsNull() }, { usedAt: now });
      const revoked = await this.sessions.revokeAllOf(manager, administrator.id, 'password_reset');
      await this.audit.record(manager, {
        actor: { type: 'administrator', id: administrator.id, label: administrator.email },
        action: 'auth.password_reset.completed',
        outcome: 'success',
        context,
        details: { sessionsRevoked: revoked },
      });
    });
  }
}
