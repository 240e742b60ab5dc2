import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import type { RequestContext } from '../../common/http/request-context.js';
import { MfaService, type EnrollmentSecret } from '../mfa/mfa.service.js';
import { RateLimiter, type RateLimit } from '../rate-limit/rate-limiter.js';
import { StaffService } from '../staff.service.js';
import type { StaffUser } from '../staff-user.entity.js';
import { MFA_FAILURES_PER_ACCOUNT, MFA_FAILURES_PER_IP, PASSWORD_FAILURES_PER_ACCOUNT, PASSWORD_FAILURES_PER_IP } from './sign-in-limits.js';

const STAFF_PASSWORD_FAILURES: RateLimit = { ...PASSWORD_FAILURES_PER_ACCOUNT, name: 'staff-password-account' };
const STAFF_MFA_FAILURES: RateLimit = { ...MFA_FAILURES_PER_ACCOUNT, name: 'staff-mfa-account' };

export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
}

/** Staff sign-in to the back-office: password, then TOTP (enrolled at the first sign-in), as for administrators. */
@Injectable()
export class StaffAuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly staff: StaffService,
    private readonly mfa: MfaService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The staff user and whether MFA is set up, or a DomainError (wrong credentials, locked). */
  async verifyPassword(email: string, password: string, context: RequestContext): Promise<{ staff: StaffIdentity; enrolled: boolean }> {
    const account = email.trim().toLowerCase();
    await this.refuseWhenLocked([[PASSWORD_FAILURES_PER_IP, context.ip ?? 'unknown']], account, context);
    await this.reserveAttempt(STAFF_PASSWORD_FAILURES, account, account, context);
    const user = await this.staff.verifyCredentials(account, password);
    if (!user) {
      await this.countFailure([[PASSWORD_FAILURES_PER_IP, context.ip ?? 'unknown']]);
      await this.audit.recordAlone({ actor: { type: 'anonymous', label: account }, action: 'staff.login.failed', outcome: 'failure', context });
      throw new DomainError('auth.invalid_credentials', 401, 'Email or password is incorrect');
    }
    await this.limiter.clear(STAFF_PASSWORD_FAILURES, account);
    return { staff: identityOf(user), enrolled: await this.mfa.isEnrolled({ type: 'staff', id: user.id }) };
  }

  startEnrollment(staff: StaffIdentity): Promise<EnrollmentSecret> {
    return this.mfa.startEnrollment({ type: 'staff', id: staff.id }, staff.email);
  }

  async confirmEnrollment(staff: StaffIdentity, code: string, context: RequestContext): Promise<string[]> {
    await this.reserveAttempt(STAFF_MFA_FAILURES, staff.id, staff.email, context);
    const codes = await this.dataSource.transaction(async (manager) => {
      const recoveryCodes = await this.mfa.confirmEnrollment(manager, { type: 'staff', id: staff.id }, code);
      if (recoveryCodes.length > 0) {
        await this.audit.record(manager, { actor: { type: 'staff', id: staff.id, label: staff.email }, action: 'staff.mfa.enrolled', outcome: 'success', context });
      }
      return recoveryCodes;
    });
    if (codes.length === 0) await this.failMfa(staff, context);
    await this.limiter.clear(STAFF_MFA_FAILURES, staff.id);
    await this.recordSignIn(staff, 'enrollment', context);
    return codes;
  }

  async verifyMfa(staff: StaffIdentity, code: string, context: RequestContext): Promise<void> {
    await this.refuseWhenLocked([[MFA_FAILURES_PER_IP, context.ip ?? 'unknown']], staff.email, context);
    await this.reserveAttempt(STAFF_MFA_FAILURES, staff.id, staff.email, context);
    const principal = { type: 'staff' as const, id: staff.id };
    const recovery = !/^\d{6}$/.test(code.trim());
    const accepted = recovery ? await this.mfa.useRecoveryCode(principal, code) : await this.mfa.verifyCode(principal, code.trim());
    if (!accepted) await this.failMfa(staff, context);
    await this.limiter.clear(STAFF_MFA_FAILURES, staff.id);
    await this.recordSignIn(staff, recovery ? 'recovery_code' : 'totp', context);
  }

  private async recordSignIn(staff: StaffIdentity, method: string, context: RequestContext): Promise<void> {
    await this.audit.recordAlone({ actor: { type: 'staff', id: staff.id, label: staff.email }, action: 'staff.login.succeeded', outcome: 'success', context, details: { method } });
  }

  private async failMfa(staff: StaffIdentity, context: RequestContext): Promise<never> {
    await this.countFailure([[MFA_FAILURES_PER_IP, context.ip ?? 'unknown']]);
    await this.audit.recordAlone({ actor: { type: 'staff', id: staff.id, label: staff.email }, action: 'staff.mfa.failed', outcome: 'failure', context });
    throw new DomainError('auth.mfa_invalid', 401, 'That code is not valid; enter the current code from your authenticator app');
  }

  private async refuseWhenLocked(limits: [RateLimit, string][], label: string, context: RequestContext): Promise<void> {
    for (const [limit, subject] of limits) {
      const state = await this.limiter.peek(limit, subject, this.clock.now());
      if (!state.blocked) continue;
      await this.audit.recordAlone({ actor: { type: 'anonymous', label }, action: 'staff.login.locked', outcome: 'denied', context, details: { limit: limit.name } });
      throw new DomainError('auth.too_many_attempts', 429, `Too many attempts; try again in ${Math.ceil(state.retryAfterSeconds / 60)} minute(s)`);
    }
  }

  /** Counts the attempt before it is checked (as for administrators); the one past the limit is refused. */
  private async reserveAttempt(limit: RateLimit, subject: string, label: string, context: RequestContext): Promise<void> {
    const state = await this.limiter.hit(limit, subject, this.clock.now());
    if (state.hits <= limit.limit) return;
    await this.audit.recordAlone({ actor: { type: 'anonymous', label }, action: 'staff.login.locked', outcome: 'denied', context, details: { limit: limit.name } });
    throw new DomainError('auth.too_many_attempts', 429, `Too many attempts; try again in ${Math.ceil(state.retryAfterSeconds / 60)} minute(s)`);
  }

  private async countFailure(limits: [RateLimit, string][]): Promise<void> {
    const now = this.clock.now();
    await Promise.all(limits.map(([limit, subject]) => this.limiter.hit(limit, subject, now)));
  }
}

function identityOf(user: StaffUser): StaffIdentity {
  return { id: user.id, email: user.email, name: user.name };
}
