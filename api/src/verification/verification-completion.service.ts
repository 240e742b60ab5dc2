import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import type { RequestContext } from '../common/http/request-context.js';
import type { PartnerScope } from '../identity/access/partner-access.js';
import { AdministratorsService } from '../identity/administrators/administrators.service.js';
import { hashToken, sameHash } from '../identity/crypto/opaque-tokens.js';
import { MailService } from '../mail/mail.service.js';
import { orgPartnerNoticeEmail } from '../mail/templates/org-partner-notice.js';
import { OrgDirectoryService } from '../orgs/organizations/org-directory.service.js';
import { PartnerAdminsService } from '../partners/admins/partner-admins.service.js';
import { AssociationsService } from '../partners/associations/associations.service.js';
import { adminActor, partnerAudit, type PartnerActor } from '../partners/partner-actor.js';
import { PartnersService } from '../partners/partners.service.js';
import { normalizeVerificationCode } from './verification-code.js';
import { VERIFICATION_MAX_FAILED_ATTEMPTS } from './verification-limits.js';
import { VerificationRequest } from './verification-request.entity.js';
import type { VerificationOutcomeDto, VerificationRequestPreviewDto, VerifiedOrgDto } from './verifications.dto.js';

type Attempt = { kind: 'verified'; result: VerifiedOrgDto } | { kind: 'wrong'; attemptsLeft: number };

/**
 * Ending a verification: the partner admin types the code, or the org admin follows the link and
 * approves or declines. Either way the request is locked first, so a code or link works once.
 */
