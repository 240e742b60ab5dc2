import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { DomainError } from '../../common/domain-error.js';
import type { RequestContext } from '../../common/http/request-context.js';
import { AdministratorsService } from '../administrators/administrators.service.js';
import type { AdministratorPrincipal } from '../access/principal.js';
import { MfaService } from '../mfa/mfa.service.js';
import { AuthSessionsService } from '../sessions/auth-sessions.service.js';
import { MembershipDirectory, type Memberships } from './membership-directory.js';

export interface AccountView extends Memberships {
  id: string;
  email: string;
  name: string;
  mfaEnrolled: boolean;
  recoveryCodesRemaining: number;
  lastLoginAt: Date | null;
}

/** What a signed-in administrator does to their own account. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly administrators: AdministratorsService,
    private readonly mfa: MfaService,
    private readonly sessions: AuthSessionsService,
    private readonly memberships: MembershipDirectory,
    private readonly audit: AuditService,
  ) {}

  async view(principal: AdministratorPrincipal): Promise<AccountView> {
    const administrator = await this.requireAdministrator(principal);
    const mfaPrincipal = { type: 'administrator' as const, id: administrator.id };
    return {
      id: administrator.id,
      email: administrator.email,
      name: administrator.name,
      mfaEnrolled: await this.mfa.isEnrolled(mfaPrincipal),
      recoveryCodesRemaining: await this.mfa.remainingRecoveryCodes(mfaPrincipal),
      lastLoginAt: administrator.lastLoginAt,
      ...(await this.memberships.of(administrator.id)),
    };
  }

  /** Needs the current password; every other session of the account is signed out. */
  async changePassword(principal: AdministratorPrincipal, currentPassword: string, newPassword: string, context: RequestContext): Promise<void> {
    const administrator = await this.requireAdministrator(principal);
    if (!(await this.administrators.verifyCredentials(administrator.email, currentPassword))) {
      throw new DomainError('auth.current_password_invalid', 400, 'Your current password is not correct');
    }
    await this.dataSource.transaction(async (manager) => {
      await this.administrators.setPassword(manager, administrator, newPassword);
      const revoked = await this.sessions.revokeAllOf(manager, administrator.id, 'password_changed', principal.sessionId);
      await this.audit.record(manager, { actor: actorOf(principal, administrator.email), action: 'auth.password.changed', outcome: 'success', context, details: { sessionsRevoked: revoked } });
    });
  }

  /** New recovery codes, after proving possession of the authenticator with a current code. */
  async regenerateRecoveryCodes(principal: AdministratorPrincipal, code: string, context: RequestContext): Promise<string[]> {
    const administrator = await this.requireAdministrator(principal);
    const mfaPrincipal = { type: 'administrator' as const, id: administrator.id };
    if (!(await this.mfa.verifyCode(mfaPrincipal, code))) throw new DomainError('auth.mfa_invalid', 400, 'That code is not valid; enter the current code from your authenticator app');
    return this.dataSource.transaction(async (manager) => {
      const codes = await this.mfa.replaceRecoveryCodes(manager, mfaPrincipal);
      await this.audit.record(manager, { actor: actorOf(principal, administrator.email), action: 'auth.recovery_codes.regenerated', outcome: 'success', context });
      return codes;
    });
  }

  /** Signs the account out of every browser, this one included. */
  async signOutEverywhere(principal: AdministratorPrincipal, context: RequestContext): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const revoked = await this.sessions.revokeAllOf(manager, principal.administratorId, 'signed_out_everywhere');
      await this.audit.record(manager, { actor: actorOf(principal), action: 'auth.sessions.revoked', outcome: 'success', context, details: { sessionsRevoked: revoked } });
      return revoked;
    });
  }

  private async requireAdministrator(principal: AdministratorPrincipal) {
    const administrator = await this.administrators.findById(principal.administratorId);
    if (!administrator) throw new DomainError('auth.session_ended', 401, 'Your session has ended; sign in again');
    return administrator;
  }
}

function actorOf(principal: AdministratorPrincipal, label?: string) {
  return { type: 'administrator' as const, id: principal.administratorId, sessionId: principal.sessionId, label: label ?? null };
}
