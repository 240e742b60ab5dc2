import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock.js';
import { DomainError, NotFoundError } from '../../common/domain-error.js';
import type { RequestContext } from '../../common/http/request-context.js';
import { RateLimiter, type RateLimit } from '../../identity/rate-limit/rate-limiter.js';
import { MailService } from '../../mail/mail.service.js';
import { applicationDeclinedEmail } from '../../mail/templates/application-declined.js';
import { applicationReceivedEmail } from '../../mail/templates/application-received.js';
import { PartnerInvitationsService } from '../invitations/partner-invitations.service.js';
import type { Partner } from '../partner.entity.js';
import { partnerAudit, type PartnerActor } from '../partner-actor.js';
import { PartnersService } from '../partners.service.js';
import type { ApplicationReceivedDto, CreateApplicationDto } from './applications.dto.js';
import { PartnerApplication } from './partner-application.entity.js';

/** A public form sends a confirmation email: limited so that it cannot flood a mailbox or the review queue. */
const APPLICATIONS_PER_EMAIL: RateLimit = { name: 'application-email', limit: 3, windowSeconds: 3600 };
const APPLICATIONS_PER_IP: RateLimit = { name: 'application-ip', limit: 10, windowSeconds: 3600 };

/** "Become a partner" and "request an evaluation": received from anyone, decided by staff. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partners: PartnersService,
    private readonly invitations: PartnerInvitationsService,
    private readonly mail: MailService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async submit(input: CreateApplicationDto, context: RequestContext): Promise<ApplicationReceivedDto> {
    const now = this.clock.now();
    for (const [limit, subject] of [[APPLICATIONS_PER_IP, context.ip ?? 'unknown'], [APPLICATIONS_PER_EMAIL, input.email]] as const) {
      const state = await this.limiter.hit(limit, subject, now);
      if (state.hits > limit.limit) {
        throw new DomainError('applications.too_many', 429, `Too many requests; try again in ${Math.ceil(state.retryAfterSeconds / 60)} minute(s)`, {
          headers: { 'Retry-After': String(state.retryAfterSeconds) },
        });
      }
    }
    await this.dataSource.transaction(async (manager) => {
      const application = await manager.save(
        manager.create(PartnerApplication, {
          kind: input.kind,
          company: input.company,
          contactName: input.contactName,
          email: input.email,
          customerCount: input.customerCount ?? null,
          partnerKind: input.partnerKind ?? 'msp',
          message: input.message?.trim() ?? '',
        }),
      );
      await this.mail.enqueue(manager, { to: input.email, template: applicationReceivedEmail({ contactName: input.contactName, company: input.company, kind: input.kind }) });
      await this.audit.record(manager, {
        actor: { type: 'anonymous', label: input.email },
        action: 'partners.application.submitted',
        outcome: 'success',
        target: { type: 'application', id: application.id },
        context,
        details: { kind: input.kind },
      });
    });
    return { received: true, message: `Thank you. We sent a confirmation to ${input.email} and will reply after review.` };
  }

  /** Creates the partner and invites the applicant as its owner, once: a second approval is refused. */
  async approve(applicationId: string, actor: PartnerActor): Promise<Partner> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.lockNew(applicationId, manager);
      const partner = await this.partners.create(manager, { name: application.company, kind: application.partnerKind }, actor);
      await this.invitations.invite(partner.id, { email: application.email, role: 'owner', orgAccess: 'all' }, actor, manager);
      await manager.update(PartnerApplication, { id: application.id }, { status: 'approved', handledAt: this.clock.now(), handledBy: actor.id, partnerId: partner.id });
      await this.audit.record(manager, partnerAudit(partner.id, actor, 'partners.application.approved', { type: 'application', id: application.id }));
      return partner;
    });
  }

  async reject(applicationId: string, note: string | null, actor: PartnerActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lockNew(applicationId, manager);
      await manager.update(PartnerApplication, { id: application.id }, { status: 'rejected', handledAt: this.clock.now(), handledBy: actor.id, handledNote: note });
      await this.mail.enqueue(manager, {
        to: application.email,
        template: applicationDeclinedEmail({ contactName: application.contactName, company: application.company, kind: application.kind }),
      });
      await this.audit.record(manager, {
        actor: { type: actor.type, id: actor.id, label: actor.label },
        action: 'partners.application.rejected',
        outcome: 'success',
        target: { type: 'application', id: application.id },
        context: actor.context,
        details: note ? { note } : undefined,
      });
    });
  }

  private async lockNew(applicationId: string, manager: DataSource['manager']): Promise<PartnerApplication> {
    const application = isUUID(applicationId) ? await manager.findOne(PartnerApplication, { where: { id: applicationId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!application) throw new NotFoundError('applications.not_found', 'There is no such application');
    if (application.status !== 'new') throw new DomainError('applications.already_handled', 409, `This application was already ${application.status}`);
    return application;
  }
}
