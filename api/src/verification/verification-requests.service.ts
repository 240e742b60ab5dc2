import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail, isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import type { RequestContext } from '../common/http/request-context.js';
import { AppConfig } from '../config/app-config.provider.js';
import type { PartnerScope } from '../identity/access/partner-access.js';
import { AdministratorsService } from '../identity/administrators/administrators.service.js';
import { hashToken, newOpaqueToken } from '../identity/crypto/opaque-tokens.js';
import { RateLimiter, type RateLimit } from '../identity/rate-limit/rate-limiter.js';
import { MailService } from '../mail/mail.service.js';
import type { MailTemplate } from '../mail/templates/mail-template.js';
import { verificationCodeEmail } from '../mail/templates/verification-code.js';
import { OrgDirectoryService } from '../orgs/organizations/org-directory.service.js';
import { AssociationsService } from '../partners/associations/associations.service.js';
import { adminActor, partnerAudit } from '../partners/partner-actor.js';
import { PartnersService } from '../partners/partners.service.js';
import { answerNoSoonerThan, EVEN_ANSWER_MS } from './even-timing.js';
import { newVerificationCode } from './verification-code.js';
import { VERIFICATIONS_PER_ADMIN, VERIFICATIONS_PER_RECIPIENT, VERIFICATION_VALID_MINUTES } from './verification-limits.js';
import { VerificationRequest, type UndeliverableReason } from './verification-request.entity.js';
import type { BulkVerificationRowDto, VerificationDto, VerificationPageDto } from './verifications.dto.js';

/** Stands in for a missing org, so that every request runs the same queries whatever it names. */
const NO_ORG = '00000000-0000-0000-0000-000000000000';
const neutralMessage = (email: string, orgId: string) => `If ${email} is an admin of organization ${orgId}, a code has been sent to it.`;

/**
 * Verification requests: asked for, listed, re-sent and cancelled. Every request is answered and
 * recorded alike; a code goes out only when the email is an admin of that org and the org is free.
 */