@Injectable()
export class VerificationCompletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgs: OrgDirectoryService,
    private readonly associations: AssociationsService,
    private readonly partnerAdmins: PartnerAdminsService,
    private readonly partners: PartnersService,
    private readonly administrators: AdministratorsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async submitCode(scope: PartnerScope, verificationId: string, typed: string, context: RequestContext): Promise<VerifiedOrgDto> {
    const actor = adminActor(scope, context);
    // A wrong code is counted in a transaction that commits; the error is raised after it.
    const attempt = await this.dataSource.transaction(async (manager): Promise<Attempt> => {
      const request = isUUID(verificationId)
        ? await manager.findOne(VerificationRequest, { where: { id: verificationId, partnerId: scope.partnerId }, select: withHashes(), lock: { mode: 'pessimistic_write' } })
        : null;
      if (!request) throw new NotFoundError('verification.not_found', 'Your partner has no such verification request');
      this.assertOpen(request);
      const right = request.deliverable && sameHash(hashToken(normalizeVerificationCode(typed)), request.codeHash);
      if (!right) {
        const failed = request.failedAttempts + 1;
        const voided = failed >= VERIFICATION_MAX_FAILED_ATTEMPTS;
        await manager.update(VerificationRequest, { id: request.id }, { failedAttempts: failed, ...(voided ? { status: 'void' as const, completedAt: this.clock.now() } : {}) });
        await this.audit.record(manager, { ...partnerAudit(scope.partnerId, actor, 'verification.code_rejected', { type: 'verification', id: request.id }, { failedAttempts: failed }), outcome: 'failure' });
        return { kind: 'wrong', attemptsLeft: VERIFICATION_MAX_FAILED_ATTEMPTS - failed };
      }
      const result = await this.complete(manager, request, 'code', actor);
      await this.partnerAdmins.grantOrgToLimitedAdmin(manager, scope.partnerId, scope.administratorId, request.orgId!);
      return { kind: 'verified', result };
    });
    if (attempt.kind === 'verified') return attempt.result;
    if (attempt.attemptsLeft <= 0) throw new DomainError('verification.void', 410, 'Too many wrong codes: this verification is void; start a new one');
    throw new DomainError('verification.code_invalid', 400, `That code is not right; ${attempt.attemptsLeft} attempt(s) left`);
  }

  async preview(token: string): Promise<VerificationRequestPreviewDto> {
    const request = await this.byLink(this.dataSource.manager, token);
    const [partner, orgs] = await Promise.all([this.partners.get(request.partnerId), this.orgs.describe([request.orgId!])]);
    return {
      partnerName: partner.name,
      partnerKind: partner.kind,
      orgName: orgs.get(request.orgId!)!.name,
      orgId: request.enteredOrgId,
      email: request.recipientEmail,
      requestedBy: request.requestedByLabel,
      expiresAt: request.expiresAt,
    };
  }

  /** The org admin's answer through the link: approve associates the org, decline voids the request. */
  async answerByLink(token: string, answer: 'approve' | 'decline', context: RequestContext): Promise<VerificationOutcomeDto> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.byLink(manager, token, true);
      // Only someone who is still an admin of the org may answer for it.
      if (!(await this.orgs.isAdminEmail(request.orgId!, request.recipientEmail))) {
        throw new DomainError('verification.void', 410, 'This request is no longer open: its recipient is not an admin of the organization any more');
      }
      const recipient = await this.administrators.findByEmail(request.recipientEmail, manager);
      const actor: PartnerActor = { type: 'administrator', id: recipient?.id ?? null, label: request.recipientEmail, context };
      const partner = await this.partners.get(request.partnerId, manager);
      if (answer === 'approve') {
        const verified = await this.complete(manager, request, 'link', actor);
        await this.partnerAdmins.grantOrgToLimitedAdmin(manager, request.partnerId, request.requestedBy, request.orgId!);
        return { status: 'verified', partnerName: partner.name, orgName: verified.name };
      }
      await manager.update(VerificationRequest, { id: request.id }, { status: 'declined', completedAt: this.clock.now(), completedVia: 'link' });
      await this.audit.record(manager, partnerAudit(request.partnerId, actor, 'verification.declined', { type: 'verification', id: request.id }, undefined, request.orgId!));
      return { status: 'declined', partnerName: partner.name, orgName: (await this.orgs.describe([request.orgId!])).get(request.orgId!)!.name };
    });
  }

  /** Associates the org (refused if another partner got it meanwhile) and tells the org's own admins. */
  private async complete(manager: EntityManager, request: VerificationRequest, via: 'code' | 'link', actor: PartnerActor): Promise<VerifiedOrgDto> {
    const org = (await this.orgs.describe([request.orgId!])).get(request.orgId!)!;
    const association = await this.associations.attach(manager, { partnerId: request.partnerId, org, source: 'verified', actor });
    await manager.update(VerificationRequest, { id: request.id }, { status: 'verified', completedAt: this.clock.now(), completedVia: via });
    await this.audit.record(manager, partnerAudit(request.partnerId, actor, 'verification.verified', { type: 'verification', id: request.id }, { via }, org.id));
    const partner = await this.partners.get(request.partnerId, manager);
    const confirmedBy = via === 'code' ? `confirmed with the code sent to ${request.recipientEmail}` : `approved by ${request.recipientEmail}`;
    for (const admin of await this.orgs.admins(org.id)) {
      await this.mail.enqueue(manager, { to: admin.email, template: orgPartnerNoticeEmail({ partnerName: partner.name, orgName: org.name, confirmedBy }) });
    }
    return { orgId: org.publicId, name: org.name, associatedSince: association.since };
  }

  private async byLink(manager: EntityManager, token: string, lock = false): Promise<VerificationRequest> {
    const request = await manager.findOne(VerificationRequest, { where: { linkTokenHash: hashToken(token), deliverable: true }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!request) throw new DomainError('verification.not_found', 404, 'This link is not valid; check that you opened all of it');
    this.assertOpen(request);
    return request;
  }

  private assertOpen(request: VerificationRequest): void {
    if (request.status !== 'pending') throw new DomainError('verification.void', 410, `This verification is no longer open (${request.status})`);
    if (request.expiresAt.getTime() <= this.clock.now().getTime()) throw new DomainError('verification.expired', 410, 'This verification has expired; ask for a new code');
  }
}

/** The hashes are never read by default (select: false); the code check needs this one. */
function withHashes(): (keyof VerificationRequest)[] {
  return ['id', 'partnerId', 'enteredOrgId', 'recipientEmail', 'orgId', 'deliverable', 'requestedBy', 'requestedByLabel', 'codeHash', 'status', 'failedAttempts', 'expiresAt', 'sentCount'];
}
