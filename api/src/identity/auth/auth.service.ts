import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import type { RequestContext } from '../../common/http/request-context.js';
import { AdministratorsService } from '../administrators/administrators.service.js';
import type { Administrator } from '../administrators/administrator.entity.js';
import { MfaService, type EnrollmentSecret } from '../mfa/mfa.service.js';
import { RateLimiter, type RateLimit, type RateLimitState } from '../rate-limit/rate-limiter.js';
import { AuthSessionsService } from '../sessions/auth-sessions.service.js';
import { MFA_FAILURES_PER_ACCOUNT, MFA_FAILURES_PER_IP, PASSWORD_FAILURES_PER_ACCOUNT, PASSWORD_FAILURES_PER_IP } from './sign-in-limits.js';
import { ACCESS_TOKEN_SECONDS, CHALLENGE_TOKEN_SECONDS, TokenService } from './token.service.js';

export type LoginStep =
  | { status: 'mfa_required'; challengeToken: string; expiresIn: number }
  | { status: 'mfa_enrollment_required'; enrollmentToken: string; expiresIn: number };

export interface SignedIn {
  administrator: Administrator;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  sessionId: string;
}

const INVALID_CREDENTIALS = () => new DomainError('auth.invalid_credentials', 401, 'Email or password is incorrect');