@Injectable()
export class VerificationRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgs: OrgDirectoryService,
    private readonly associations: AssociationsService,
    private readonly partners: PartnersService,
    private readonly administrators: AdministratorsService,
    private readonly mail: MailService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async request(scope: PartnerScope, input: { orgId: string; email: string }, context: RequestContext): Promise<VerificationDto> {
    await this.count(VERIFICATIONS_PER_ADMIN, scope.administratorId);
    await this.count(VERIFICATIONS_PER_RECIPIENT, input.email);
    return this.describe(await answerNoSoonerThan(EVEN_ANSWER_MS, () => this.create(scope, input, context)));
  }

  /** Up to 25 rows at once, counted as one request of the admin; each row is reported on its own. */
  async requestMany(scope: PartnerScope, rows: { orgId: string; email: string }[], context: RequestContext): Promise<BulkVerificationRowDto[]> {
    await this.count(VERIFICATIONS_PER_ADMIN, scope.administratorId);
    const results: BulkVerificationRowDto[] = [];
    for (const row of rows) {
      const orgId = row.orgId.trim().toLowerCase();
      const email = row.email.trim().toLowerCase();
      if (!/^[0-9a-f]{24}$/.test(orgId) || !isEmail(email)) {
        results.push({ orgId: row.orgId, email: row.email, outcome: 'invalid', verificationId: null, message: 'Not an OrgID and an email address' });
        continue;
      }
      const state = await this.limiter.hit(VERIFICATIONS_PER_RECIPIENT, email, this.clock.now());
      if (state.hits > VERIFICATIONS_PER_RECIPIENT.limit) {
        results.push({ orgId, email, outcome: 'rate_limited', verificationId: null, message: `Too many requests to this address; try again in ${minutes(state.retryAfterSeconds)} minute(s)` });
        continue;
      }
      const created = await answerNoSoonerThan(EVEN_ANSWER_MS, () => this.create(scope, { orgId, email }, context));
      results.push({ orgId, email, outcome: 'requested', verificationId: created.id, message: neutralMessage(email, orgId) });
    }
    return results;
  }

  async list(scope: PartnerScope, query: { status: 'pending' | 'all'; limit: number; offset: number }): Promise<VerificationPageDto> {
    const where = query.status === 'pending' ? { partnerId: scope.partnerId, status: 'pending' as const } : { partnerId: scope.partnerId };
    const [rows, total] = await this.dataSource.manager.findAndCount(VerificationRequest, { where, order: { createdAt: 'DESC', id: 'DESC' }, take: query.limit, skip: query.offset });
    const names = await this.orgs.describe(rows.filter((row) => row.status === 'verified' && row.orgId).map((row) => row.orgId!));
    return { items: rows.map((row) => this.describe(row, names.get(row.orgId ?? '')?.name)), total, limit: query.limit, offset: query.offset };
  }

  /** A new code and link for 30 more minutes (the old ones stop working), under the same limits as a request. */
  async resend(scope: PartnerScope, verificationId: string, context: RequestContext): Promise<VerificationDto> {
    const pending = await this.pendingOf(scope, verificationId, this.dataSource.manager);
    await this.count(VERIFICATIONS_PER_ADMIN, scope.administratorId);
    await this.count(VERIFICATIONS_PER_RECIPIENT, pending.recipientEmail);
    await answerNoSoonerThan(EVEN_ANSWER_MS, () => this.dataSource.transaction(async (manager) => {
      const request = await this.pendingOf(scope, verificationId, manager, true);
      // Things change in 30 minutes: the email may no longer be an admin, or the org may have found a partner.
      const { reason } = await this.assess(scope.partnerId, request.enteredOrgId, request.recipientEmail);
      const deliverable = request.deliverable && reason === null;
      const now = this.clock.now();
      const code = newVerificationCode();
      const token = newOpaqueToken();
      await manager.update(VerificationRequest, { id: request.id }, {
        codeHash: hashToken(code),
        linkTokenHash: hashToken(token),
        expiresAt: this.expiry(now),
        lastSentAt: now,
        sentCount: request.sentCount + 1,
        failedAttempts: 0,
        deliverable,
        undeliverableReason: deliverable ? null : (request.undeliverableReason ?? reason),
      });
      if (deliverable) await this.send(manager, scope, request, code, token);
      await this.audit.record(manager, partnerAudit(scope.partnerId, adminActor(scope, context), 'verification.resent', { type: 'verification', id: request.id }, { orgId: request.enteredOrgId }));
    }));
    return this.describe(await this.dataSource.manager.findOneByOrFail(VerificationRequest, { id: verificationId }));
  }

  async cancel(scope: PartnerScope, verificationId: string, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.pendingOf(scope, verificationId, manager, true);
      await manager.update(VerificationRequest, { id: request.id }, { status: 'cancelled', completedAt: this.clock.now() });
      await this.audit.record(manager, partnerAudit(scope.partnerId, adminActor(scope, context), 'verification.cancelled', { type: 'verification', id: request.id }, { orgId: request.enteredOrgId }));
    });
  }

  /** The partner's view of a request: never whether a code went out, nor why not. */
  describe(row: VerificationRequest, orgName?: string): VerificationDto {
    return {
      id: row.id,
      orgId: row.enteredOrgId,
      email: row.recipientEmail,
      status: row.visibleStatus(this.clock.now()),
      requestedBy: row.requestedByLabel,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      lastSentAt: row.lastSentAt,
      sentCount: row.sentCount,
      completedAt: row.completedAt,
      orgName: row.status === 'verified' ? (orgName ?? null) : null,
      message: neutralMessage(row.recipientEmail, row.enteredOrgId),
    };
  }

  private async create(scope: PartnerScope, input: { orgId: string; email: string }, context: RequestContext): Promise<VerificationRequest> {
    const { orgId, reason } = await this.assess(scope.partnerId, input.orgId, input.email);
    const requester = await this.administrators.findById(scope.administratorId);
    const requestedByLabel = requester?.email ?? 'an admin';
    // Drawn, hashed and put in an email for every request alike (the same lookups and work, so that
    // the time taken tells nothing); only a deliverable one's email is queued.
    const code = newVerificationCode();
    const token = newOpaqueToken();
    const now = this.clock.now();
    const email = await this.compose(scope, { orgId, enteredOrgId: input.orgId, requestedByLabel }, code, token);
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.save(
        manager.create(VerificationRequest, {
          partnerId: scope.partnerId,
          enteredOrgId: input.orgId,
          recipientEmail: input.email,
          orgId,
          deliverable: reason === null,
          undeliverableReason: reason,
          requestedBy: scope.administratorId,
          requestedByLabel,
          codeHash: hashToken(code),
          linkTokenHash: hashToken(token),
          expiresAt: this.expiry(now),
          lastSentAt: now,
        }),
      );
      if (reason === null) await this.mail.enqueue(manager, { to: request.recipientEmail, template: email });
      // The audit trail is the partner's too: it says what was asked, never whether it could go out.
      await this.audit.record(manager, partnerAudit(scope.partnerId, adminActor(scope, context), 'verification.requested', { type: 'verification', id: request.id }, { orgId: input.orgId, email: input.email }));
      return request;
    });
  }

  /** Runs the same three lookups whatever the answer, so that the time taken tells nothing. */
  private async assess(partnerId: string, publicOrgId: string, email: string): Promise<{ orgId: string | null; reason: UndeliverableReason | null }> {
    const [org] = await this.orgs.findByPublicIds([publicOrgId]);
    const [isAdmin, managedBy] = await Promise.all([this.orgs.isAdminEmail(org?.id ?? NO_ORG, email), this.associations.activePartnerOf(org?.id ?? NO_ORG)]);
    if (!org) return { orgId: null, reason: 'org_not_found' };
    if (!isAdmin) return { orgId: org.id, reason: 'not_an_admin' };
    if (managedBy) return { orgId: org.id, reason: managedBy === partnerId ? 'already_associated' : 'associated_elsewhere' };
    return { orgId: org.id, reason: null };
  }

  private async send(manager: EntityManager, scope: PartnerScope, request: VerificationRequest, code: string, token: string): Promise<void> {
    await this.mail.enqueue(manager, { to: request.recipientEmail, template: await this.compose(scope, request, code, token) });
  }

  /** The email with this code and link; the org's name stays the OrgID as entered when there is no such org. */
  private async compose(scope: PartnerScope, request: Pick<VerificationRequest, 'orgId' | 'enteredOrgId' | 'requestedByLabel'>, code: string, token: string): Promise<MailTemplate> {
    const [partner, orgs] = await Promise.all([this.partners.get(scope.partnerId), this.orgs.describe([request.orgId ?? NO_ORG])]);
    return verificationCodeEmail({
      partnerName: partner.name,
      orgName: orgs.get(request.orgId ?? NO_ORG)?.name ?? request.enteredOrgId,
      orgId: request.enteredOrgId,
      requestedBy: request.requestedByLabel,
      code,
      approveUrl: `${this.config.publicUrl}/verify-org?token=${encodeURIComponent(token)}`,
      expiresInMinutes: VERIFICATION_VALID_MINUTES,
    });
  }

  private async pendingOf(scope: PartnerScope, verificationId: string, manager: EntityManager, lock = false): Promise<VerificationRequest> {
    const request = isUUID(verificationId)
      ? await manager.findOne(VerificationRequest, { where: { id: verificationId, partnerId: scope.partnerId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!request) throw new NotFoundError('verification.not_found', 'Your partner has no such verification request');
    if (request.status !== 'pending') throw new DomainError('verification.void', 410, `This verification is ${request.status}; start a new one if needed`);
    return request;
  }

  private async count(limit: RateLimit, subject: string): Promise<void> {
    const state = await this.limiter.hit(limit, subject, this.clock.now());
    if (state.hits <= limit.limit) return;
    throw new DomainError('verification.too_many', 429, `Too many verification requests; try again in ${minutes(state.retryAfterSeconds)} minute(s)`, {
      headers: { 'Retry-After': String(state.retryAfterSeconds) },
    });
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + VERIFICATION_VALID_MINUTES * 60_000);
  }
}

function minutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

