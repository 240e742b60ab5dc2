import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock.js';
import { DomainError, NotFoundError } from '../../common/domain-error.js';
import { AppConfig } from '../../config/app-config.provider.js';
import { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import { hashToken, newOpaqueToken } from '../../identity/crypto/opaque-tokens.js';
import { MailService } from '../../mail/mail.service.js';
import { partnerInvitationEmail } from '../../mail/templates/partner-invitation.js';
import { OrgDirectoryService } from '../../orgs/organizations/org-directory.service.js';
import { PartnerAdminsService, type RequestedAccess } from '../admins/partner-admins.service.js';
import { Partner } from '../partner.entity.js';
import { partnerAudit, type PartnerActor } from '../partner-actor.js';
import { PartnerInvitation } from './partner-invitation.entity.js';
import type { PartnerInvitationDto } from './partner-invitations.dto.js';

export const INVITATION_VALID_MINUTES = 7 * 24 * 60;
/** The first key of the transaction locks that take invitations of one address in turn. */
const OPEN_INVITATION_LOCK_SPACE = 70_007;

const notFound = () => new NotFoundError('partners.invitation_not_found', 'There is no such invitation for your partner');

/** Invitations a partner sends (or staff send for it): created, listed, re-sent and revoked. */
@Injectable()
export class PartnerInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly admins: PartnerAdminsService,
    private readonly administrators: AdministratorsService,
    private readonly orgs: OrgDirectoryService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Invites `email`; an open invitation to the same address is replaced, so only the newest link works. */
  async invite(partnerId: string, input: RequestedAccess & { email: string }, actor: PartnerActor, outer?: EntityManager): Promise<PartnerInvitationDto> {
    const run = async (manager: EntityManager) => {
      const partner = await manager.findOneByOrFail(Partner, { id: partnerId });
      const email = input.email.trim().toLowerCase();
      // Two invitations of one address at once (a double click) would both find no open one to replace and
      // collide on the one-open-invitation index (a 500); taken in turn, the second replaces the first.
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [OPEN_INVITATION_LOCK_SPACE, `${partnerId}:${email}`]);
      await this.admins.assertInvitable(partnerId, email, manager);
      const access = await this.admins.grant(partnerId, input, manager);
      await manager.update(PartnerInvitation, { partnerId, email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      const token = newOpaqueToken();
      const invitation = await manager.save(
        manager.create(PartnerInvitation, {
          partnerId,
          email,
          role: access.role,
          orgAccess: access.orgAccess,
          orgIds: access.orgs.map((org) => org.id),
          tokenHash: hashToken(token),
          expiresAt: this.expiry(),
          lastSentAt: this.clock.now(),
          invitedByType: actor.type,
          invitedById: actor.id,
          invitedByLabel: await this.inviterLabel(actor),
        }),
      );
      await this.send(manager, partner, invitation, token);
      await this.audit.record(manager, partnerAudit(partnerId, actor, 'partners.invitation.created', { type: 'invitation', id: invitation.id }, { email, role: access.role, orgAccess: access.orgAccess }));
      return invitation.id;
    };
    const id = outer ? await run(outer) : await this.dataSource.transaction(run);
    return this.get(partnerId, id, outer);
  }

  /** The partner's invitations, newest first (the last 200). */
  async list(partnerId: string): Promise<PartnerInvitationDto[]> {
    const rows = await this.dataSource.manager.find(PartnerInvitation, { where: { partnerId }, order: { createdAt: 'DESC' }, take: 200 });
    return this.describe(rows);
  }

  async get(partnerId: string, invitationId: string, manager = this.dataSource.manager): Promise<PartnerInvitationDto> {
    const row = isUUID(invitationId) ? await manager.findOneBy(PartnerInvitation, { id: invitationId, partnerId }) : null;
    if (!row) throw notFound();
    return (await this.describe([row]))[0]!;
  }

  /** A new link (the old one stops working) and seven more days, for a pending or expired invitation. */
  async resend(partnerId: string, invitationId: string, actor: PartnerActor): Promise<PartnerInvitationDto> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.lockOpen(manager, partnerId, invitationId, 'resend');
      const token = newOpaqueToken();
      const now = this.clock.now();
      await manager.update(PartnerInvitation, { id: invitation.id }, { tokenHash: hashToken(token), expiresAt: this.expiry(), lastSentAt: now, sentCount: invitation.sentCount + 1 });
      await this.send(manager, await manager.findOneByOrFail(Partner, { id: partnerId }), invitation, token);
      await this.audit.record(manager, partnerAudit(partnerId, actor, 'partners.invitation.resent', { type: 'invitation', id: invitation.id }, { email: invitation.email }));
    });
    return this.get(partnerId, invitationId);
  }

  async revoke(partnerId: string, invitationId: string, actor: PartnerActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.lockOpen(manager, partnerId, invitationId, 'revoke');
      await manager.update(PartnerInvitation, { id: invitation.id }, { revokedAt: this.clock.now() });
      await this.audit.record(manager, partnerAudit(partnerId, actor, 'partners.invitation.revoked', { type: 'invitation', id: invitation.id }, { email: invitation.email }));
    });
  }

  private async lockOpen(manager: EntityManager, partnerId: string, invitationId: string, doing: 'resend' | 'revoke'): Promise<PartnerInvitation> {
    const invitation = isUUID(invitationId) ? await manager.findOne(PartnerInvitation, { where: { id: invitationId, partnerId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!invitation) throw notFound();
    if (invitation.acceptedAt) throw new DomainError('partners.invitation_accepted', 409, 'This invitation was already accepted');
    if (invitation.revokedAt) throw new DomainError('partners.invitation_revoked', 409, `This invitation was revoked; ${doing === 'resend' ? 'invite the person again' : 'nothing to do'}`);
    return invitation;
  }

  private async send(manager: EntityManager, partner: Partner, invitation: PartnerInvitation, token: string): Promise<void> {
    await this.mail.enqueue(manager, {
      to: invitation.email,
      template: partnerInvitationEmail({
        partnerName: partner.name,
        role: invitation.role,
        invitedBy: invitation.invitedByLabel ?? 'The platform team',
        acceptUrl: `${this.config.publicUrl}/accept-invitation?token=${encodeURIComponent(token)}`,
        expiresInMinutes: INVITATION_VALID_MINUTES,
      }),
    });
  }

  private expiry(): Date {
    return new Date(this.clock.now().getTime() + INVITATION_VALID_MINUTES * 60_000);
  }

  /** What the invitee reads as the sender: a partner admin's email, never a staff member's (the audit keeps that). */
  private async inviterLabel(actor: PartnerActor): Promise<string> {
    if (actor.type !== 'administrator' || !actor.id) return 'The platform team';
    return actor.label ?? (await this.administrators.findById(actor.id))?.email ?? 'An admin of your partner';
  }

  private async describe(rows: PartnerInvitation[]): Promise<PartnerInvitationDto[]> {
    const names = await this.orgs.describe(rows.flatMap((row) => row.orgIds));
    const now = this.clock.now();
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      orgAccess: row.orgAccess,
      orgs: row.orgIds.flatMap((id) => (names.has(id) ? [{ orgId: names.get(id)!.publicId, name: names.get(id)!.name }] : [])),
      status: row.statusAt(now),
      invitedBy: row.invitedByLabel ?? 'The platform team',
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      lastSentAt: row.lastSentAt,
      sentCount: row.sentCount,
    }));
  }
}
