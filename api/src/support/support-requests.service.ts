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
import { AppConfig } from '../config/app-config.provider.js';
import { MailService } from '../mail/mail.service.js';
import { supportRequestFiledEmail } from '../mail/templates/support-request.js';
import { isUniqueViolation } from '../orgs/org-actor.js';
import { OrgDirectoryService } from '../orgs/organizations/org-directory.service.js';
import { AssociationsService } from '../partners/associations/associations.service.js';
import { partnerAudit, type PartnerActor } from '../partners/partner-actor.js';
import { roleAllows, type PartnerRole } from '../partners/partner-roles.js';
import { RequestChanges } from './request-changes.js';
import { validRequest } from './request-details.js';
import { requestDetailsDto, requestDto } from './request-view.js';
import { SupportRequest } from './support-request.entity.js';
import type { CreateSupportRequestDto, ListRequestsQueryDto, SupportRequestDetailsDto, SupportRequestPageDto } from './support-requests.dto.js';
import { SupportRequestsRepository } from './support-requests.repository.js';

/** Roles that may ask to detach an org: those that manage the portfolio. */
const mayDetach = (role: string) => roleAllows(role as PartnerRole, 'orgs.manage');

/** Who may withdraw a request: whoever filed it, or an owner or admin. */
const mayCancel = (scope: PartnerScope, request: SupportRequest) => request.createdById === scope.administratorId || mayDetach(scope.role);

