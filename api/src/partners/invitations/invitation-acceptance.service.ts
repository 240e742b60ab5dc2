import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock.js';
import { DomainError, ValidationFailedError } from '../../common/domain-error.js';
import type { RequestContext } from '../../common/http/request-context.js';
import { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import { AuthService, type LoginStep } from '../../identity/auth/auth.service.js';
import { hashToken } from '../../identity/crypto/opaque-tokens.js';
import { PartnerAdminsService } from '../admins/partner-admins.service.js';
import { Partner } from '../partner.entity.js';
import { partnerAudit } from '../partner-actor.js';
import { PartnerInvitation } from './partner-invitation.entity.js';
import type { InvitationPreviewDto } from './partner-invitations.dto.js';

/** The first key of the transaction locks that take acceptances for one address in turn. */
const ACCOUNT_LOCK_SPACE = 70_008;

/**
 * The invited person's side: look at the invitation, then accept it by choosing a password (a new
 * account) or giving the existing account's. Either way the next step is MFA, as at any sign-in.
 */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly administrators: AdministratorsService,
    private readonly admins: PartnerAdminsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.usable(this.dataSource.manager, token);
    const partner = await this.dataSource.manager.findOneByOrFail(Partner, { id: invitation.partnerId });
    return { partnerName: partner.name, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, accountExists: await this.hasPassword(invitation.email) };
  }

  async accept(token: string, input: { password: string; name?: string }, context: RequestContext): Promise<LoginStep> {
    const { email } = await this.usable(this.dataSource.manager, token);
    if (await this.hasPassword(email)) {
      // The account's own password proves it is theirs; the sign-in limits apply as at the sign-in page.
      const step = await this.auth.login(email, input.password, context);
      await this.join(token, context, async () => (await this.administrators.findByEmail(email))!.id);
      return step;
    }
    await this.join(token, context, async (manager) => {
      const existing = await this.administrators.findByEmail(email, manager);
      if (existing) {
        // Invited elsewhere but never chose a password: the emailed link proves the address.
        await this.administrators.setPassword(manager, existing, input.password);
        return existing.id;
      }
      if (!input.name?.trim()) throw new ValidationFailedError([{ field: 'name', messages: ['Enter your name'] }]);
      return (await this.administrators.create({ email, name: input.name, password: input.password }, manager)).id;
    });
    return this.auth.login(email, input.password, context);
  }

  /** Uses the invitation up under a row lock: two acceptances at once make one membership. */
  private async join(token: string, context: RequestContext, account: (manager: EntityManager) => Promise<string>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.usable(manager, token, true);
      // Invitations of two partners to one new address, accepted at once, would both create the account and
      // collide on its unique email (a 500); taken in turn, the second finds the account and is refused as
      // belonging to the other partner.
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACCOUNT_LOCK_SPACE, invitation.email]);
      const administratorId = await account(manager);
      const orgs = invitation.orgIds.map((id) => ({ id, publicId: '', name: '' }));
      await this.admins.addMember(manager, invitation.partnerId, administratorId, { role: invitation.role, orgAccess: invitation.orgAccess, orgs }, invitation.invitedById);
      await manager.update(PartnerInvitation, { id: invitation.id }, { acceptedAt: this.clock.now(), acceptedBy: administratorId });
      await this.audit.record(
        manager,
        partnerAudit(invitation.partnerId, { type: 'administrator', id: administratorId, label: invitation.email, context }, 'partners.invitation.accepted', { type: 'invitation', id: invitation.id }, { role: invitation.role }),
      );
    });
  }

  private async usable(manager: EntityManager, token: string, lock = false): Promise<PartnerInvitation> {
    const invitation = await manager.findOne(PartnerInvitation, { where: { tokenHash: hashToken(token) }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!invitation) throw new DomainError('invitations.not_found', 404, 'This invitation link is not valid; check that you copied all of it');
    const status = invitation.statusAt(this.clock.now());
    if (status === 'accepted') throw new DomainError('invitations.used', 410, 'This invitation was already accepted; sign in instead');
    if (status === 'revoked') throw new DomainError('invitations.revoked', 410, 'This invitation was withdrawn; ask the person who invited you');
    if (status === 'expired') throw new DomainError('invitations.expired', 410, 'This invitation has expired; ask the person who invited you to send it again');
    return invitation;
  }

  private async hasPassword(email: string): Promise<boolean> {
    const administrator = await this.administrators.findByEmail(email);
    return !!administrator && (await this.administrators.describe([administrator.id])).get(administrator.id)?.invited === false;
  }
}