/** Sign-in: password, then TOTP (or a recovery code), or the first enrollment; then a session. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly administrators: AdministratorsService,
    private readonly mfa: MfaService,
    private readonly sessions: AuthSessionsService,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(email: string, password: string, context: RequestContext): Promise<LoginStep> {
    const account = email.trim().toLowerCase();
    await this.refuseWhenLocked([[PASSWORD_FAILURES_PER_IP, context.ip ?? 'unknown']], 'auth.login.locked', account, context);
    await this.reserveAttempt(PASSWORD_FAILURES_PER_ACCOUNT, account, 'auth.login.locked', account, context);
    const administrator = await this.administrators.verifyCredentials(account, password);
    if (!administrator) {
      await this.countFailure([[PASSWORD_FAILURES_PER_IP, context.ip ?? 'unknown']]);
      await this.audit.recordAlone({ actor: { type: 'anonymous', label: account }, action: 'auth.login.failed', outcome: 'failure', context, details: { reason: 'invalid_credentials' } });
      throw INVALID_CREDENTIALS();
    }
    await this.limiter.clear(PASSWORD_FAILURES_PER_ACCOUNT, account);
    const enrolled = await this.mfa.isEnrolled({ type: 'administrator', id: administrator.id });
    await this.audit.recordAlone({ actor: actorOf(administrator), action: 'auth.login.password_accepted', outcome: 'success', context, details: { mfaEnrolled: enrolled } });
    return enrolled
      ? { status: 'mfa_required', challengeToken: this.tokens.challengeToken(administrator.id, 'mfa-challenge'), expiresIn: CHALLENGE_TOKEN_SECONDS }
      : { status: 'mfa_enrollment_required', enrollmentToken: this.tokens.challengeToken(administrator.id, 'mfa-enrollment'), expiresIn: CHALLENGE_TOKEN_SECONDS };
  }

  /** The second step: a TOTP code or a recovery code against the challenge from `login`. */
  async completeMfa(challengeToken: string, proof: { code?: string; recoveryCode?: string }, context: RequestContext): Promise<SignedIn> {
    const claims = this.tokens.verifyChallenge(challengeToken, 'mfa-challenge');
    if (!claims) throw new DomainError('auth.challenge_invalid', 401, 'The sign-in has expired; enter your email and password again');
    const administrator = await this.activeAdministrator(claims.sub);
    const principal = { type: 'administrator' as const, id: administrator.id };
    await this.refuseWhenLocked([[MFA_FAILURES_PER_IP, context.ip ?? 'unknown']], 'auth.mfa.locked', administrator.email, context);
    const attempt = await this.reserveAttempt(MFA_FAILURES_PER_ACCOUNT, administrator.id, 'auth.mfa.locked', administrator.email, context);
    const usingRecoveryCode = proof.recoveryCode !== undefined;
    const accepted = usingRecoveryCode ? await this.mfa.useRecoveryCode(principal, proof.recoveryCode!) : await this.mfa.verifyCode(principal, proof.code ?? '');
    if (!accepted) {
      await this.countFailure([[MFA_FAILURES_PER_IP, context.ip ?? 'unknown']]);
      await this.audit.recordAlone({ actor: actorOf(administrator), action: 'auth.mfa.failed', outcome: 'failure', context, details: { method: usingRecoveryCode ? 'recovery_code' : 'totp' } });
      if (attempt.blocked) await this.audit.recordAlone({ actor: actorOf(administrator), action: 'auth.mfa.locked', outcome: 'denied', context, details: { retryAfterSeconds: attempt.retryAfterSeconds } });
      throw new DomainError('auth.mfa_invalid', 401, usingRecoveryCode ? 'That recovery code is not valid or was already used' : 'That code is not valid; enter the current code from your authenticator app');
    }
    await this.limiter.clear(MFA_FAILURES_PER_ACCOUNT, administrator.id);
    return this.signIn(administrator, usingRecoveryCode ? 'recovery_code' : 'totp', context);
  }

  startEnrollment(administratorId: string): Promise<EnrollmentSecret & { accountName: string }> {
    return this.activeAdministrator(administratorId).then(async (administrator) => ({
      ...(await this.mfa.startEnrollment({ type: 'administrator', id: administrator.id }, administrator.email)),
      accountName: administrator.email,
    }));
  }

  /** Confirms the first code: the factor is on, ten recovery codes are issued, and the session starts. */
  async confirmEnrollment(administratorId: string, code: string, context: RequestContext): Promise<SignedIn & { recoveryCodes: string[] }> {
    const administrator = await this.activeAdministrator(administratorId);
    await this.reserveAttempt(MFA_FAILURES_PER_ACCOUNT, administrator.id, 'auth.mfa.locked', administrator.email, context);
    return this.dataSource.transaction(async (manager) => {
      const recoveryCodes = await this.mfa.confirmEnrollment(manager, { type: 'administrator', id: administrator.id }, code);
      if (recoveryCodes.length === 0) {
        throw new DomainError('auth.mfa_invalid', 401, 'That code is not valid; check the time on your phone and enter the current code');
      }
      await this.audit.record(manager, { actor: actorOf(administrator), action: 'auth.mfa.enrolled', outcome: 'success', context });
      await this.limiter.clear(MFA_FAILURES_PER_ACCOUNT, administrator.id);
      return { ...(await this.signIn(administrator, 'enrollment', context, manager)), recoveryCodes };
    });
  }

  async refresh(refreshToken: string, context: RequestContext): Promise<SignedIn> {
    const outcome = await this.sessions.rotate(refreshToken);
    if (outcome.kind === 'reused') {
      await this.audit.recordAlone({ actor: { type: 'administrator', id: outcome.session.administratorId, sessionId: outcome.session.id }, action: 'auth.refresh.reuse_detected', outcome: 'denied', context });
    }
    if (outcome.kind !== 'rotated') throw new DomainError('auth.session_ended', 401, 'Your session has ended; sign in again');
    const administrator = await this.activeAdministrator(outcome.session.administratorId);
    return {
      administrator,
      accessToken: this.tokens.accessToken(administrator.id, outcome.session.id),
      expiresIn: ACCESS_TOKEN_SECONDS,
      refreshToken: outcome.refreshToken,
      sessionId: outcome.session.id,
    };
  }

  async logout(refreshToken: string | undefined, context: RequestContext): Promise<void> {
    const session = refreshToken ? await this.sessions.sessionOfRefreshToken(refreshToken) : null;
    if (!session) return;
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revokeSession(manager, session.id, 'logout');
      await this.audit.record(manager, { actor: { type: 'administrator', id: session.administratorId, sessionId: session.id }, action: 'auth.logout', outcome: 'success', context });
    });
  }

  private async signIn(administrator: Administrator, method: string, context: RequestContext, manager = this.dataSource.manager): Promise<SignedIn> {
    const run = async (tx: typeof manager) => {
      const { session, refreshToken } = await this.sessions.start(tx, administrator.id, context);
      await this.administrators.recordSignIn(tx, administrator.id);
      await this.audit.record(tx, { actor: { ...actorOf(administrator), sessionId: session.id }, action: 'auth.login.succeeded', outcome: 'success', context, details: { method } });
      return { administrator, accessToken: this.tokens.accessToken(administrator.id, session.id), expiresIn: ACCESS_TOKEN_SECONDS, refreshToken, sessionId: session.id };
    };
    return manager.queryRunner?.isTransactionActive ? run(manager) : this.dataSource.transaction(run);
  }

  private async activeAdministrator(id: string): Promise<Administrator> {
    const administrator = await this.administrators.findById(id);
    if (!administrator || administrator.status !== 'active') throw new DomainError('auth.challenge_invalid', 401, 'The sign-in has expired; enter your email and password again');
    return administrator;
  }

  private async refuseWhenLocked(limits: [RateLimit, string][], action: string, label: string, context: RequestContext): Promise<void> {
    const now = this.clock.now();
    for (const [limit, subject] of limits) {
      const state = await this.limiter.peek(limit, subject, now);
      if (!state.blocked) continue;
      await this.audit.recordAlone({ actor: { type: 'anonymous', label }, action, outcome: 'denied', context, details: { limit: limit.name, retryAfterSeconds: state.retryAfterSeconds } });
      throw tooManyAttempts(state.retryAfterSeconds);
    }
  }

  /**
   * Counts an attempt before it is checked, so that a burst of concurrent guesses cannot pass the
   * limit; a success clears the count. The attempt past the limit is refused, and audited.
   */
  private async reserveAttempt(limit: RateLimit, subject: string, action: string, label: string, context: RequestContext): Promise<RateLimitState> {
    const state = await this.limiter.hit(limit, subject, this.clock.now());
    if (state.hits <= limit.limit) return state;
    await this.audit.recordAlone({ actor: { type: 'anonymous', label }, action, outcome: 'denied', context, details: { limit: limit.name, retryAfterSeconds: state.retryAfterSeconds } });
    throw tooManyAttempts(state.retryAfterSeconds);
  }

  private async countFailure(limits: [RateLimit, string][]) {
    const now = this.clock.now();
    const states = await Promise.all(limits.map(([limit, subject]) => this.limiter.hit(limit, subject, now)));
    return states[0]!;
  }
}

function tooManyAttempts(retryAfterSeconds: number): DomainError {
  return new DomainError('auth.too_many_attempts', 429, `Too many attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

function actorOf(administrator: Administrator) {
  return { type: 'administrator' as const, id: administrator.id, label: administrator.email };
}