/** A partner's side of support requests: file, follow, comment, cancel while open. */
@Injectable()
export class SupportRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: SupportRequestsRepository,
    private readonly changes: RequestChanges,
    private readonly associations: AssociationsService,
    private readonly orgs: OrgDirectoryService,
    private readonly administrators: AdministratorsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async file(scope: PartnerScope, input: CreateSupportRequestDto, context: RequestContext): Promise<SupportRequestDetailsDto> {
    // "Today" anywhere on Earth: west of UTC it is still yesterday in UTC terms late in the evening.
    const earliest = new Date(this.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    const valid = validRequest(input, earliest);
    if (input.kind === 'detach' && !mayDetach(scope.role)) {
      throw new DomainError('partners.forbidden', 403, `Your role (${scope.role}) does not allow asking to detach an organization; ask an owner or admin of your partner`);
    }
    const orgId = valid.orgPublicId ? await this.orgInReach(scope, valid.orgPublicId) : null;
    const actor = await this.actorOf(scope, context);
    const now = this.clock.now();
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        if (orgId && (await this.requests.openDetachOf(orgId, manager))) throw detachPending();
        const request = await manager.save(
          manager.create(SupportRequest, {
            partnerId: scope.partnerId,
            kind: input.kind,
            subject: valid.subject,
            details: { ...valid.details },
            orgId,
            createdById: scope.administratorId,
            createdByLabel: actor.label!,
            createdAt: now,
            updatedAt: now,
          }),
        );
        const filed = await this.requests.find(request.id, manager);
        await this.changes.addEvent(manager, filed!, actor, 'filed');
        await this.audit.record(manager, partnerAudit(scope.partnerId, actor, 'support.request.filed', { type: 'support_request', id: request.id }, { kind: input.kind }, orgId ?? undefined));
        await this.mail.enqueue(manager, {
          to: this.config.env.STAFF_EMAIL,
          template: supportRequestFiledEmail({
            number: Number(filed!.number),
            subject: valid.subject,
            partnerName: scope.partnerName,
            kind: input.kind,
            filedBy: actor.label!,
            backofficeUrl: `${this.config.publicUrl}/admin/resources/SupportRequest/records/${request.id}/show`,
          }),
        });
        return request.id;
      });
      return this.get(scope, id);
    } catch (error) {
      // Two admins asking at once: the unique index lets one through.
      if (isUniqueViolation(error)) throw detachPending();
      throw error;
    }
  }

  async list(scope: PartnerScope, query: ListRequestsQueryDto): Promise<SupportRequestPageDto> {
    const { rows, nextCursor } = await this.requests.page({
      partnerId: scope.partnerId,
      kind: query.kind,
      status: query.status,
      detachVisibleTo: scope.orgAccess === 'all' ? undefined : { administratorId: scope.administratorId, orgIds: await this.associations.orgIdsInScope(scope) },
      limit: query.limit ?? 25,
      cursor: query.cursor,
    });
    const orgs = await this.orgs.describe(rows.flatMap((row) => (row.orgId ? [row.orgId] : [])));
    return { items: rows.map((row) => requestDto(row, row.orgId ? orgs.get(row.orgId) : undefined, mayCancel(scope, row))), nextCursor };
  }

  async get(scope: PartnerScope, id: string, manager?: EntityManager): Promise<SupportRequestDetailsDto> {
    const request = await this.visible(scope, id, manager);
    const org = request.orgId ? (await this.orgs.describe([request.orgId])).get(request.orgId) : undefined;
    return requestDetailsDto(request, org, await this.requests.timeline(request.id, manager), 'partner', mayCancel(scope, request));
  }

  async comment(scope: PartnerScope, id: string, comment: string, context: RequestContext): Promise<SupportRequestDetailsDto> {
    const actor = await this.actorOf(scope, context);
    await this.dataSource.transaction(async (manager) => {
      await this.visible(scope, id, manager);
      const request = (await this.requests.lock(manager, id))!;
      await this.changes.comment(manager, request, actor, comment);
    });
    return this.get(scope, id);
  }

  /** The partner withdraws a request staff have not taken yet: whoever filed it, or an owner or admin. */
  async cancel(scope: PartnerScope, id: string, comment: string | null, context: RequestContext): Promise<SupportRequestDetailsDto> {
    const actor = await this.actorOf(scope, context);
    await this.dataSource.transaction(async (manager) => {
      await this.visible(scope, id, manager);
      const request = (await this.requests.lock(manager, id))!;
      if (!mayCancel(scope, request)) {
        throw new DomainError('partners.forbidden', 403, 'Only whoever filed this request, or an owner or admin of your partner, may cancel it');
      }
      if (request.status !== 'open') {
        throw new DomainError('support.not_cancellable', 409, `Request ${request.number} is no longer open: platform support has it; comment on it instead`);
      }
      await this.changes.setStatus(manager, request, 'cancelled', actor, comment);
    });
    return this.get(scope, id);
  }

  /** A request of the caller's partner they may see; anything else is 404 alike. */
  private async visible(scope: PartnerScope, id: string, manager?: EntityManager): Promise<SupportRequest> {
    const request = isUUID(id) ? await this.requests.find(id, manager) : null;
    if (!request || request.partnerId !== scope.partnerId) throw notFound();
    if (request.kind === 'detach' && scope.orgAccess === 'selected' && request.createdById !== scope.administratorId) {
      if (!request.orgId || !(await this.associations.orgIdsInScope(scope)).includes(request.orgId)) throw notFound();
    }
    return request;
  }

  private async orgInReach(scope: PartnerScope, publicOrgId: string): Promise<string> {
    const [org] = await this.associations.resolvePortfolioOrgs(scope.partnerId, [publicOrgId]).catch(() => [undefined]);
    if (!org || (scope.orgAccess === 'selected' && !(await this.associations.orgIdsInScope(scope)).includes(org.id))) {
      throw new NotFoundError('orgs.not_found', 'There is no organization with this OrgID that you manage');
    }
    return org.id;
  }

  private async actorOf(scope: PartnerScope, context: RequestContext): Promise<PartnerActor> {
    const email = (await this.administrators.describe([scope.administratorId])).get(scope.administratorId)?.email ?? null;
    return { type: 'administrator', id: scope.administratorId, label: email, sessionId: scope.sessionId, context };
  }
}

function notFound(): NotFoundError {
  return new NotFoundError('support.not_found', 'There is no such request of your partner');
}

function detachPending(): DomainError {
  return new DomainError('support.detach_pending', 409, 'A request to detach this organization is already open');
}
